import {
  type Assignment,
  type Cockpit,
  heatmapCells,
  type PlanDetail,
  type PlanTreeNode,
} from "@duban/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dataVersions } from "../../db/schema.js";
import { assignTask9AndOpenCycle, buildPublishedPlan, flattenTree } from "../../test/plan-fixtures.js";
import type { TestSession } from "../../test/session.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";
import { recordPlanSnapshots } from "./index.js";

let t: TestApp;
// Sessions outlive the few days a test moves the clock through.
const week = 7 * 86_400_000;
beforeAll(async () => {
  t = await createTestApp({ sessionIdleMs: week, sessionAbsoluteMs: week });
});
afterAll(async () => t?.close());
beforeEach(() => t.clock.set(TEST_NOW));

/** Task 9 handed to both kindergartens; the first reports 60 % and 60 on the indicator, approved. */
async function setUp() {
  const p = await buildPublishedPlan(t);
  const a = await assignTask9AndOpenCycle(p);
  await report(
    p.kg1,
    p.lead,
    { assignmentId: a.assignment.id, cycleId: a.cycle.id, indicatorId: a.indicatorId },
    60,
  );
  return { ...p, ...a };
}

/** A unit's report of `progress` (and the same indicator value), approved by the lead department. */
async function report(
  school: TestSession,
  lead: TestSession,
  at: { assignmentId: string; cycleId: string; indicatorId: string },
  progress: number,
) {
  const saved = await school.post(`/api/assignments/${at.assignmentId}/reports`, {
    cycleId: at.cycleId,
    progress,
    values: [{ indicatorId: at.indicatorId, value: progress }],
    submit: true,
  });
  if (saved.statusCode !== 201 && saved.statusCode !== 200) throw new Error(saved.body);
  const r = saved.json();
  const review = await lead.post(`/api/reports/${r.id}/review`, { decision: "approve", version: r.version });
  if (review.statusCode !== 200) throw new Error(review.body);
}

async function cockpitOf(session: TestSession, planId: string, query = ""): Promise<Cockpit> {
  const res = await session.get(`/api/plans/${planId}/cockpit${query}`);
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json();
}

describe("GET /api/plans/:id/cockpit", () => {
  it("shows the same lights, counts and indicator figures as the plan page and the task's page", async () => {
    const p = await setUp();
    const cockpit = await cockpitOf(p.supervisor, p.planId);
    const plan = (await p.supervisor.get(`/api/plans/${p.planId}`)).json() as PlanDetail;
    expect(cockpit.source).toBe("live");
    expect(cockpit.asOf).toBe("2023-06-15");
    expect(cockpit.completion.tasks).toEqual(plan.lightCounts);
    expect(cockpit.completion.light).toBe(plan.light);
    const sections = plan.nodes.filter((n) => n.level === "section");
    expect(cockpit.sections.map((s) => [s.id, s.light, s.tasks])).toEqual(
      sections.map((s) => [s.id, s.light, s.lightCounts]),
    );
    const nodes = flattenTree(plan.nodes as PlanTreeNode[]);
    const pageIndicators = nodes.flatMap((n) =>
      n.indicators.map((i) => [i.id, i.actual, i.status, i.coverage.reported, i.coverage.expected]),
    );
    expect(cockpit.indicators.map((i) => [i.indicatorId, i.value, i.status, i.reported, i.expected])).toEqual(
      pageIndicators,
    );
    const task9 = nodes.find((n) => n.id === p.task9.id)!;
    const lead = cockpit.departments.find((d) => d.id === p.preschool.id)!;
    const led = nodes.filter((n) => n.level === "task" && n.leadUnit?.id === p.preschool.id);
    const tally = { red: 0, yellow: 0, green: 0, grey: 0, blue: 0 };
    for (const n of led) if (n.light) tally[n.light] += 1;
    expect([lead.taskCount, lead.tasks]).toEqual([led.length, tally]);
    const list = (await p.lead.get(`/api/nodes/${p.task9.id}/assignments`)).json().items as Assignment[];
    const cells = heatmapCells(cockpit.heatmap).filter((c) => c.nodeId === p.task9.id);
    expect(cells.map((c) => [c.assignmentId, c.light, c.progress]).sort()).toEqual(
      list.map((a) => [a.id, a.light, a.progress]).sort(),
    );
    expect(cockpit.attention[0]).toMatchObject({ kind: "task", light: "yellow" });
    expect(task9.progress).toBe(30);
    expect(cockpit.completion.progress).toBe(1.3);
  });

  it("answers an earlier day from its snapshot after the data changed", async () => {
    const p = await setUp();
    t.clock.set(new Date("2023-06-16T00:05:00+08:00"));
    expect(await recordPlanSnapshots(t.database, { tenantId: p.tenant.id, now: t.clock.now() })).toBe(1);
    t.clock.set(new Date("2023-06-16T10:00:00+08:00"));
    await report(
      p.kg2,
      p.lead,
      { assignmentId: p.second.id, cycleId: p.cycle.id, indicatorId: p.indicatorId },
      80,
    );
    t.clock.set(new Date("2023-06-17T09:00:00+08:00"));
    const today = await cockpitOf(p.supervisor, p.planId);
    const before = await cockpitOf(p.supervisor, p.planId, "?asOf=2023-06-16");
    const cellOf = (c: Cockpit) =>
      heatmapCells(c.heatmap).find((x) => x.assignmentId === p.second.id)?.progress;
    const indicatorOf = (c: Cockpit) => c.indicators.find((i) => i.indicatorId === p.indicatorId)!;
    expect([today.source, today.asOf, cellOf(today)]).toEqual(["live", "2023-06-17", 80]);
    expect([before.source, before.snapshotDay, cellOf(before)]).toEqual(["snapshot", "2023-06-16", 0]);
    expect([indicatorOf(today).value, indicatorOf(today).reported]).toEqual([70, 2]);
    expect([indicatorOf(before).value, indicatorOf(before).reported]).toEqual([60, 1]);
    // The day with no snapshot of its own reads the latest before it.
    expect((await cockpitOf(p.supervisor, p.planId, "?asOf=2023-06-15")).snapshotDay).toBe("2023-06-15");
    expect(today.trend.map((x) => x.day)).toEqual(["2023-06-15", "2023-06-16", "2023-06-17"]);
    expect(before.trend.map((x) => x.day)).toEqual(["2023-06-15", "2023-06-16"]);
  });

  it("refuses a day that is no date or still to come, and one before any record", async () => {
    const p = await setUp();
    for (const asOf of ["2023-02-30", "yesterday", "2023-06-16"]) {
      const res = await p.supervisor.get(`/api/plans/${p.planId}/cockpit?asOf=${asOf}`);
      expect([asOf, res.statusCode, res.json().error.code]).toEqual([asOf, 400, "validation_failed"]);
    }
    const early = await p.supervisor.get(`/api/plans/${p.planId}/cockpit?asOf=2023-06-14`);
    expect([early.statusCode, early.json().error.code]).toEqual([404, "not_found"]);
  });

  it("limits a department to the tasks it leads and a school to its own assignments", async () => {
    const p = await setUp();
    const dept = await cockpitOf(p.lead, p.planId);
    expect(dept.scope).toEqual({ kind: "department", unitId: p.preschool.id, unitName: "学前教育科" });
    expect(dept.departments.map((d) => d.id)).toEqual([p.preschool.id]);
    expect(dept.supervision.unacknowledgedInstructions).toBeNull();
    const school = await cockpitOf(p.kg1, p.planId);
    expect(school.scope).toMatchObject({ kind: "school", unitId: p.kindergarten.id });
    expect(school.completion).toMatchObject({ taskCount: 1, progress: 60, tasks: { green: 1 } });
    expect(heatmapCells(school.heatmap).map((c) => c.unitId)).toEqual([p.kindergarten.id]);
    expect(school.indicators.map((i) => i.nodeId).every((id) => id === p.task9.id)).toBe(true);
  });
});

