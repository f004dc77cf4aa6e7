import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPublishedPlan, flattenTree } from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Node = {
  id: string;
  version: number;
  status: string;
  light: string;
  dueDate: string;
  measures: unknown[];
  indicators: { id: string; name: string }[];
  children: Node[];
};

/** Task 9 as the plan page shows it now. */
async function task9(p: Awaited<ReturnType<typeof buildPublishedPlan>>): Promise<Node> {
  const plan = (await p.lead.get(`/api/plans/${p.planId}`)).json();
  return flattenTree(plan.nodes as Node[]).find((n) => n.id === p.task9.id)!;
}

describe("分解 after publishing", () => {
  it("lets the lead department move a due date with a reason, and records who, what and why", async () => {
    const p = await buildPublishedPlan(t);
    const before = await task9(p);
    expect(
      (await p.lead.put(`/api/nodes/${p.task9.id}`, { dueDate: "2023-10-31", version: before.version }))
        .statusCode,
    ).toBe(400);
    const res = await p.lead.put(`/api/nodes/${p.task9.id}`, {
      dueDate: "2023-10-31",
      reason: "分园验收推迟",
      version: before.version,
    });
    expect(res.statusCode).toBe(204);
    expect((await task9(p)).dueDate).toBe("2023-10-31");
    const changes = (await p.lead.get(`/api/plans/${p.planId}/changes`)).json().items;
    expect(changes[0]).toMatchObject({
      entityId: p.task9.id,
      reason: "分园验收推迟",
      before: { dueDate: "2023-12-31" },
      after: { dueDate: "2023-10-31" },
    });
    const stale = await p.lead.put(`/api/nodes/${p.task9.id}`, {
      weight: 2,
      reason: "调整权重",
      version: before.version,
    });
    expect(stale.statusCode).toBe(409);
  });

  it("refuses decomposition by another department and a lead-unit change by the lead department itself", async () => {
    const p = await buildPublishedPlan(t);
    const node = await task9(p);
    expect(
      (await p.otherDept.put(`/api/nodes/${p.task9.id}`, { weight: 2, reason: "x", version: node.version }))
        .statusCode,
    ).toBe(403);
    expect(
      (await p.lead.put(`/api/nodes/${p.task9.id}`, { leadUnitId: null, reason: "x", version: node.version }))
        .statusCode,
    ).toBe(403);
    expect(
      (await p.kg1.post(`/api/nodes/${p.task9.id}/measures`, { text: "新增措施", reason: "x" })).statusCode,
    ).toBe(403);
  });

  it("adds a measure and an indicator, and edits the indicator's target", async () => {
    const p = await buildPublishedPlan(t);
    const measures = (await task9(p)).measures.length;
    expect(
      (
        await p.lead.post(`/api/nodes/${p.task9.id}/measures`, {
          text: "每月通报各园学位增量",
          reason: "细化措施",
        })
      ).statusCode,
    ).toBe(201);
    const bad = await p.lead.post(`/api/nodes/${p.task9.id}/indicators`, {
      name: "新增公办学位",
      comparator: "range",
      targetValue: 500,
      targetMax: 300,
      unit: "个",
      deadline: "2023",
      aggregation: "sum",
      reason: "细化",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("targetMax");
    const added = await p.lead.post(`/api/nodes/${p.task9.id}/indicators`, {
      name: "新增公办学位",
      comparator: "gte",
      targetValue: 500,
      targetMax: null,
      unit: "个",
      deadline: "2023",
      aggregation: "sum",
      reason: "细化",
    });
    expect(added.statusCode).toBe(201);
    const edited = await p.lead.put(`/api/indicators/${added.json().id}`, {
      name: "新增公办学位",
      comparator: "gte",
      targetValue: 600,
      targetMax: null,
      unit: "个",
      deadline: "2023",
      aggregation: "sum",
      reason: "市里下达新任务",
    });
    expect(edited.statusCode).toBe(204);
    const node = await task9(p);
    expect(node.measures.length).toBe(measures + 1);
    expect(node.indicators.map((i) => i.name)).toContain("新增公办学位");
  });
});

describe("申请办结 → 销号", () => {
  it("closes a task only after the supervisor confirms, and can send it back with a reason", async () => {
    const p = await buildPublishedPlan(t);
    let node = await task9(p);
    expect(
      (
        await p.kg1.post(`/api/nodes/${p.task9.id}/close-request`, {
          summary: "已完成",
          version: node.version,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await p.lead.post(`/api/nodes/${p.task9.id}/close-request`, {
          summary: "全年目标完成",
          version: node.version,
        })
      ).statusCode,
    ).toBe(204);
    node = await task9(p);
    expect(node.status).toBe("closing");
    expect(
      (
        await p.lead.post(`/api/nodes/${p.task9.id}/close-decision`, {
          decision: "confirm",
          version: node.version,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await p.supervisor.post(`/api/nodes/${p.task9.id}/close-decision`, {
          decision: "return",
          version: node.version,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await p.supervisor.post(`/api/nodes/${p.task9.id}/close-decision`, {
          decision: "return",
          reason: "缺少验收材料",
          version: node.version,
        })
      ).statusCode,
    ).toBe(204);
    node = await task9(p);
    expect(node.status).toBe("active");
    await p.lead.post(`/api/nodes/${p.task9.id}/close-request`, {
      summary: "已补充验收材料",
      version: node.version,
    });
    node = await task9(p);
    expect(
      (
        await p.supervisor.post(`/api/nodes/${p.task9.id}/close-decision`, {
          decision: "confirm",
          version: node.version,
        })
      ).statusCode,
    ).toBe(204);
    node = await task9(p);
    expect(node).toMatchObject({ status: "closed", light: "blue" });
    const closures = (await p.lead.get(`/api/nodes/${p.task9.id}/closures`)).json().items;
    expect(closures.map((c: { status: string }) => c.status)).toEqual(["confirmed", "returned"]);
  });
});
