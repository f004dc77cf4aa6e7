import type { Database } from "../db/client.js";
import { type MaintenanceState, maintainEmbeddedDatabase, newMaintenanceState } from "../db/maintenance.js";
import { raiseAutoNotices } from "../modules/notices/index.js";
import { recordDemoHistory, recordPlanSnapshots } from "../modules/snapshots/index.js";
import { drainDeliveries } from "../notify/delivery-worker.js";
import type { SecretBox } from "../notify/secret-box.js";
import { findTenantIds } from "./reminders.repository.js";
import { runReminders } from "./run-reminders.js";
import { sendNotificationPushes } from "./send-notification-pushes.js";

/** Where the scheduler reports trouble; Fastify's logger fits. */
export interface SchedulerLog {
  error(obj: unknown, msg?: string): void;
  /** Notes that need no action now, such as a year missing from a working-day calendar. */
  warn?(obj: unknown, msg?: string): void;
}

/**
 * One pass: on the embedded database its upkeep when due (`db/maintenance.ts`), then automatic 督办单 and the day's
 * plan snapshots for every tenant, today's reminders, their grouped pushes and digests, then the queue.
 */
export async function runScheduledWork(deps: {
  database: Database;
  now: Date;
  /** Opens the channel secrets; the delivery worker reads the environment's key when absent. */
  secrets?: SecretBox;
  log?: SchedulerLog;
  /** Demo mode: a plan published in the demo also gets a monthly history, so its cockpit draws a trend. */
  demo?: boolean;
  /** What the process has done for the embedded database's upkeep; none is done without it. */
  maintenance?: MaintenanceState;
}) {
  const { database, now } = deps;
  if (deps.maintenance) {
    try {
      await maintainEmbeddedDatabase(database, now, deps.maintenance);
    } catch (e) {
      if (database.availability.noteFailure(e)) throw e;
      // Tried again by the next pass; the reminders do not wait for it.
      deps.log?.error({ err: e }, "内置数据库维护（VACUUM / ANALYZE）失败");
    }
  }
  for (const t of await findTenantIds(database.db)) {
    try {
      await raiseAutoNotices({ database }, { tenantId: t.id, now });
    } catch (e) {
      // A lost database ends the pass (the scheduler waits for its return); it is not one tenant's fault.
      if (database.availability.noteFailure(e)) throw e;
      // One tenant's bad data must not stop the others' reminders.
      deps.log?.error({ err: e, tenantId: t.id }, "自动督办单扫描失败");
    }
    try {
      // The day's snapshot, after the scan so it counts the notices just raised; the first pass of a Shanghai
      // day records it, later passes find it stored and skip.
      await recordPlanSnapshots(database, { tenantId: t.id, now });
      if (deps.demo) await recordDemoHistory(database, { tenantId: t.id, now });
    } catch (e) {
      if (database.availability.noteFailure(e)) throw e;
      deps.log?.error({ err: e, tenantId: t.id }, "计划日快照记录失败");
    }
  }
  const reminders = await runReminders({ database, now, ...(deps.log ? { log: deps.log } : {}) });
  const pushes = await sendNotificationPushes({ database, now });
  const deliveries = await drainDeliveries(
    { database, ...(deps.secrets ? { secrets: deps.secrets } : {}) },
    { now },
  );
  return { reminders, pushes, deliveries };
}

/**
 * Runs the scheduled work every `intervalMs` in this process. Safe with several processes on one PostgreSQL:
 * reminders are claimed by unique key and deliveries with SKIP LOCKED. While the database cannot be reached the
 * passes pause (the outage is logged once, by the database's availability log) and resume on their own after it
 * returns. Returns a stop function that waits for a pass in progress.
 */
export function startScheduler(deps: {
  database: Database;
  intervalMs: number;
  now?: () => Date;
  secrets?: SecretBox;
  log?: SchedulerLog;
  demo?: boolean;
}): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const maintenance = newMaintenanceState();
  const tick = () => {
    // A slow pass (a mail server timing out) is not stacked on by the next tick.
    if (running) return;
    if (!deps.database.availability.available) return;
    running = runScheduledWork({
      database: deps.database,
      now: deps.now?.() ?? new Date(),
      ...(deps.secrets ? { secrets: deps.secrets } : {}),
      ...(deps.log ? { log: deps.log } : {}),
      ...(deps.demo ? { demo: true } : {}),
      maintenance,
    })
      .catch((e) => {
        if (!deps.database.availability.noteFailure(e)) deps.log?.error({ err: e }, "定时任务失败");
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, deps.intervalMs);
  timer.unref();
  // The first pass waits a few seconds so startup (migrations, the listen) finishes first.
  const first = setTimeout(tick, Math.min(5000, deps.intervalMs));
  first.unref();
  return async () => {
    clearInterval(timer);
    clearTimeout(first);
    await running;
  };
}
