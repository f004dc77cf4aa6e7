import { notificationKinds } from "@duban/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildNotifyBureau, type NotifyBureau, toldOf } from "../../test/notification-fixtures.js";
import { flattenTree } from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Expects one kind to have told exactly these users, linked to `link`, each pushed once by email. */
async function expectTold(b: NotifyBureau, kind: string, userIds: string[], link: string) {
  const told = await toldOf(t, b.tenant.id, kind);
  expect(told.users, kind).toEqual([...userIds].sort());
  expect(told.links, kind).toEqual([link]);
  expect(told.pushedTo, kind).toEqual(told.oneEach);
}

/** Posts and expects the status, returning the body. */
async function ok(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return (r.body ? r.json() : {}) as { id: string; version: number };
}

/** A new cycle of the plan, and a report on it for the kindergarten to submit. */
async function reportBody(b: NotifyBureau) {
  const cycle = await ok(b.supervisor.post(`/api/plans/${b.planId}/cycles`, {}), 201);
  return {
    cycleId: cycle.id,
    progress: 40,
    doneText: "已开工",
    problemsText: "",
    nextText: "",
    values: [],
    fileIds: [],
    submit: true,
  };
}

/** Task 9's current version, as the lead department sees it. */
async function nodeVersion(b: NotifyBureau): Promise<number> {
  const plan = (await b.lead.get(`/api/plans/${b.planId}`)).json();
  return flattenTree(plan.nodes as { id: string; version: number; children: never[] }[]).find(
    (n) => n.id === b.task9.id,
  )!.version;
}

