import { and, asc, eq, gt, inArray, lte, or, sql } from "drizzle-orm";
import type { Database, DbOrTx } from "../db/client.js";
import { channelSettings, deliveries } from "../db/schema.js";
import { loadConfig } from "../env.js";
import { type EmailConfig, openConfig, type RobotConfig } from "./channel-config.js";
import type { OutgoingMessage } from "./enqueue.js";
import { isQuietHour, robotSendTime } from "./quiet-hours.js";
import { dingtalkPayload, dingtalkUrl, postRobot, wecomPayload } from "./robots.js";
import { type SecretBox, secretBoxFor } from "./secret-box.js";
import { sendMail } from "./smtp-client.js";

/** Attempts before a delivery is marked failed. */
export const MAX_ATTEMPTS = 5;
/** Wait after the 1st, 2nd, 3rd and 4th failure. */
const BACKOFF_MINUTES = [1, 5, 15, 60];
/** Messages per minute one robot accepts (both vendors document 20). */
export const ROBOT_PER_MINUTE = 20;

/**
 * How long a worker holds a claimed delivery. Far above one send (robots time out after 10 s, SMTP after 15 s
 * of silence per command), so only a worker that died mid-send lets it lapse; the row is then claimable again.
 */
export const LEASE_MS = 5 * 60_000;

/** What one drain did. */
export interface DrainCounts {
  sent: number;
  retried: number;
  failed: number;
  deferred: number;
}

type DeliveryRow = typeof deliveries.$inferSelect;

/** A delivery this worker holds: the row as claimed (attempts already counted) and its channel's settings. */
interface Claim {
  row: DeliveryRow;
  setting: { enabled: boolean; config: unknown } | null;
}

/**
 * Sends queued deliveries whose time has come. Each is claimed in a short transaction (FOR UPDATE SKIP LOCKED,
 * then status `sending` under a lease), sent with no transaction open, and its outcome written afterwards; so a
 * slow mail server or robot never holds a database connection, and several processes never send one twice.
 */
export async function drainDeliveries(
  deps: { database: Database; secrets?: SecretBox },
  options: { now: Date; limit?: number; tenantId?: string },
): Promise<DrainCounts> {
  const counts: DrainCounts = { sent: 0, retried: 0, failed: 0, deferred: 0 };
  const limit = options.limit ?? 200;
  const { db } = deps.database;
  // Resolved before any claim, so a bad configuration cannot strand a row in `sending`.
  const secrets = deps.secrets ?? defaultSecrets();
  for (let i = 0; i < limit; i++) {
    const claim = await db.transaction((tx) => claimOne(tx, options.now, options.tenantId));
    if (!claim) break;
    if (typeof claim === "string") {
      counts[claim]++;
      continue;
    }
    const error = await attempt(claim, secrets, options.now);
    const outcome = await recordOutcome(db, claim.row, error, options.now);
    if (outcome) counts[outcome]++;
  }
  return counts;
}

/**
 * Claims the next due delivery: a queued one, or one left `sending` by a worker whose lease lapsed. Returns
 * what became of a delivery that is not to be sent now, and null when nothing is due.
 */
async function claimOne(
  tx: DbOrTx,
  now: Date,
  tenantId?: string,
): Promise<Claim | "deferred" | "failed" | null> {
  const [row] = await tx
    .select()
    .from(deliveries)
    .where(
      and(
        inArray(deliveries.status, ["queued", "sending"]),
        lte(deliveries.nextAttemptAt, now),
        tenantId ? eq(deliveries.tenantId, tenantId) : undefined,
      ),
    )
    // Rows queued at one instant tie on the time: the id makes the pick the same on every run of the claim.
    .orderBy(asc(deliveries.nextAttemptAt), asc(deliveries.id))
    .limit(1)
    .for("update", { skipLocked: true });
  if (!row) return null;
  // A row still `sending` here outlived its lease: its worker died mid-send. Its attempt counts.
  if (row.status === "sending" && row.attempts >= MAX_ATTEMPTS) {
    await tx
      .update(deliveries)
      .set({ status: "failed", lastError: INTERRUPTED })
      .where(eq(deliveries.id, row.id));
    return "failed";
  }
  if (row.channel !== "email") {
    const later = await robotHoldUntil(tx, row, now);
    if (later) {
      await tx
        .update(deliveries)
        .set({ status: "queued", nextAttemptAt: later })
        .where(eq(deliveries.id, row.id));
      return "deferred";
    }
  }
  const [setting] = await tx
    .select({ enabled: channelSettings.enabled, config: channelSettings.config })
    .from(channelSettings)
    .where(eq(channelSettings.id, row.settingId));
  // The lease runs from the wall clock: a long drain's `now` is its start, and a lease that had already run
  // out when granted would let another worker send the same message.
  const leaseUntil = new Date(Math.max(now.getTime(), Date.now()) + LEASE_MS);
  const [claimed] = await tx
    .update(deliveries)
    .set({
      status: "sending",
      attempts: row.attempts + 1,
      nextAttemptAt: leaseUntil,
    })
    .where(eq(deliveries.id, row.id))
    .returning();
  return { row: claimed!, setting: setting ?? null };
}

