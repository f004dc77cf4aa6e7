import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { planSnapshots } from "../../db/schema.js";
import { runScheduledWork } from "../../jobs/scheduler.js";
import { assignTask9AndOpenCycle, buildPublishedPlan } from "../../test/plan-fixtures.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";
import {
  findPlanTrend,
  loadPlanSnapshot,
  recordDemoHistory,
  recordPlanSnapshots,
  takePlanSnapshot,
} from "./index.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const db = () => t.database.db as Db;

/** Task 9 handed to both kindergartens, the first reporting 60 % and 60 on the indicator, approved. */
async function setUp() {
  const p = await buildPublishedPlan(t);
  const a = await assignTask9AndOpenCycle(p);
  const report = (
    await p.kg1.post(`/api/assignments/${a.assignment.id}/reports`, {
      cycleId: a.cycle.id,
      progress: 60,
      values: [{ indicatorId: a.indicatorId, value: 60 }],
      submit: true,
    })
  ).json();
  const review = await p.lead.post(`/api/reports/${report.id}/review`, {
    decision: "approve",
    version: report.version,
  });
  if (review.statusCode !== 200) throw new Error(review.body);
  return { ...p, ...a };
}

describe("takePlanSnapshot", () => {
  it("records lights, 序时进度, reports and coverage of 2023-06-15 exactly", async () => {
    const p = await setUp();
    const s = await takePlanSnapshot(db(), { tenantId: p.tenant.id, planId: p.planId, now: TEST_NOW });
    expect(s.day).toBe("2023-06-15");
    // Day 166 of 365: 序时进度 45.5; every task at 0 % (task 9 at 30 %) is more than 10 points behind: yellow.
    expect(s.totals).toEqual({
      taskCount: 24,
      tasks: { red: 0, yellow: 24, green: 0, grey: 0, blue: 0 },
      assignments: { red: 0, yellow: 1, green: 1, grey: 0, blue: 0 },
      progress: 1.3,
      expectedProgress: 45.5,
      overdueTasks: 0,
      openNotices: { blue: 0, yellow: 0, red: 0 },
      averageReplyDays: null,
      overdueRectifications: 0,
      unacknowledgedInstructions: 0,
    });
    expect(s.cycle).toMatchObject({ name: "2023年6月", startDate: "2023-06-01", dueDate: "2023-06-25" });
    const task9 = s.tasks.find((x) => x.nodeId === p.task9.id)!;
    expect(task9).toMatchObject({
      code: "9.",
      ordinal: 9,
      leadUnitId: p.preschool.id,
      light: "yellow",
      progress: 30,
      expectedProgress: 45.5,
      dueDate: "2023-12-31",
      overdue: false,
    });
    expect(s.assignments.map((x) => [x.unitId, x.light, x.progress, x.report]).sort()).toEqual(
      [
        [p.kindergarten.id, "green", 60, "on_time"],
        [p.secondKindergarten.id, "yellow", 0, "pending"],
      ].sort(),
    );
    expect(s.indicators.find((i) => i.indicatorId === p.indicatorId)).toMatchObject({
      value: 60,
      status: "on_track",
      reported: 1,
      expected: 2,
    });
    const kg1 = s.units.find((u) => u.unitId === p.kindergarten.id)!;
    expect(kg1.reports).toEqual({ due: 1, onTime: 1, late: 0, missing: 0, approved: 1 });
    expect(s.units.map((u) => u.unitId).sort()).toEqual(
      [p.preschool.id, p.kindergarten.id, p.secondKindergarten.id].sort(),
    );
  });

  it("counts a report not in after the cycle's due day as missing, and the unit's open 督办单", async () => {
    const p = await setUp();
    const raised = await p.supervisor.post("/api/notices", {
      nodeId: p.task9.id,
      assignmentId: p.second.id,
      level: "red",
      reason: "请尽快报送进展",
      replyDue: "2023-06-30",
    });
    expect(raised.statusCode).toBe(201);
    const s = await takePlanSnapshot(db(), {
      tenantId: p.tenant.id,
      planId: p.planId,
      now: new Date("2023-06-26T09:00:00+08:00"),
    });
    const second = s.units.find((u) => u.unitId === p.secondKindergarten.id)!;
    expect(second.reports).toEqual({ due: 1, onTime: 0, late: 0, missing: 1, approved: 0 });
    expect(second.openNotices).toEqual({ blue: 0, yellow: 0, red: 1 });
    expect(s.totals.openNotices).toEqual({ blue: 0, yellow: 0, red: 1 });
  });
});

