import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { planChanges } from "../../db/schema.js";
import { buildAssignedPlan, dayFromToday, setDueInDays } from "../../test/notice-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("延期申请", () => {
  it("refuses a request on or after the due date with a clear message", async () => {
    const p = await buildAssignedPlan(t);
    await setDueInDays(t, p.assignmentId, 0);
    // The button is gone on the due day, by the same rule that refuses the request.
    expect((await p.kg1.get(`/api/assignments/${p.assignmentId}`)).json().abilities.requestExtension).toBe(
      false,
    );
    const res = await p.kg1.post("/api/extensions", {
      assignmentId: p.assignmentId,
      requestedDue: dayFromToday(t, 30),
      reason: "施工延误",
      progress: 60,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe("已过截止日期，不能再申请延期");
  });

  it("moves the due date after the lead department and then the supervisor approve", async () => {
    const p = await buildAssignedPlan(t);
    const oldDue = await setDueInDays(t, p.assignmentId, 10);
    const newDue = dayFromToday(t, 40);
    expect((await p.kg1.get(`/api/assignments/${p.assignmentId}`)).json().abilities).toEqual({
      acknowledge: true,
      report: true,
      requestExtension: true,
      remove: false,
    });
    const created = await p.kg1.post("/api/extensions", {
      assignmentId: p.assignmentId,
      requestedDue: newDue,
      reason: "分园装修工期延长",
      progress: 70,
    });
    expect(created.statusCode, created.body).toBe(201);
    const req = created.json();
    expect([oldDue, newDue]).toEqual(["2023-06-25", "2023-07-25"]);
    expect(req).toMatchObject({ status: "pending_lead", oldDue, requestedDue: newDue });
    const decideOf = async (session: typeof p.lead) =>
      (await session.get(`/api/extensions/${req.id}`)).json().abilities;
    expect(req.abilities).toEqual({ decide: false });
    expect(await decideOf(p.lead)).toEqual({ decide: true });
    expect(await decideOf(p.supervisor)).toEqual({ decide: false });
    expect(await decideOf(p.otherDept)).toEqual({ decide: false });
    const again = await p.kg1.post("/api/extensions", {
      assignmentId: p.assignmentId,
      requestedDue: newDue,
      reason: "再申请",
      progress: 70,
    });
    expect(again.statusCode).toBe(409);

    // The supervisor waits for the lead department; other departments never decide.
    const early = await p.supervisor.post(`/api/extensions/${req.id}/decision`, {
      decision: "approve",
      version: 0,
    });
    expect(early.statusCode).toBe(403);
    expect(
      (await p.otherDept.post(`/api/extensions/${req.id}/decision`, { decision: "approve", version: 0 }))
        .statusCode,
    ).toBe(403);
    const lead = await p.lead.post(`/api/extensions/${req.id}/decision`, { decision: "approve", version: 0 });
    expect(lead.json()).toMatchObject({ status: "pending_supervisor", abilities: { decide: false } });
    expect(await decideOf(p.supervisor)).toEqual({ decide: true });
    expect(
      (await p.supervisor.post(`/api/extensions/${req.id}/decision`, { decision: "approve", version: 0 }))
        .statusCode,
    ).toBe(409);
    const done = await p.supervisor.post(`/api/extensions/${req.id}/decision`, {
      decision: "approve",
      version: lead.json().version,
    });
    expect(done.json()).toMatchObject({ status: "approved", oldDue });
    expect(done.json().abilities).toEqual({ decide: false });

    const assignment = (await p.kg1.get(`/api/assignments/${p.assignmentId}`)).json();
    expect(assignment.dueDate).toBe(newDue);
    // Due 2023-07-25 now: 166 of its 206 days have begun (序时进度 81 %) and nothing is approved yet.
    expect(assignment.light).toBe("yellow");
    const changes = await (t.database.db as Db)
      .select()
      .from(planChanges)
      .where(and(eq(planChanges.entity, "assignment"), eq(planChanges.entityId, p.assignmentId)));
    expect(changes[0]).toMatchObject({ before: { dueDate: oldDue }, after: { dueDate: newDue } });
    expect((await p.kg1.get("/api/notifications")).json().items[0].kind).toBe("extension");
  });

  it("ends a request when the lead department refuses it, with the reason", async () => {
    const p = await buildAssignedPlan(t);
    const oldDue = await setDueInDays(t, p.assignmentId, 10);
    const req = (
      await p.kg1.post("/api/extensions", {
        assignmentId: p.assignmentId,
        requestedDue: dayFromToday(t, 20),
        reason: "人手不足",
        progress: 30,
      })
    ).json();
    const noReason = await p.lead.post(`/api/extensions/${req.id}/decision`, {
      decision: "refuse",
      version: 0,
    });
    expect(noReason.json().error.details[0].path).toBe("reason");
    const refused = await p.lead.post(`/api/extensions/${req.id}/decision`, {
      decision: "refuse",
      reason: "应按期完成",
      version: 0,
    });
    expect(refused.json()).toMatchObject({ status: "refused", refusalReason: "应按期完成" });
    expect((await p.kg1.get(`/api/assignments/${p.assignmentId}`)).json().dueDate).toBe(oldDue);
  });

  it("answers 401, 400 with the field, 403 for others, 404 across tenants and scope", async () => {
    const p = await buildAssignedPlan(t);
    await setDueInDays(t, p.assignmentId, 10);
    const body = {
      assignmentId: p.assignmentId,
      requestedDue: dayFromToday(t, 20),
      reason: "原因",
      progress: 50,
    };
    expect((await t.app.inject({ method: "POST", url: "/api/extensions", payload: body })).statusCode).toBe(
      401,
    );
    expect((await t.app.inject({ method: "GET", url: "/api/extensions" })).statusCode).toBe(401);
    expect(
      (await p.kg1.post("/api/extensions", { ...body, progress: 120 })).json().error.details[0].path,
    ).toBe("progress");
    const early = await p.kg1.post("/api/extensions", { ...body, requestedDue: dayFromToday(t, 5) });
    expect(early.json().error.details[0].path).toBe("requestedDue");
    expect((await p.lead.post("/api/extensions", body)).statusCode).toBe(403);
    expect((await p.kg2.post("/api/extensions", body)).statusCode).toBe(404);
    const other = await buildAssignedPlan(t);
    expect((await other.kg1.post("/api/extensions", body)).statusCode).toBe(404);
    const req = (await p.kg1.post("/api/extensions", body)).json();
    expect((await other.supervisor.get(`/api/extensions/${req.id}`)).statusCode).toBe(404);
    expect((await p.kg2.get(`/api/extensions/${req.id}`)).statusCode).toBe(404);
    expect((await p.kg1.get(`/api/extensions/${req.id}`)).json().id).toBe(req.id);
    expect((await p.kg2.get("/api/extensions")).json().total).toBe(0);
    expect((await p.supervisor.get("/api/extensions?status=pending_lead")).json().total).toBe(1);
    expect((await p.supervisor.get("/api/extensions?status=nope")).statusCode).toBe(400);
    expect(
      (await other.lead.post(`/api/extensions/${req.id}/decision`, { decision: "approve", version: 0 }))
        .statusCode,
    ).toBe(404);
  });
});
