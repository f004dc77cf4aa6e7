import { shanghaiDate } from "@duban/domain";
import type { Database } from "../../db/client.js";
import { enqueueMessage, type OutgoingMessage } from "../../notify/enqueue.js";
import { isPastDigestHour } from "./digest-day.js";
import {
  claimDigest,
  findDigestUsers,
  findPushTargets,
  type HeldRow,
  takeHeld,
} from "./pushes.repository.js";

/** Reminders one audience is owed in one run from which they are pushed as one grouped message. */
export const GROUP_PUSH_AT = 3;

/** One message for several items: the single item as it is, else a count and the numbered list. */
export function groupedMessage(rows: HeldRow[], heading: (n: number) => string): OutgoingMessage {
  if (rows.length === 1) return { title: rows[0]!.title, text: rows[0]!.body || rows[0]!.title };
  const lines = rows.map((r, i) => `${i + 1}. ${r.title}${r.body ? `（${r.body}）` : ""}`);
  return { title: heading(rows.length), text: lines.join("\n") };
}

/** Groups rows by a key, keeping their order. */
function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) out.set(key(row), [...(out.get(key(row)) ?? []), row]);
  return out;
}

/** The heading of a grouped escalation push. */
const escalationHeading = (n: number) => `督办提醒：${n} 项事项逾期或待处理`;

/**
 * Sends the pushes held back during a scheduler pass (automatic 督办单, 催办): one email per user and one
 * message per unit's group robot, each listing the items, instead of one per item. Taking the rows and queueing
 * the messages is one transaction, so a crash leaves them held for the next pass and nothing goes twice.
 */
export async function sendGroupedPushes(database: Database, now: Date, tenantId?: string): Promise<number> {
  return database.db.transaction(async (tx) => {
    const held = await takeHeld(tx, { state: "group" }, tenantId);
    let queued = 0;
    for (const [tenantId, rows] of groupBy(held, (r) => r.tenantId)) {
      const people = await findPushTargets(tx, tenantId, [...new Set(rows.map((r) => r.userId))]);
      const byId = new Map(people.map((p) => [p.id, p]));
      for (const [userId, mine] of groupBy(rows, (r) => r.userId)) {
        const email = byId.get(userId)?.email;
        if (email)
          queued += await enqueueMessage(tx, {
            tenantId,
            unitId: null,
            emails: [email],
            message: groupedMessage(mine, escalationHeading),
            now,
            robots: false,
          });
      }
      // A unit's robot hears each item once, however many of its users were told.
      const byUnit = groupBy(rows, (r) => byId.get(r.userId)?.unitId ?? "");
      for (const [unitId, unitRows] of byUnit) {
        const items = [...groupBy(unitRows, (r) => `${r.kind}|${r.entityId}|${r.title}`).values()].map(
          (g) => g[0]!,
        );
        queued += await enqueueMessage(tx, {
          tenantId,
          unitId: unitId || null,
          emails: [],
          message: groupedMessage(items, escalationHeading),
          now,
        });
      }
    }
    return queued;
  });
}

/**
 * From 08:00 Asia/Shanghai, sends each user with notifications due in the day's digest one email listing them,
 * once a day: the day's claim (a unique row per user and day) and the taking of the rows share one transaction,
 * so two processes, or two passes, never send a user two digests on one day. Returns how many digests went out.
 */
export async function sendDailyDigests(database: Database, now: Date, tenantId?: string): Promise<number> {
  if (!isPastDigestHour(now)) return 0;
  const day = shanghaiDate(now);
  let sent = 0;
  for (const key of await findDigestUsers(database.db, day, tenantId)) {
    const done = await database.db.transaction(async (tx) => {
      if (!(await claimDigest(tx, { ...key, day }))) return false;
      const rows = await takeHeld(tx, { state: "digest", ...key, day });
      const [person] = await findPushTargets(tx, key.tenantId, [key.userId]);
      if (rows.length === 0 || !person?.email) return true;
      const text = rows.map((r, i) => `${i + 1}. ${r.title}${r.body ? `（${r.body}）` : ""}`).join("\n");
      await enqueueMessage(tx, {
        tenantId: key.tenantId,
        unitId: null,
        emails: [person.email],
        message: { title: `每日通知汇总（${day}）：共 ${rows.length} 项`, text },
        now,
        robots: false,
      });
      return true;
    });
    if (done) sent++;
  }
  return sent;
}
