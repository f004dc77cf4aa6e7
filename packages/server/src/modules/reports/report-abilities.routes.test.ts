import type { AssignmentAbilities, PlanTreeNode, ReportAbilities, TaskAbilities } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPublishedPlan, flattenTree } from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // 2023-06-15 09:00 in Shanghai: inside the seed plan's year, before task 9 is due.
  t.clock.advance(Date.parse("2023-06-15T01:00:00Z") - t.clock.now().getTime());
});
afterAll(async () => t?.close());

type Plan = Awaited<ReturnType<typeof buildPublishedPlan>>;

/** Hands task 9 to the first kindergarten and opens a cycle; returns the kindergarten's assignment and the cycle. */
async function assignAndOpen(p: Plan) {
  const res = await p.lead.post(`/api/nodes/${p.task9.id}/assignments`, {
    unitIds: [p.kindergarten.id],
    role: "executor",
  });
  expect(res.statusCode, res.body).toBe(201);
  const cycle = await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {});
  expect(cycle.statusCode, cycle.body).toBe(201);
  const [assignment] = (await p.lead.get(`/api/nodes/${p.task9.id}/assignments`)).json().items;
  return { assignment, cycle: cycle.json() };
}

const noReport: ReportAbilities = { edit: false, submit: false, review: false };

describe("filing a school's report", () => {
  // Guards the own-unit rule: with it gone, any bureau user could file (or overwrite) a school's report.
  it("refuses every bureau role with 403 and writes nothing; the school itself files it", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle } = await assignAndOpen(p);
    const body = { cycleId: cycle.id, progress: 50, doneText: "代填", submit: true };
    for (const session of [p.lead, p.otherDept, p.supervisor, p.admin]) {
      const res = await session.post(`/api/assignments/${assignment.id}/reports`, body);
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toEqual({ code: "forbidden", message: "只能为本单位的交办事项填报" });
    }
    expect((await p.lead.get(`/api/assignments/${assignment.id}/reports`)).json().items).toEqual([]);
    const filed = await p.kg1.post(`/api/assignments/${assignment.id}/reports`, body);
    expect(filed.statusCode, filed.body).toBe(201);
  });
});

describe("abilities in every answer", () => {
  it("sends each reader the typed abilities of the task, the assignment and the report at each step", async () => {
    const p = await buildPublishedPlan(t);
    const taskOf = async (session: Plan["lead"]) => {
      const plan = (await session.get(`/api/plans/${p.planId}`)).json();
      return flattenTree<PlanTreeNode>(plan.nodes).find((n) => n.id === p.task9.id)!.abilities;
    };
    expect(await taskOf(p.lead)).toEqual({
      assign: true,
      decompose: true,
      changeLead: false,
      requestClose: true,
      decideClose: false,
    } satisfies TaskAbilities);
    expect(await taskOf(p.supervisor)).toEqual({
      assign: true,
      decompose: true,
      changeLead: true,
      requestClose: false,
      decideClose: false,
    } satisfies TaskAbilities);
    const none: TaskAbilities = {
      assign: false,
      decompose: false,
      changeLead: false,
      requestClose: false,
      decideClose: false,
    };
    expect(await taskOf(p.kg1)).toEqual(none);
    expect(await taskOf(p.otherDept)).toEqual(none);

    const { assignment, cycle } = await assignAndOpen(p);
    expect(assignment.abilities).toEqual({
      acknowledge: false,
      report: false,
      requestExtension: false,
      remove: true,
    } satisfies AssignmentAbilities);
    expect((await p.kg1.get(`/api/assignments/${assignment.id}`)).json().abilities).toEqual({
      acknowledge: true,
      report: true,
      requestExtension: true,
      remove: false,
    } satisfies AssignmentAbilities);

    const draft = await p.kg1.post(`/api/assignments/${assignment.id}/reports`, {
      cycleId: cycle.id,
      progress: 20,
    });
    expect(draft.json().abilities).toEqual({ edit: true, submit: true, review: false });
    const report = (await p.lead.get(`/api/reports/${draft.json().id}`)).json();
    expect(report.abilities).toEqual(noReport);

    const submitted = await p.kg1.post(`/api/assignments/${assignment.id}/reports`, {
      cycleId: cycle.id,
      progress: 20,
      submit: true,
    });
    expect(submitted.json().abilities).toEqual(noReport);
    const forLead = (await p.lead.get(`/api/reports/${report.id}`)).json();
    expect(forLead.abilities).toEqual({ edit: false, submit: false, review: true });
    expect((await p.otherDept.get(`/api/reports/${report.id}`)).json().abilities).toEqual(noReport);

    const returned = await p.lead.post(`/api/reports/${report.id}/review`, {
      decision: "return",
      reason: "请补充名册",
      version: forLead.version,
    });
    expect(returned.json().abilities).toEqual(noReport);
    const back = (await p.kg1.get(`/api/assignments/${assignment.id}/reports`)).json();
    expect(back.items.map((r: { abilities: ReportAbilities }) => r.abilities)).toEqual([
      { edit: true, submit: true, review: false },
    ]);
  });

  it("refuses a review of a report that is not submitted with 409, and a second review likewise", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle } = await assignAndOpen(p);
    const draft = (
      await p.kg1.post(`/api/assignments/${assignment.id}/reports`, { cycleId: cycle.id, progress: 10 })
    ).json();
    const early = await p.lead.post(`/api/reports/${draft.id}/review`, {
      decision: "approve",
      version: draft.version,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe("该反馈尚未提交");
    const submitted = (
      await p.kg1.post(`/api/assignments/${assignment.id}/reports`, {
        cycleId: cycle.id,
        progress: 10,
        submit: true,
      })
    ).json();
    const approved = await p.lead.post(`/api/reports/${draft.id}/review`, {
      decision: "approve",
      version: submitted.version,
    });
    expect(approved.json()).toMatchObject({ status: "approved", abilities: noReport });
    const again = await p.lead.post(`/api/reports/${draft.id}/review`, {
      decision: "return",
      reason: "再看看",
      version: approved.json().version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe("该反馈刚刚已被其他人审核，请刷新查看最新结果");
    const rewrite = await p.kg1.post(`/api/assignments/${assignment.id}/reports`, {
      cycleId: cycle.id,
      progress: 90,
    });
    expect(rewrite.statusCode).toBe(409);
    expect(rewrite.json().error.message).toBe("本期反馈已审核通过，不能修改");
  });
});
