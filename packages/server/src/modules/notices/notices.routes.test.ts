import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAssignedPlan, dayFromToday } from "../../test/notice-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Plan = Awaited<ReturnType<typeof buildAssignedPlan>>;

/** A manual yellow notice on the first kindergarten's assignment. */
async function raise(p: Plan, extra: Record<string, unknown> = {}) {
  const res = await p.supervisor.post("/api/notices", {
    nodeId: p.task9.id,
    assignmentId: p.assignmentId,
    level: "yellow",
    reason: "公办园占比进展滞后，请说明原因",
    replyDue: dayFromToday(t, 5),
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe("督办单 by hand", () => {
  it("raises a notice on an assignment, tells the unit, and lists it in the ledger", async () => {
    const p = await buildAssignedPlan(t);
    const notice = await raise(p);
    expect(notice).toMatchObject({
      level: "yellow",
      source: "manual",
      status: "open",
      unit: { id: p.kindergarten.id },
      events: [{ action: "raise" }],
    });
    const bell = (await p.kg1.get("/api/notifications")).json();
    expect(bell.items[0]).toMatchObject({ entityId: notice.id, kind: "notice" });
    const ledger = (await p.supervisor.get("/api/notices?level=yellow")).json();
    expect(ledger.items.map((n: { id: string }) => n.id)).toContain(notice.id);
    expect((await p.supervisor.get("/api/notices?level=red")).json().total).toBe(0);
  });

  it("raises a notice on a task for a unit named by hand", async () => {
    const p = await buildAssignedPlan(t);
    const res = await p.supervisor.post("/api/notices", {
      nodeId: p.task9.id,
      unitId: p.preschool.id,
      level: "red",
      reason: "请牵头科室说明",
      replyDue: dayFromToday(t, 3),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().assignmentId).toBeNull();
  });

  it("warns with a link to the open one before raising a second notice of the same level, then raises it on confirmation", async () => {
    const p = await buildAssignedPlan(t);
    const first = await raise(p);
    const again = await p.supervisor.post("/api/notices", {
      nodeId: p.task9.id,
      assignmentId: p.assignmentId,
      level: "yellow",
      reason: "再次督办",
      replyDue: dayFromToday(t, 5),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({
      code: "conflict",
      message: `${p.kindergarten.name}在该任务上已有一份未办结的“黄色警示”督办单，确认仍要再下发一份吗？`,
      details: { openNoticeId: first.id },
    });
    expect((await p.supervisor.get("/api/notices?level=yellow")).json().total).toBe(1);
    // Another level is a new step, not a repeat.
    await raise(p, { level: "red" });
    const confirmed = await raise(p, { allowDuplicate: true });
    expect(confirmed.id).not.toBe(first.id);
    expect((await p.supervisor.get("/api/notices?level=yellow")).json().total).toBe(2);
  });

  it("answers 401, 400 with the field, 403 for others, 404 across tenants", async () => {
    const p = await buildAssignedPlan(t);
    const body = { nodeId: p.task9.id, level: "red", reason: "x", replyDue: dayFromToday(t, 3) };
    expect((await t.app.inject({ method: "POST", url: "/api/notices", payload: body })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/notices" })).statusCode).toBe(401);
    const noUnit = await p.supervisor.post("/api/notices", body);
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().error.details[0].path).toBe("unitId");
    const badDate = await p.supervisor.post("/api/notices", {
      ...body,
      unitId: p.kindergarten.id,
      replyDue: "5月",
    });
    expect(badDate.json().error.details[0].path).toBe("replyDue");
    expect((await p.lead.post("/api/notices", { ...body, unitId: p.kindergarten.id })).statusCode).toBe(403);
    expect((await p.kg1.post("/api/notices", { ...body, unitId: p.kindergarten.id })).statusCode).toBe(403);
    const other = await buildAssignedPlan(t);
    const foreign = await other.supervisor.post("/api/notices", { ...body, unitId: other.kindergarten.id });
    expect(foreign.statusCode).toBe(404);
    const notice = await raise(p);
    expect((await other.supervisor.get(`/api/notices/${notice.id}`)).statusCode).toBe(404);
    expect((await other.supervisor.get("/api/notices")).json().total).toBe(0);
  });

  it("lets a school see only its own unit's notices", async () => {
    const p = await buildAssignedPlan(t);
    const notice = await raise(p);
    expect((await p.kg1.get(`/api/notices/${notice.id}`)).statusCode).toBe(200);
    expect((await p.kg2.get(`/api/notices/${notice.id}`)).statusCode).toBe(404);
    expect((await p.kg2.get("/api/notices")).json().total).toBe(0);
    expect((await p.kg1.get("/api/notices")).json().total).toBe(1);
  });
});

describe("回复 and 审核 of a notice", () => {
  it("takes the unit's reply, returns it with a reason, then accepts the second reply", async () => {
    const p = await buildAssignedPlan(t);
    const notice = await raise(p);
    const reply = { text: "已召开专题会议", measures: "新增学位 200 个", fileIds: [] };
    expect((await p.kg2.post(`/api/notices/${notice.id}/reply`, reply)).statusCode).toBe(404);
    expect((await p.lead.post(`/api/notices/${notice.id}/reply`, reply)).statusCode).toBe(403);
    const empty = await p.kg1.post(`/api/notices/${notice.id}/reply`, { text: "" });
    expect(empty.json().error.details[0].path).toBe("text");
    const replied = await p.kg1.post(`/api/notices/${notice.id}/reply`, reply);
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json().status).toBe("replied");
    expect((await p.kg1.post(`/api/notices/${notice.id}/reply`, reply)).statusCode).toBe(409);

    const v = replied.json().version;
    const noReason = await p.supervisor.post(`/api/notices/${notice.id}/decision`, {
      decision: "return",
      version: v,
    });
    expect(noReason.json().error.details[0].path).toBe("reason");
    expect(
      (await p.kg1.post(`/api/notices/${notice.id}/decision`, { decision: "accept", version: v })).statusCode,
    ).toBe(403);
    const back = await p.supervisor.post(`/api/notices/${notice.id}/decision`, {
      decision: "return",
      reason: "措施不具体",
      version: v,
    });
    expect(back.json().status).toBe("returned");
    const stale = await p.supervisor.post(`/api/notices/${notice.id}/decision`, {
      decision: "accept",
      version: v,
    });
    expect(stale.statusCode).toBe(409);

    const again = await p.kg1.post(`/api/notices/${notice.id}/reply`, { ...reply, text: "已完成扩班" });
    const ok = await p.supervisor.post(`/api/notices/${notice.id}/decision`, {
      decision: "accept",
      version: again.json().version,
    });
    expect(ok.json().status).toBe("accepted");
    expect(ok.json().events.map((e: { action: string }) => e.action)).toEqual([
      "raise",
      "reply",
      "return",
      "reply",
      "accept",
    ]);
  });

  it("filters the ledger by overdue reply", async () => {
    const p = await buildAssignedPlan(t);
    const late = await raise(p, { replyDue: dayFromToday(t, -1) });
    await raise(p, { replyDue: dayFromToday(t, 3), allowDuplicate: true });
    const found = (await p.supervisor.get("/api/notices?overdueReply=true")).json();
    expect(found.items.map((n: { id: string }) => n.id)).toEqual([late.id]);
    expect((await p.supervisor.get(`/api/notices?overdueReply=maybe`)).statusCode).toBe(400);
  });
});
