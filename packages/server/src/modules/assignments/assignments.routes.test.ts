import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assignTask9AndOpenCycle,
  buildPublishedPlan,
  flattenTree,
  type PublishedPlan,
} from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Task 9 as the plan page shows it. */
async function task9Of(p: PublishedPlan) {
  const plan = (await p.supervisor.get(`/api/plans/${p.planId}`)).json();
  return flattenTree(plan.nodes as { id: string; children: never[] }[]).find(
    (n) => n.id === p.task9.id,
  ) as unknown as { progress: number; light: string; assignmentCount: number };
}

describe("交办 assignments", () => {
  it("hands task 9 to every public kindergarten through a group, one assignment per unit", async () => {
    const p = await buildPublishedPlan(t);
    const { created, assignment } = await assignTask9AndOpenCycle(p);
    expect(created).toBe(2);
    expect(assignment).toMatchObject({
      role: "executor",
      status: "active",
      acknowledgedAt: null,
      // On 2023-06-15 nothing is done of a task that runs the whole plan year: behind its 序时进度 of 45 %.
      light: "yellow",
      createdAt: "2023-06-15T01:00:00.000Z",
    });
    expect(assignment.abilities).toEqual({
      acknowledge: false,
      report: false,
      requestExtension: false,
      remove: true,
    });
    const again = await p.lead.post(`/api/nodes/${p.task9.id}/assignments`, {
      unitIds: [p.kindergarten.id],
      role: "executor",
    });
    expect(again.json()).toEqual({ created: 0, skipped: 1 });
    // The list says who may 交办 more: the lead department, not a school that holds one of the assignments.
    const listed = (await p.lead.get(`/api/nodes/${p.task9.id}/assignments`)).json();
    expect({ ...listed, items: listed.items.length }).toEqual({
      items: 2,
      total: 2,
      page: 1,
      pageSize: 20,
      abilities: { create: true },
    });
    expect((await p.kg1.get(`/api/nodes/${p.task9.id}/assignments`)).json().abilities).toEqual({
      create: false,
    });
    const secondPage = (await p.lead.get(`/api/nodes/${p.task9.id}/assignments?page=2&pageSize=1`)).json();
    expect(secondPage.items.map((a: { id: string }) => a.id)).toEqual([listed.items[1].id]);
  });

  it("refuses assignment by a department that does not lead the task, and bad input", async () => {
    const p = await buildPublishedPlan(t);
    expect(
      (
        await p.otherDept.post(`/api/nodes/${p.task9.id}/assignments`, {
          unitIds: [p.kindergarten.id],
          role: "co",
        })
      ).statusCode,
    ).toBe(403);
    const none = await p.lead.post(`/api/nodes/${p.task9.id}/assignments`, { role: "co" });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0].path).toBe("unitIds");
    const other = await buildPublishedPlan(t);
    const foreign = await p.lead.post(`/api/nodes/${p.task9.id}/assignments`, {
      unitIds: [other.kindergarten.id],
      role: "co",
    });
    expect(foreign.json().error.details[0].path).toBe("unitIds.0");
    expect((await other.lead.get(`/api/nodes/${p.task9.id}/assignments`)).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: "GET", url: `/api/nodes/${p.task9.id}/assignments` })).statusCode,
    ).toBe(401);
  });

  it("is acknowledged by the receiving unit only, once, and hidden from other schools", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment } = await assignTask9AndOpenCycle(p);
    expect((await p.kg2.get(`/api/assignments/${assignment.id}`)).statusCode).toBe(404);
    expect(
      (await p.lead.post(`/api/assignments/${assignment.id}/acknowledge`, { version: assignment.version }))
        .statusCode,
    ).toBe(403);
    const ack = await p.kg1.post(`/api/assignments/${assignment.id}/acknowledge`, {
      version: assignment.version,
    });
    expect(ack.statusCode).toBe(200);
    expect(ack.json().acknowledgedAt).toBe("2023-06-15T01:00:00.000Z");
    expect(
      (await p.kg1.post(`/api/assignments/${assignment.id}/acknowledge`, { version: ack.json().version }))
        .statusCode,
    ).toBe(409);
  });

  it("keeps a withdrawn assignment in the history with its reason", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment } = await assignTask9AndOpenCycle(p);
    expect(
      (
        await p.lead.post(`/api/assignments/${assignment.id}/remove`, {
          reason: "",
          version: assignment.version,
        })
      ).statusCode,
    ).toBe(400);
    const res = await p.lead.post(`/api/assignments/${assignment.id}/remove`, {
      reason: "该园已并入分园",
      version: assignment.version,
    });
    expect(res.json()).toMatchObject({ status: "removed", removedReason: "该园已并入分园" });
    const list = (await p.lead.get(`/api/nodes/${p.task9.id}/assignments`)).json().items;
    expect(list.find((a: { id: string }) => a.id === assignment.id).status).toBe("removed");
  });

  /** The first kindergarten reports 60 % in the cycle and the 学前教育科 approves it. */
  async function approveAt60(p: PublishedPlan, assignmentId: string, cycleId: string) {
    const report = (
      await p.kg1.post(`/api/assignments/${assignmentId}/reports`, { cycleId, progress: 60, submit: true })
    ).json();
    const approved = await p.lead.post(`/api/reports/${report.id}/review`, {
      decision: "approve",
      version: report.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
  }

  /** The 学前教育科 withdraws an assignment（撤销交办）. */
  async function withdraw(p: PublishedPlan, a: { id: string; version: number }) {
    const removed = await p.lead.post(`/api/assignments/${a.id}/remove`, {
      reason: "该园本年度不承办",
      version: a.version,
    });
    expect(removed.statusCode, removed.body).toBe(200);
  }

  it("leaves a withdrawn assignment out of the task's progress and light", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, second, cycle } = await assignTask9AndOpenCycle(p);
    await withdraw(p, second);
    await approveAt60(p, assignment.id, cycle.id);
    // Only the active assignment counts: 60 %, on track against 序时进度 45 %. Counting the withdrawn one at 0 %
    // would give 30 %, yellow.
    expect(await task9Of(p)).toMatchObject({ progress: 60, light: "green", assignmentCount: 1 });
  });

  it("moves the task's progress when an assignment is withdrawn or another unit is assigned, with no report", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, second, cycle } = await assignTask9AndOpenCycle(p);
    await approveAt60(p, assignment.id, cycle.id);
    // 60 % and 0 %.
    expect(await task9Of(p)).toMatchObject({ progress: 30, assignmentCount: 2 });
    await withdraw(p, second);
    expect(await task9Of(p)).toMatchObject({ progress: 60, assignmentCount: 1 });
    const again = await p.lead.post(`/api/nodes/${p.task9.id}/assignments`, {
      unitIds: [p.secondKindergarten.id],
      role: "executor",
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(await task9Of(p)).toMatchObject({ progress: 30, assignmentCount: 2 });
  });
});
