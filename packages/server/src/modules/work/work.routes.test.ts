import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignTask9AndOpenCycle, buildPublishedPlan, flattenTree } from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Task 9 handed to one kindergarten with the 公办幼儿园在园幼儿占比 indicator, and a cycle open. */
async function setUp() {
  const p = await buildPublishedPlan(t);
  const indicatorId = p.task9.indicators.find((i) => i.name === "公办幼儿园在园幼儿占比")!.id;
  await p.lead.post(`/api/nodes/${p.task9.id}/assignments`, {
    unitIds: [p.kindergarten.id],
    role: "executor",
    indicatorIds: [indicatorId],
  });
  const cycle = (await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {})).json();
  const [assignment] = (await p.lead.get(`/api/nodes/${p.task9.id}/assignments`)).json().items;
  return { ...p, indicatorId, cycle, assignment };
}

describe("GET /api/my-work", () => {
  it("tells the school what to acknowledge and report, and the lead department what to review", async () => {
    const p = await setUp();
    const school = (await p.kg1.get("/api/my-work")).json();
    expect(school.items.map((i: { kind: string; id: string }) => [i.kind, i.id])).toEqual([
      ["report_due", p.assignment.id],
      ["assignment_acknowledge", p.assignment.id],
    ]);
    await p.kg1.post(`/api/assignments/${p.assignment.id}/reports`, {
      cycleId: p.cycle.id,
      progress: 40,
      submit: true,
    });
    const lead = (await p.lead.get("/api/my-work")).json();
    expect(lead.items).toHaveLength(1);
    expect(lead.items[0]).toMatchObject({
      kind: "report_review",
      title: "西城幼儿园：9. 促进学前教育普及普惠发展",
      detail: "2023年6月 · 进度 40%",
    });
    expect((await p.kg1.get("/api/my-work")).json().items.map((i: { kind: string }) => i.kind)).toEqual([
      "assignment_acknowledge",
    ]);
    expect((await t.app.inject({ method: "GET", url: "/api/my-work" })).statusCode).toBe(401);
  });

  it("lists a returned report with its reason", async () => {
    const p = await setUp();
    const report = (
      await p.kg1.post(`/api/assignments/${p.assignment.id}/reports`, {
        cycleId: p.cycle.id,
        progress: 40,
        submit: true,
      })
    ).json();
    await p.lead.post(`/api/reports/${report.id}/review`, {
      decision: "return",
      reason: "缺少照片",
      version: report.version,
    });
    const school = (await p.kg1.get("/api/my-work")).json();
    expect(school.items[0]).toMatchObject({
      kind: "report_returned",
      id: report.id,
      detail: "2023年6月 · 退回原因：缺少照片",
    });
  });
});

describe("plan lights and indicator values", () => {
  it("shows task 9's progress, light and the indicator's approved value on the plan", async () => {
    const p = await setUp();
    const report = (
      await p.kg1.post(`/api/assignments/${p.assignment.id}/reports`, {
        cycleId: p.cycle.id,
        progress: 60,
        values: [{ indicatorId: p.indicatorId, value: 60 }],
        submit: true,
      })
    ).json();
    expect(
      (
        await p.lead.post(`/api/reports/${report.id}/review`, {
          decision: "approve",
          version: report.version,
        })
      ).statusCode,
    ).toBe(200);
    const plan = (await p.school.get(`/api/plans/${p.planId}`)).json();
    const task9 = flattenTree(plan.nodes as { id: string; children: never[] }[]).find(
      (n) => n.id === p.task9.id,
    ) as unknown as {
      progress: number;
      light: string;
      assignmentCount: number;
      indicators: { id: string; actual: number | null; status: string }[];
    };
    expect(task9.progress).toBe(60);
    expect(task9.assignmentCount).toBe(1);
    // On 2023-06-15 the plan year's 序时进度 is 45 % (166 of 365 days): 60 % is on track. The light follows the
    // approved progress: with the progress left out it would be yellow (0 % is more than 10 points behind).
    expect(task9.light).toBe("green");
    const indicator = task9.indicators.find((i) => i.id === p.indicatorId)!;
    expect(indicator.actual).toBe(60);
    // 60 % against ≥ 50 %.
    expect(indicator.status).toBe("met");
    const counts = plan.lightCounts as Record<string, number>;
    // The other 23 tasks run over the whole plan year with nothing reported: behind 序时进度, none overdue yet.
    expect(counts).toEqual({ red: 0, yellow: 23, green: 1, grey: 0, blue: 0 });
    expect(plan.light).toBe("yellow");
  });
});

describe("indicator coverage", () => {
  it("shows 1 of 2 kindergartens reported and does not call 60 % of an average met until both are in", async () => {
    const p = await buildPublishedPlan(t);
    const a = await assignTask9AndOpenCycle(p);
    const indicatorOf = async () => {
      const plan = (await p.lead.get(`/api/plans/${p.planId}`)).json();
      const task9 = flattenTree(plan.nodes as { id: string; children: never[] }[]).find(
        (n) => n.id === p.task9.id,
      ) as unknown as {
        indicators: { id: string; actual: number | null; coverage: unknown; status: string }[];
      };
      const { actual, coverage, status } = task9.indicators.find((i) => i.id === a.indicatorId)!;
      return { actual, coverage, status };
    };
    // Nothing in: no data (it used to read 暂无数据 before the due day and 未达成 after it).
    expect(await indicatorOf()).toEqual({
      actual: null,
      coverage: { reported: 0, expected: 2 },
      status: "no_data",
    });
    const approve = async (session: typeof p.kg1, assignmentId: string, value: number) => {
      const report = (
        await session.post(`/api/assignments/${assignmentId}/reports`, {
          cycleId: a.cycle.id,
          progress: value,
          values: [{ indicatorId: a.indicatorId, value }],
          submit: true,
        })
      ).json();
      const res = await p.lead.post(`/api/reports/${report.id}/review`, {
        decision: "approve",
        version: report.version,
      });
      expect(res.statusCode).toBe(200);
    };
    await approve(p.kg1, a.assignment.id, 60);
    // 60 % ≥ 50 % from one kindergarten of two: on track, not 已达成, while the average may still fall.
    expect(await indicatorOf()).toEqual({
      actual: 60,
      coverage: { reported: 1, expected: 2 },
      status: "on_track",
    });
    await approve(p.kg2, a.second.id, 50);
    expect(await indicatorOf()).toEqual({
      actual: 55,
      coverage: { reported: 2, expected: 2 },
      status: "met",
    });
  });
});

describe("GET /api/units/:id/assignments", () => {
  it("shows a unit's assignments to bureau roles and to the unit itself, and 404 to other schools", async () => {
    const p = await setUp();
    const own = await p.kg1.get(`/api/units/${p.kindergarten.id}/assignments`);
    expect(own.statusCode).toBe(200);
    expect(own.json().assignments).toHaveLength(1);
    expect((await p.lead.get(`/api/units/${p.kindergarten.id}/assignments`)).statusCode).toBe(200);
    expect((await p.kg2.get(`/api/units/${p.kindergarten.id}/assignments`)).statusCode).toBe(404);
  });
});