describe("a notification for every step", () => {
  it("交办 and 签收; report submitted, returned, resubmitted, approved", async () => {
    const b = await buildNotifyBureau(t);
    const task = `/assignments/${b.assignmentId}`;
    // 交办 went to the kindergarten's two users.
    await expectTold(b, "assignment.created", [b.ids.school, b.ids.kg1], task);
    const assignment = await ok(b.kg1.get(`/api/assignments/${b.assignmentId}`));
    await ok(
      b.kg1.post(`${task.replace("/assignments", "/api/assignments")}/acknowledge`, {
        version: assignment.version,
      }),
    );
    await expectTold(b, "assignment.acknowledged", [b.ids.lead], task);

    const body = await reportBody(b);
    const report = await ok(b.kg1.post(`/api/assignments/${b.assignmentId}/reports`, body), 201);
    const reportLink = `${task}?report=${report.id}`;
    // The lead department's one user reviews; the other department is not told.
    await expectTold(b, "report.submitted", [b.ids.lead], reportLink);
    await ok(
      b.lead.post(`/api/reports/${report.id}/review`, {
        decision: "return",
        reason: "缺少佐证",
        version: report.version,
      }),
    );
    await expectTold(b, "report.returned", [b.ids.kg1], reportLink);
    const returned = await toldOf(t, b.tenant.id, "report.returned");
    expect(returned.pushedTo).toHaveLength(1);
    const again = await ok(
      b.kg1.post(`/api/assignments/${b.assignmentId}/reports`, { ...body, version: report.version + 1 }),
    );
    await expectTold(b, "report.resubmitted", [b.ids.lead], reportLink);
    await ok(
      b.lead.post(`/api/reports/${report.id}/review`, { decision: "approve", version: again.version }),
    );
    await expectTold(b, "report.approved", [b.ids.kg1], reportLink);
    const bell = (await b.kg1.get("/api/notifications")).json();
    expect(bell.items.find((n: { kind: string }) => n.kind === "report.returned").body).toBe(
      "退回原因：缺少佐证",
    );
  });

  it("a report with no one recorded as its submitter (imported): its unit's people hear the outcome", async () => {
    const b = await buildNotifyBureau(t);
    const report = await ok(
      b.kg1.post(`/api/assignments/${b.assignmentId}/reports`, await reportBody(b)),
      201,
    );
    await t.database.db.execute(sql`update reports set submitted_by = null where id = ${report.id}`);
    await ok(
      b.lead.post(`/api/reports/${report.id}/review`, { decision: "approve", version: report.version }),
    );
    await expectTold(
      b,
      "report.approved",
      [b.ids.school, b.ids.kg1],
      `/assignments/${b.assignmentId}?report=${report.id}`,
    );
  });

  it("督办单 raised, replied, returned, accepted", async () => {
    const b = await buildNotifyBureau(t);
    const notice = await ok(
      b.supervisor.post("/api/notices", {
        nodeId: b.task9.id,
        assignmentId: b.assignmentId,
        level: "yellow",
        reason: "进展滞后",
        replyDue: "2023-06-20",
      }),
      201,
    );
    const link = `/notices/${notice.id}`;
    await expectTold(b, "notice", [b.ids.school, b.ids.kg1], link);
    const reply = { text: "已召开专题会议", measures: "新增学位", fileIds: [] };
    await ok(b.kg1.post(`/api/notices/${notice.id}/reply`, reply));
    // The 督查室 user who raised it.
    await expectTold(b, "notice.replied", [b.ids.supervisor], link);
    const replied = await ok(b.supervisor.get(`/api/notices/${notice.id}`));
    await ok(
      b.supervisor.post(`/api/notices/${notice.id}/decision`, {
        decision: "return",
        reason: "措施不具体",
        version: replied.version,
      }),
    );
    await expectTold(b, "notice_returned", [b.ids.school, b.ids.kg1], link);
    await ok(b.kg1.post(`/api/notices/${notice.id}/reply`, reply));
    const second = await ok(b.supervisor.get(`/api/notices/${notice.id}`));
    await ok(
      b.supervisor.post(`/api/notices/${notice.id}/decision`, {
        decision: "accept",
        version: second.version,
      }),
    );
    await expectTold(b, "notice.accepted", [b.ids.school, b.ids.kg1], link);
    // Two answers, two notifications to the issuer, each pushed once.
    expect((await toldOf(t, b.tenant.id, "notice.replied")).users).toEqual([
      b.ids.supervisor,
      b.ids.supervisor,
    ]);
  });

  it("延期 submitted and decided at each step", async () => {
    const b = await buildNotifyBureau(t);
    const req = await ok(
      b.kg1.post("/api/extensions", {
        assignmentId: b.assignmentId,
        requestedDue: "2024-03-31",
        reason: "装修延误",
        progress: 50,
      }),
      201,
    );
    const link = `/extensions/${req.id}`;
    await expectTold(b, "extension.submitted", [b.ids.lead], link);
    await ok(
      b.lead.post(`/api/extensions/${req.id}/decision`, { decision: "approve", version: req.version }),
    );
    // The supervisors now decide; the unit hears its request moved on.
    await expectTold(b, "extension.submitted", [b.ids.lead, b.ids.supervisor], link);
    await expectTold(b, "extension", [b.ids.school, b.ids.kg1], link);
    await ok(
      b.supervisor.post(`/api/extensions/${req.id}/decision`, {
        decision: "approve",
        version: req.version + 1,
      }),
    );
    await expectTold(b, "extension", [b.ids.school, b.ids.kg1, b.ids.school, b.ids.kg1], link);
  });

  it("申请办结, 退回 and 销号 of a task", async () => {
    const b = await buildNotifyBureau(t);
    const link = `/plans/${b.planId}/tasks/${b.task9.id}`;
    await ok(
      b.lead.post(`/api/nodes/${b.task9.id}/close-request`, {
        summary: "全年目标完成",
        version: await nodeVersion(b),
      }),
      204,
    );
    await expectTold(b, "task.close_requested", [b.ids.supervisor], link);
    await ok(
      b.supervisor.post(`/api/nodes/${b.task9.id}/close-decision`, {
        decision: "return",
        reason: "佐证不足",
        version: await nodeVersion(b),
      }),
      204,
    );
    await expectTold(b, "task.close_returned", [b.ids.lead], link);
    await ok(
      b.lead.post(`/api/nodes/${b.task9.id}/close-request`, {
        summary: "已补充",
        version: await nodeVersion(b),
      }),
      204,
    );
    await ok(
      b.supervisor.post(`/api/nodes/${b.task9.id}/close-decision`, {
        decision: "confirm",
        version: await nodeVersion(b),
      }),
      204,
    );
    await expectTold(b, "task.closed", [b.ids.lead], link);
  });

  it("整改 raised, submitted, returned, accepted; 批示 written and 签收", async () => {
    const b = await buildNotifyBureau(t);
    const item = await ok(
      b.supervisor.post("/api/rectifications", {
        unitId: b.kindergarten.id,
        problem: "消防通道堆放杂物",
        requirement: "立即清理",
        deadline: "2023-07-01",
        source: "safety",
      }),
      201,
    );
    const link = `/rectifications/${item.id}`;
    await expectTold(b, "rectification.created", [b.ids.school, b.ids.kg1], link);
    const submitted = await ok(
      b.kg1.post(`${link.replace("/rect", "/api/rect")}/submit`, {
        measures: "已清理",
        version: item.version,
      }),
    );
    await expectTold(b, "rectification.submitted", [b.ids.supervisor], link);
    const back = await ok(
      b.supervisor.post(`/api/rectifications/${item.id}/verify`, {
        decision: "return",
        reason: "未建制度",
        version: submitted.version,
      }),
    );
    await expectTold(b, "rectification.returned", [b.ids.school, b.ids.kg1], link);
    const again = await ok(
      b.kg1.post(`/api/rectifications/${item.id}/submit`, {
        measures: "已建巡查制度",
        version: back.version,
      }),
    );
    await ok(
      b.supervisor.post(`/api/rectifications/${item.id}/verify`, {
        decision: "accept",
        version: again.version,
      }),
    );
    await expectTold(b, "rectification.accepted", [b.ids.school, b.ids.kg1], link);

    const ins = await ok(
      b.leader.post("/api/instructions", { entity: "rectification", entityId: item.id, text: "抓紧落实" }),
      201,
    );
    await expectTold(b, "instruction.created", [b.ids.school, b.ids.kg1], `/instructions/${ins.id}`);
    await ok(b.kg1.post(`/api/instructions/${ins.id}/acknowledge`));
    await expectTold(b, "instruction.acknowledged", [b.ids.leader], `/instructions/${ins.id}`);
  });

  it("lists a Chinese name for every kind the steps use", () => {
    // bulletin.issued is told in modules/bulletins/bulletins.routes.test.ts, form.returned in
    // modules/forms/form-submissions.routes.test.ts, the three assessment.* kinds in
    // modules/assessments/assessment-appeals.routes.test.ts, the three cascade_notice.* kinds in
    // modules/cascade/cascade-notices.routes.test.ts, cascade.handed_down and cascade.upward_report in
    // modules/cascade/upward-reports.routes.test.ts.
    expect(notificationKinds).toHaveLength(32);
  });
});