describe("a unit's approved reports", () => {
  it("counts a report in on time but not yet reviewed as on time and not approved", async () => {
    const p = await setUp();
    const sent = await p.kg2.post(`/api/assignments/${p.second.id}/reports`, {
      cycleId: p.cycle.id,
      progress: 40,
      submit: true,
    });
    expect(sent.statusCode).toBe(201);
    const s = await takePlanSnapshot(db(), { tenantId: p.tenant.id, planId: p.planId, now: TEST_NOW });
    const second = s.units.find((u) => u.unitId === p.secondKindergarten.id)!;
    // Submitted on 2023-06-15, before the cycle's due day (06-25): on time, waiting for 学前教育科's review.
    expect(second.reports).toEqual({ due: 1, onTime: 1, late: 0, missing: 0, approved: 0 });
    const kg1 = s.units.find((u) => u.unitId === p.kindergarten.id)!;
    expect(kg1.reports).toEqual({ due: 1, onTime: 1, late: 0, missing: 0, approved: 1 });
  });
});

describe("recordPlanSnapshots", () => {
  it("stores a plan's day once when two processes record it at the same time", async () => {
    const p = await setUp();
    const now = new Date("2023-06-16T00:05:00+08:00");
    const counts = await Promise.all([
      recordPlanSnapshots(t.database, { tenantId: p.tenant.id, now }),
      recordPlanSnapshots(t.database, { tenantId: p.tenant.id, now }),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    const rows = await db()
      .select({ day: planSnapshots.day })
      .from(planSnapshots)
      .where(and(eq(planSnapshots.tenantId, p.tenant.id), eq(planSnapshots.planId, p.planId)));
    // The publish recorded 2023-06-15; the two passes together added 2023-06-16 once.
    expect(rows.map((r) => r.day).sort()).toEqual(["2023-06-15", "2023-06-16"]);
    expect(await recordPlanSnapshots(t.database, { tenantId: p.tenant.id, now })).toBe(0);
  });

  it("reads the day asked for, else the latest before it, else nothing", async () => {
    const p = await setUp();
    await recordPlanSnapshots(t.database, {
      tenantId: p.tenant.id,
      now: new Date("2023-06-20T08:00:00+08:00"),
    });
    const at = (asOf: string) => loadPlanSnapshot(db(), { tenantId: p.tenant.id, planId: p.planId, asOf });
    expect((await at("2023-06-20"))?.day).toBe("2023-06-20");
    expect((await at("2023-06-19"))?.day).toBe("2023-06-15");
    expect(await at("2023-06-14")).toBeNull();
    // Another tenant's plan id reads as nothing.
    expect(
      await loadPlanSnapshot(db(), {
        tenantId: p.tenant.id,
        planId: crypto.randomUUID(),
        asOf: "2023-06-20",
      }),
    ).toBeNull();
  });

  it("refuses to rewrite a stored day", async () => {
    const p = await setUp();
    const change = db().execute(
      sql`update plan_snapshots set day = '2000-01-01' where tenant_id = ${p.tenant.id} and plan_id = ${p.planId}`,
    );
    await expect(change).rejects.toThrow();
    expect(
      (await loadPlanSnapshot(db(), { tenantId: p.tenant.id, planId: p.planId, asOf: "2023-06-15" }))?.day,
    ).toBe("2023-06-15");
  });

  it("gives a demo plan the 1st of each earlier month of its year, once", async () => {
    const p = await setUp();
    expect(await recordDemoHistory(t.database, { tenantId: p.tenant.id, now: TEST_NOW })).toBe(6);
    expect(await recordDemoHistory(t.database, { tenantId: p.tenant.id, now: TEST_NOW })).toBe(0);
    const trend = await findPlanTrend(db(), {
      tenantId: p.tenant.id,
      planId: p.planId,
      from: "2023-01-01",
      to: "2023-06-15",
    });
    expect(trend.map((x) => [x.day, x.expectedProgress])).toEqual([
      ["2023-01-01", 0.3],
      ["2023-02-01", 8.8],
      ["2023-03-01", 16.4],
      ["2023-04-01", 24.9],
      ["2023-05-01", 33.2],
      ["2023-06-01", 41.6],
      ["2023-06-15", 45.5],
    ]);
  });

  it("is recorded by the scheduler's pass on the Shanghai day of its clock", async () => {
    const p = await setUp();
    // 23:30 UTC on the 16th is already the 17th in Shanghai.
    await runScheduledWork({ database: t.database, now: new Date("2023-06-16T23:30:00Z") });
    const s = await loadPlanSnapshot(db(), { tenantId: p.tenant.id, planId: p.planId, asOf: "2023-06-17" });
    expect([s?.day, s?.totals.assignments]).toEqual([
      "2023-06-17",
      { red: 0, yellow: 1, green: 1, grey: 0, blue: 0 },
    ]);
  });
});
