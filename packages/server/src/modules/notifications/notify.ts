import type { DbOrTx } from "../../db/client.js";
import { findEnabledUnitUserIds, insertNotifications } from "./notifications.repository.js";

/** What a unit is told about, and where the bell's link leads. */
export interface UnitNotice {
  tenantId: string;
  unitId: string;
  kind: string;
  title: string;
  body?: string;
  link: string | null;
  entity: string | null;
  entityId: string | null;
}

/** Puts a notification in the bell of every enabled user of the unit, inside the caller's transaction. */
export async function notifyUnit(tx: DbOrTx, notice: UnitNotice): Promise<number> {
  const { unitId, ...fields } = notice;
  const people = await findEnabledUnitUserIds(tx, notice.tenantId, unitId);
  if (people.length === 0) return 0;
  await insertNotifications(
    tx,
    people.map((p) => ({ ...fields, body: fields.body ?? "", userId: p.id })),
  );
  return people.length;
}
