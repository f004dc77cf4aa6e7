import type { Database } from "../db/client.js";
import { sendDailyDigests, sendGroupedPushes } from "../modules/notifications/index.js";

/** What the pass's notification pushes did. */
export interface PushCounts {
  grouped: number;
  digests: number;
}

/**
 * The scheduler's notification step, after the 督办单 scan and the reminders and before the delivery drain: the
 * pushes they held back go out as one grouped message per user and unit, and from 08:00 (Asia/Shanghai) each
 * user's daily digest, once a day.
 */
export async function sendNotificationPushes(deps: { database: Database; now: Date }): Promise<PushCounts> {
  const grouped = await sendGroupedPushes(deps.database, deps.now);
  const digests = await sendDailyDigests(deps.database, deps.now);
  return { grouped, digests };
}
