import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { notifications, users } from "../../db/schema.js";

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
  const people = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, notice.tenantId), eq(users.unitId, unitId), eq(users.enabled, true)));
  if (people.length === 0) return 0;
  await tx
    .insert(notifications)
    .values(people.map((p) => ({ ...fields, body: fields.body ?? "", userId: p.id })));
  return people.length;
}
