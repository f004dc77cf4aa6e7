import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { supervisionNotices } from "../../db/schema.js";
import { buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { buildPublishedPlan } from "../../test/plan-fixtures.js";
import { buildLedgerBureau, itemBody } from "../../test/rectification-fixtures.js";
import { signIn } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** A bureau with one 整改 item on its first school. */
async function withItem() {
  const b = await buildLedgerBureau(t);
  const item = (await b.supervisor.post("/api/rectifications", itemBody(b))).json();
  return { b, item };
}

describe("领导批示 leader instructions", () => {
  it("answers 401 on every endpoint without a session", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    for (const [method, url] of [
      ["POST", "/api/instructions"],
      ["GET", `/api/instructions?entity=report&entityId=${id}`],
      ["GET", "/api/instructions/mine"],
      ["POST", `/api/instructions/${id}/acknowledge`],
    ] as const)
      expect(
        (await t.app.inject({ method, url, payload: method === "POST" ? {} : undefined })).statusCode,
      ).toBe(401);
  });

  it("sends a leader's instruction on a 整改 item to its unit, which acknowledges it once", async () => {
    const { b, item } = await withItem();
    const body = { entity: "rectification", entityId: item.id, text: "请举一反三，全面排查" };
    const created = await b.leader.post("/api/instructions", body);
    expect(created.statusCode, created.body).toBe(201);
    const ins = created.json();
    expect(ins).toMatchObject({
      unit: { id: b.school.id },
      state: "待签收",
    });
    expect(ins.abilities).toEqual({ acknowledge: false });
    const onItem = (
      await b.schoolUser.get(`/api/instructions?entity=rectification&entityId=${item.id}`)
    ).json();
    expect(onItem).toMatchObject({ total: 1, page: 1, pageSize: 20, abilities: { create: false } });
    expect(onItem.items).toHaveLength(1);
    expect(onItem.items[0].abilities).toEqual({ acknowledge: true });
    expect(
      (await b.otherSchoolUser.get(`/api/instructions?entity=rectification&entityId=${item.id}`)).json(),
    ).toEqual({ items: [], total: 0, page: 1, pageSize: 20, abilities: { create: false } });
    // Only a leader may write another instruction on the item.
    expect(
      (await b.leader.get(`/api/instructions?entity=rectification&entityId=${item.id}`)).json().abilities,
    ).toEqual({ create: true });
    expect((await b.otherSchoolUser.post(`/api/instructions/${ins.id}/acknowledge`)).statusCode).toBe(404);
    expect((await b.supervisor.post(`/api/instructions/${ins.id}/acknowledge`)).statusCode).toBe(403);
    const ack = await b.schoolUser.post(`/api/instructions/${ins.id}/acknowledge`);
    expect(ack.json()).toMatchObject({ state: "已签收", acknowledgedAt: "2023-06-15T01:00:00.000Z" });
    expect((await b.schoolUser.post(`/api/instructions/${ins.id}/acknowledge`)).statusCode).toBe(409);
    const mine = (await b.leader.get("/api/instructions/mine")).json();
    expect(mine.items.map((i: { state: string }) => i.state)).toEqual(["已签收"]);
    expect((await b.supervisor.get("/api/instructions/mine")).statusCode).toBe(403);
    const other = await buildLedgerBureau(t);
    expect((await other.schoolUser.post(`/api/instructions/${ins.id}/acknowledge`)).statusCode).toBe(404);
  });

  it("refuses bad input naming the field, non-leaders, and items of another tenant", async () => {
    const { b, item } = await withItem();
    const bad = await b.leader.post("/api/instructions", { entity: "task", entityId: item.id, text: "x" });
    expect(bad.json().error.details[0].path).toBe("entity");
    const blank = await b.leader.post("/api/instructions", {
      entity: "rectification",
      entityId: item.id,
      text: "",
    });
    expect(blank.json().error.details[0].path).toBe("text");
    const body = { entity: "rectification", entityId: item.id, text: "抓紧落实" };
    expect((await b.supervisor.post("/api/instructions", body)).statusCode).toBe(403);
    const other = await withItem();
    const foreign = await b.leader.post("/api/instructions", { ...body, entityId: other.item.id });
    expect(foreign.statusCode).toBe(404);
    const named = await b.leader.post("/api/instructions", { ...body, unitId: other.b.school.id });
    expect(named.json().error.details[0].path).toBe("unitId");
    expect((await b.leader.get("/api/instructions?entity=rectification&entityId=1")).statusCode).toBe(400);
  });

  it("derives the unit of a task from its lead department and of a 督办单 from the notice", async () => {
    const p = await buildPublishedPlan(t);
    const db = t.database.db as Db;
    const leaderUser = await buildUser(db, { tenantId: p.tenant.id, role: "leader" });
    const leader = await signIn(t.app, leaderUser.login, TEST_PASSWORD);
    const onTask = await leader.post("/api/instructions", {
      entity: "plan_node",
      entityId: p.task9.id,
      text: "要确保完成",
    });
    expect(onTask.statusCode, onTask.body).toBe(201);
    expect(onTask.json().unit.id).toBe(p.preschool.id);
    const [notice] = await db
      .insert(supervisionNotices)
      .values({
        tenantId: p.tenant.id,
        planId: p.planId,
        nodeId: p.task9.id,
        unitId: p.kindergarten.id,
        level: "red",
        source: "manual",
        reason: "进度滞后",
      })
      .returning();
    const onNotice = await leader.post("/api/instructions", {
      entity: "notice",
      entityId: notice!.id,
      text: "限期整改",
    });
    expect(onNotice.json().unit.id).toBe(p.kindergarten.id);
    const ack = await p.kg1.post(`/api/instructions/${onNotice.json().id}/acknowledge`);
    expect(ack.json().state).toBe("已签收");
  });
});
