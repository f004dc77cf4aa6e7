import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import type { Database, DbOrTx } from "../db/client.js";
import { channelSettings, deliveries } from "../db/schema.js";
import { isQuietHour, robotSendTime } from "../jobs/reminder-rules.js";
import type { EmailConfig, RobotConfig } from "./channel-config.js";
import type { OutgoingMessage } from "./enqueue.js";
import { dingtalkPayload, dingtalkUrl, postRobot, wecomPayload } from "./robots.js";
import { sendMail } from "./smtp-client.js";

/** Attempts before a delivery is marked failed. */
export const MAX_ATTEMPTS = 5;
/** Wait after the 1st, 2nd, 3rd and 4th failure. */
const BACKOFF_MINUTES = [1, 5, 15, 60];
/** Messages per minute one robot accepts (both vendors document 20). */
export const ROBOT_PER_MINUTE = 20;

/** What one drain did. */
export interface DrainCounts {
  sent: number;
  retried: number;
  failed: number;
  deferred: number;
}

type DeliveryRow = typeof deliveries.$inferSelect;

/**
 * Sends queued deliveries whose time has come, one per transaction: the row is claimed with
 * FOR UPDATE SKIP LOCKED, so several processes drain one queue without sending anything twice.
 */
export async function drainDeliveries(
  deps: { database: Database },
  options: { now: Date; limit?: number; tenantId?: string },
): Promise<DrainCounts> {
  const counts: DrainCounts = { sent: 0, retried: 0, failed: 0, deferred: 0 };
  const limit = options.limit ?? 200;
  for (let i = 0; i < limit; i++) {
    const outcome = await deps.database.db.transaction((tx) => drainOne(tx, options.now, options.tenantId));
    if (!outcome) break;
    counts[outcome]++;
  }
  return counts;
}

/** Claims and handles one due delivery; null when the queue has nothing due. */
async function drainOne(tx: DbOrTx, now: Date, tenantId?: string): Promise<keyof DrainCounts | null> {
  const [row] = await tx
    .select()
    .from(deliveries)
    .where(
      and(
        eq(deliveries.status, "queued"),
        lte(deliveries.nextAttemptAt, now),
        tenantId ? eq(deliveries.tenantId, tenantId) : undefined,
      ),
    )
    .orderBy(asc(deliveries.nextAttemptAt))
    .limit(1)
    .for("update", { skipLocked: true });
  if (!row) return null;
  const robot = row.channel !== "email";
  if (robot) {
    const later = await robotHoldUntil(tx, row, now);
    if (later) {
      await tx.update(deliveries).set({ nextAttemptAt: later }).where(eq(deliveries.id, row.id));
      return "deferred";
    }
  }
  const [setting] = await tx.select().from(channelSettings).where(eq(channelSettings.id, row.settingId));
  const attempts = row.attempts + 1;
  try {
    if (!setting?.enabled) throw new Error("渠道已停用或已删除");
    await send(row, setting.config, now);
    await tx
      .update(deliveries)
      .set({ status: "sent", attempts, sentAt: now, lastError: null })
      .where(eq(deliveries.id, row.id));
    return "sent";
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const failed = attempts >= MAX_ATTEMPTS;
    const wait = BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1]! * 60_000;
    await tx
      .update(deliveries)
      .set({
        attempts,
        lastError: reason.slice(0, 1000),
        status: failed ? "failed" : "queued",
        nextAttemptAt: failed ? row.nextAttemptAt : new Date(now.getTime() + wait),
      })
      .where(eq(deliveries.id, row.id));
    return failed ? "failed" : "retried";
  }
}

/**
 * When a robot message must wait: the quiet hours, or the robot's 20-a-minute limit. The advisory lock
 * serialises processes sending to one robot, so their counts of recent sends cannot both pass the limit.
 */
async function robotHoldUntil(tx: DbOrTx, row: DeliveryRow, now: Date): Promise<Date | null> {
  if (isQuietHour(now)) return robotSendTime(now);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`robot:${row.target}`}))`);
  const since = new Date(now.getTime() - 60_000);
  const recent = await tx
    .select({ sentAt: deliveries.sentAt })
    .from(deliveries)
    .where(
      and(eq(deliveries.target, row.target), eq(deliveries.status, "sent"), gt(deliveries.sentAt, since)),
    )
    .orderBy(asc(deliveries.sentAt));
  if (recent.length < ROBOT_PER_MINUTE) return null;
  // The oldest send in the window leaves it first; a slot opens then.
  const slot = recent[recent.length - ROBOT_PER_MINUTE]!.sentAt!.getTime() + 60_000;
  return new Date(Math.max(slot, now.getTime() + 1000));
}

/** Hands one delivery to its channel. */
async function send(row: DeliveryRow, config: unknown, now: Date): Promise<void> {
  const message = row.payload as OutgoingMessage;
  if (row.channel === "email") {
    const c = config as EmailConfig;
    await sendMail(
      {
        host: c.host,
        port: c.port,
        secure: c.tls === "tls",
        starttls: c.tls === "starttls",
        ...(c.user ? { user: c.user, pass: c.pass ?? "" } : {}),
        allowSelfSigned: c.allowSelfSigned ?? false,
      },
      { from: c.from, to: [row.target], subject: message.title, text: message.text },
    );
    return;
  }
  const robot = config as RobotConfig;
  if (row.channel === "wecom") return postRobot(robot.webhook, wecomPayload(message));
  return postRobot(dingtalkUrl(robot.webhook, robot.secret, now.getTime()), dingtalkPayload(message));
}
