import { addDays, shanghaiDate } from "@duban/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reminderLog, supervisionNotices } from "../db/schema.js";
import { buildAssignedPlan, setDueInDays } from "../test/notice-fixtures.js";
import { createTestApp, type TestApp } from "../test/test-app.js";
import { startScheduler } from "./scheduler.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

// The scheduler serves every tenant in the database; on a shared PostgreSQL that would remind other test files'
// tenants at this file's clock, so it runs on this file's own PGlite only.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))("startScheduler", () => {
  it("raises automatic notices and sends reminders on its own, and stops cleanly", async () => {
    const p = await buildAssignedPlan(t);
    // The seed task is due 2023-12-31: a month from today instead, still behind 序时进度 (a yellow notice) but
    // too far off for a due-date reminder, so only the late cycle is reminded.
    await setDueInDays(t, p.assignmentId, 30);
    const today = shanghaiDate(t.clock.now());
    const res = await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {
      name: "本期",
      startDate: addDays(today, -40),
      dueDate: addDays(today, -10),
    });
    expect(res.statusCode).toBe(201);
    const lastAnalyzed = async () =>
      (
        (await t.database.db.execute(
          sql`select last_analyze::text as at from pg_stat_user_tables where relname = 'assignments'`,
        )) as unknown as { rows: { at: string | null }[] }
      ).rows[0]!.at;
    const analyzedBefore = await lastAnalyzed();
    const errors: unknown[] = [];
    const stop = startScheduler({
      database: t.database,
      intervalMs: 50,
      now: () => t.clock.now(),
      log: { error: (e) => errors.push(e) },
    });
    const claimed = async () =>
      t.database.db.select().from(reminderLog).where(eq(reminderLog.tenantId, p.tenant.id));
    for (let i = 0; i < 200 && (await claimed()).length === 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    await stop();
    expect(errors).toEqual([]);
    // The embedded database has no autovacuum: the scheduler's first pass gave its planner statistics.
    expect(await lastAnalyzed()).not.toBe(analyzedBefore);
    expect((await claimed()).map((r) => r.kind).sort()).toEqual([
      "escalate_head",
      "escalate_supervisor",
      `overdue:${today}`,
    ]);
    const notices = await t.database.db
      .select()
      .from(supervisionNotices)
      .where(eq(supervisionNotices.tenantId, p.tenant.id));
    expect(notices.map((n) => [n.level, n.source, n.reason])).toEqual([
      // 2023-01-01 to 2023-07-15: 166 of 196 days have begun on 2023-06-15.
      ["yellow", "auto", "进度 0% 落后序时进度 85% 超过 10 个百分点"],
    ]);
  });
});
