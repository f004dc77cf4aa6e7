import { defaultNotificationMode, type NotificationMode, notificationKindOf } from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { enqueueMessage } from "../../notify/enqueue.js";
import { digestDayOf } from "./digest-day.js";
import {
  findModes,
  findRecipients,
  insertOnce,
  type Person,
  type Recipients,
} from "./recipients.repository.js";

export type { Recipients } from "./recipients.repository.js";

/** One step's notification: who hears of it, what it says, and what it opens. */
export interface NotifyInput {
  tenantId: string;
  /** A kind of `notificationKindLabels`, or a 催办 row kind (`reminder_due`, …). */
  kind: string;
  recipients: Recipients;
  title: string;
  body?: string;
  /** The web path of the record it is about. */
  link: string | null;
  entity: string | null;
  entityId: string | null;
  /** The step that causes it (kind, record, event or version): the same key never tells a user twice. */
  dedupeKey: string;
  now: Date;
  /** Push at the end of the scheduler pass, one grouped message per user and unit, not one per item. */
  grouped?: boolean;
  /** Whose group robot carries the push (null: the tenant's); by default the recipients' unit. */
  robotUnitId?: string | null;
}

/**
 * The one path every step notifies through, inside the step's transaction: puts the notification in each
 * recipient's bell once (a replay of the step inserts nothing and pushes nothing), then per each recipient's
 * preference for the kind queues the push now, leaves it for the pass's grouped message, or for the 08:00 digest.
 * Returns how many users were newly told.
 */
export async function notify(tx: DbOrTx, input: NotifyInput): Promise<number> {
  const { tenantId, now } = input;
  const people = await findRecipients(tx, tenantId, input.recipients);
  if (people.length === 0) return 0;
  const prefKind = notificationKindOf(input.kind);
  const modes = prefKind
    ? await findModes(
        tx,
        tenantId,
        prefKind,
        people.map((p) => p.id),
      )
    : new Map<string, NotificationMode>();
  const pushStateOf = (mode: NotificationMode) =>
    mode === "digest" ? "digest" : mode === "push" && input.grouped ? "group" : null;
  const modeOf = (id: string): NotificationMode => modes.get(id) ?? defaultNotificationMode;
  const inserted = await insertOnce(
    tx,
    people.map((p) => ({
      tenantId,
      userId: p.id,
      kind: input.kind,
      title: input.title,
      body: input.body ?? "",
      link: input.link,
      entity: input.entity,
      entityId: input.entityId,
      dedupeKey: input.dedupeKey,
      pushState: pushStateOf(modeOf(p.id)),
      digestDay: modeOf(p.id) === "digest" ? digestDayOf(now) : null,
    })),
  );
  if (!input.grouped) {
    const told = new Set(inserted.map((r) => r.userId));
    const pushed = people.filter((p) => told.has(p.id) && modeOf(p.id) === "push");
    // Nobody wants it pushed now: the group robot stays quiet too.
    if (pushed.length > 0)
      await enqueueMessage(tx, {
        tenantId,
        unitId: input.robotUnitId !== undefined ? input.robotUnitId : robotUnitOf(input.recipients, pushed),
        emails: pushed.flatMap((p) => (p.email ? [p.email] : [])),
        message: { title: input.title, text: input.body || input.title },
        now,
      });
  }
  return inserted.length;
}

/**
 * The unit whose group robot hears of a notification: the recipient unit, or the one unit all the named people
 * belong to; null (the tenant's robot) for people of several units or none.
 */
export function robotUnitOf(to: Recipients, people: Person[]): string | null {
  if ("unitId" in to) return to.unitId;
  const units = new Set(people.map((p) => p.unitId));
  return units.size === 1 ? ([...units][0] ?? null) : null;
}

/** What a unit is told about, and where the bell's link leads: a step's notification addressed to one unit. */
export type UnitNotice = Omit<NotifyInput, "recipients" | "robotUnitId"> & { unitId: string };

/** Tells every enabled user of the unit, through `notify`. */
export async function notifyUnit(tx: DbOrTx, notice: UnitNotice): Promise<number> {
  const { unitId, ...fields } = notice;
  return notify(tx, { ...fields, recipients: { unitId } });
}