/** Recorded when a worker died during the last attempt: whether that message went out is unknown. */
const INTERRUPTED = "最后一次发送中断（处理进程退出），无法确认是否送达";

/** Sends one claimed delivery; the error, or null once the channel accepted it. No transaction is open here. */
async function attempt(claim: Claim, secrets: SecretBox, now: Date): Promise<string | null> {
  try {
    if (!claim.setting?.enabled) throw new Error("渠道已停用或已删除");
    await send(claim.row, openConfig(secrets, claim.setting.config), now);
    return null;
  } catch (e) {
    return (e instanceof Error ? e.message : String(e)).slice(0, 1000);
  }
}

/**
 * Writes how the attempt went. The update matches the claim's attempt count, so a worker that outlived its
 * lease (another has claimed the row since) changes nothing; null then.
 */
async function recordOutcome(
  db: DbOrTx,
  row: DeliveryRow,
  error: string | null,
  now: Date,
): Promise<keyof DrainCounts | null> {
  const failed = error !== null && row.attempts >= MAX_ATTEMPTS;
  const wait = BACKOFF_MINUTES[Math.min(row.attempts, BACKOFF_MINUTES.length) - 1]! * 60_000;
  const values =
    error === null
      ? { status: "sent", sentAt: now, lastError: null }
      : {
          status: failed ? "failed" : "queued",
          lastError: error,
          nextAttemptAt: failed ? now : new Date(now.getTime() + wait),
        };
  const [written] = await db
    .update(deliveries)
    .set(values)
    .where(
      and(eq(deliveries.id, row.id), eq(deliveries.status, "sending"), eq(deliveries.attempts, row.attempts)),
    )
    .returning({ id: deliveries.id });
  if (!written) return null;
  return error === null ? "sent" : failed ? "failed" : "retried";
}

/**
 * When a robot message must wait: the quiet hours, or the robot's 20-a-minute limit. The advisory lock
 * serialises processes sending to one robot, so their counts of recent sends cannot both pass the limit; a
 * message another worker is sending right now counts as sent now.
 */
async function robotHoldUntil(tx: DbOrTx, row: DeliveryRow, now: Date): Promise<Date | null> {
  if (isQuietHour(now)) return robotSendTime(now);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`robot:${row.target}`}))`);
  const since = new Date(now.getTime() - 60_000);
  const recent = await tx
    .select({ status: deliveries.status, sentAt: deliveries.sentAt })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.target, row.target),
        or(
          and(eq(deliveries.status, "sent"), gt(deliveries.sentAt, since)),
          // In flight: claimed under a lease that has not lapsed.
          and(eq(deliveries.status, "sending"), gt(deliveries.nextAttemptAt, now)),
        ),
      ),
    );
  if (recent.length < ROBOT_PER_MINUTE) return null;
  const times = recent
    .map((r) => (r.status === "sent" ? r.sentAt!.getTime() : now.getTime()))
    .sort((a, b) => a - b);
  // The oldest send in the window leaves it first; a slot opens then.
  const slot = times[times.length - ROBOT_PER_MINUTE]! + 60_000;
  return new Date(Math.max(slot, now.getTime() + 1000));
}

/** Hands one delivery to its channel. */
async function send(row: DeliveryRow, config: Record<string, unknown>, now: Date): Promise<void> {
  const message = row.payload as OutgoingMessage;
  if (row.channel === "email") {
    const c = config as unknown as EmailConfig;
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
  const robot = config as unknown as RobotConfig;
  if (row.channel === "wecom") return postRobot(robot.webhook, wecomPayload(message));
  return postRobot(dingtalkUrl(robot.webhook, robot.secret, now.getTime()), dingtalkPayload(message));
}

/**
 * When no box is given (`duban serve` passes its own), the environment's configuration supplies the key, read only
 * when a sealed value is met.
 */
function defaultSecrets(): SecretBox {
  return secretBoxFor(loadConfig());
}