describe("today's cockpit kept between requests", () => {
  const versionOf = async (tenantId: string) => {
    const [row] = await t.database.db
      .select({ version: sql<string>`sum(${dataVersions.version})::text` })
      .from(dataVersions)
      .where(eq(dataVersions.tenantId, tenantId));
    return row?.version === null || row?.version === undefined ? undefined : Number(row.version);
  };

  it("answers the kept figures until a report changes them, then the new ones", async () => {
    const p = await setUp();
    const first = await cockpitOf(p.supervisor, p.planId);
    t.clock.advance(60 * 60_000);
    // Nothing written in between: the same computation, taken an hour ago.
    expect((await cockpitOf(p.supervisor, p.planId)).takenAt).toBe(first.takenAt);
    await report(
      p.kg2,
      p.lead,
      { assignmentId: p.second.id, cycleId: p.cycle.id, indicatorId: p.indicatorId },
      80,
    );
    const next = await cockpitOf(p.supervisor, p.planId);
    const cell = heatmapCells(next.heatmap).find((c) => c.assignmentId === p.second.id);
    const indicator = next.indicators.find((i) => i.indicatorId === p.indicatorId)!;
    expect([next.takenAt, cell?.progress, indicator.value, indicator.reported]).toEqual([
      t.clock.now().toISOString(),
      80,
      70,
      2,
    ]);
  });

  it("shows a 督办单 raised after the answer was kept", async () => {
    const p = await setUp();
    expect((await cockpitOf(p.supervisor, p.planId)).supervision.openNotices).toEqual({
      blue: 0,
      yellow: 0,
      red: 0,
    });
    const raised = await p.supervisor.post("/api/notices", {
      nodeId: p.task9.id,
      assignmentId: p.second.id,
      level: "red",
      reason: "请尽快报送进展",
      replyDue: "2023-06-30",
    });
    expect(raised.statusCode).toBe(201);
    expect((await cockpitOf(p.supervisor, p.planId)).supervision.openNotices).toEqual({
      blue: 0,
      yellow: 0,
      red: 1,
    });
  });

  it("sees a write made outside this process, straight to the database", async () => {
    const p = await setUp();
    const cellOf = (c: Cockpit) => heatmapCells(c.heatmap).find((x) => x.assignmentId === p.second.id);
    expect(cellOf(await cockpitOf(p.supervisor, p.planId))?.progress).toBe(0);
    await t.database.db.execute(sql`update assignments set progress = 45 where id = ${p.second.id}`);
    expect(cellOf(await cockpitOf(p.supervisor, p.planId))?.progress).toBe(45);
  });

  it("moves the tenant's data version once per committed transaction, however many rows it writes", async () => {
    const p = await setUp();
    const before = (await versionOf(p.tenant.id))!;
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`update assignments set progress = 5 where tenant_id = ${p.tenant.id}`);
      await tx.execute(sql`update plan_nodes set progress = 5 where tenant_id = ${p.tenant.id}`);
    });
    expect((await versionOf(p.tenant.id))! - before).toBe(1);
    // A rolled-back write leaves it alone.
    await t.database.db
      .transaction(async (tx) => {
        await tx.execute(sql`update assignments set progress = 6 where tenant_id = ${p.tenant.id}`);
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    expect((await versionOf(p.tenant.id))! - before).toBe(1);
  });
});
