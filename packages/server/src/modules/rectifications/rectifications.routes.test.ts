import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { notifications } from "../../db/schema.js";
import {
  buildLedgerBureau,
  itemBody,
  type LedgerBureau,
  uploadPng,
} from "../../test/rectification-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { readXlsx } from "../../test/upload.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Raises an item as the supervisor and returns it. */
async function raise(b: LedgerBureau, overrides: Record<string, unknown> = {}) {
  const res = await b.supervisor.post("/api/rectifications", itemBody(b, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe("整改台账 rectification ledger", () => {
  it("answers 401 on every endpoint without a session", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    for (const [method, url] of [
      ["POST", "/api/rectifications"],
      ["GET", "/api/rectifications"],
      ["GET", "/api/rectifications/stats"],
      ["GET", "/api/rectifications/export.xlsx"],
      ["GET", `/api/rectifications/${id}`],
      ["POST", `/api/rectifications/${id}/submit`],
      ["POST", `/api/rectifications/${id}/verify`],
    ] as const)
      expect(
        (await t.app.inject({ method, url, payload: method === "POST" ? {} : undefined })).statusCode,
      ).toBe(401);
  });

  it("raises an item for a school and puts a notice in the school's notification centre", async () => {
    const b = await buildLedgerBureau(t);
    const item = await raise(b);
    expect(item).toMatchObject({
      unit: { id: b.school.id },
      status: "open",
      source: "safety",
      overdue: false,
    });
    expect(item.abilities).toEqual({ submit: false, verify: false });
    const rows = await (t.database.db as Db)
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, b.users.school.id), eq(notifications.entityId, item.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe("rectification.created");
  });

  it("refuses bad input naming the field, wrong roles, and another tenant's unit", async () => {
    const b = await buildLedgerBureau(t);
    const noProblem = await b.supervisor.post("/api/rectifications", itemBody(b, { problem: " " }));
    expect(noProblem.statusCode).toBe(400);
    expect(noProblem.json().error.details[0].path).toBe("problem");
    const badDate = await b.supervisor.post("/api/rectifications", itemBody(b, { deadline: "2024/1/1" }));
    expect(badDate.json().error.details[0].path).toBe("deadline");
    expect((await b.schoolUser.post("/api/rectifications", itemBody(b))).statusCode).toBe(403);
    expect((await b.leader.post("/api/rectifications", itemBody(b))).statusCode).toBe(403);
    const deptItem = await b.inspector.post("/api/rectifications", itemBody(b, { unitId: b.dept.id }));
    expect(deptItem.statusCode).toBe(403);
    expect((await b.inspector.post("/api/rectifications", itemBody(b))).statusCode).toBe(201);
    expect((await b.admin.post("/api/rectifications", itemBody(b, { unitId: b.dept.id }))).statusCode).toBe(
      201,
    );
    const other = await buildLedgerBureau(t);
    const foreign = await b.supervisor.post("/api/rectifications", itemBody(b, { unitId: other.school.id }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe("unitId");
  });

  it("links an item only to a 督导 visit of its own tenant, its own unit and one the actor may see", async () => {
    const b = await buildLedgerBureau(t);
    const other = await buildLedgerBureau(t);
    const visitOf = async (bureau: LedgerBureau, unitId: string) => {
      const res = await bureau.inspector.post("/api/inspections", {
        unitId,
        visitDate: "2024-03-12",
        kind: "经常性督导",
        findings: [{ text: "教室灭火器过期" }],
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const [own, otherUnits, foreign] = await Promise.all([
      visitOf(b, b.school.id),
      visitOf(b, b.otherSchool.id),
      visitOf(other, other.school.id),
    ]);
    const refused = async (session: LedgerBureau["supervisor"], body: Record<string, unknown>) => {
      const res = await session.post("/api/rectifications", itemBody(b, body));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
      expect(res.json().error.details).toHaveLength(1);
      expect(res.json().error.details[0].path).toBe("sourceId");
      return res.json().error.details[0].message as string;
    };
    const inspection = { source: "inspection" } as const;
    expect(await refused(b.supervisor, { ...inspection, sourceId: foreign })).toBe(
      "督导记录不存在，请检查来源编号",
    );
    expect(await refused(b.supervisor, { ...inspection, sourceId: otherUnits })).toBe(
      "该督导记录不是所选单位的，请检查来源编号或责任单位",
    );
    // Another inspector's visit is not theirs to see.
    expect(await refused(b.otherInspector, { ...inspection, sourceId: own })).toBe(
      "督导记录不存在，请检查来源编号",
    );
    expect(await refused(b.supervisor, { source: "supervision", sourceId: own })).toBe(
      "督办单不存在，请检查来源编号",
    );
    expect(await refused(b.supervisor, { source: "manual", sourceId: own })).toBe(
      "安全隐患排查和手工录入的整改事项不关联来源记录，请不要填写来源编号",
    );
    const linked = await b.inspector.post(
      "/api/rectifications",
      itemBody(b, { ...inspection, sourceId: own }),
    );
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json()).toMatchObject({ source: "inspection", sourceId: own, unit: { id: b.school.id } });
    const count = (await b.supervisor.get("/api/rectifications")).json().total;
    expect(count).toBe(1);
  });

  it("shows a school only its own items and hides others' and other tenants' items as 404", async () => {
    const b = await buildLedgerBureau(t);
    const mine = await raise(b);
    const theirs = await raise(b, { unitId: b.otherSchool.id, source: "manual" });
    const list = (await b.schoolUser.get(`/api/rectifications?unitId=${b.otherSchool.id}`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([]);
    const own = (await b.schoolUser.get("/api/rectifications")).json();
    expect(own.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    expect(own.items[0].abilities).toEqual({ submit: true, verify: false });
    expect((await b.schoolUser.get(`/api/rectifications/${theirs.id}`)).statusCode).toBe(404);
    expect((await b.schoolUser.get(`/api/rectifications/${mine.id}`)).statusCode).toBe(200);
    const other = await buildLedgerBureau(t);
    expect((await other.supervisor.get(`/api/rectifications/${mine.id}`)).statusCode).toBe(404);
    const all = (await b.leader.get("/api/rectifications?source=manual")).json();
    expect(all.items.map((i: { id: string }) => i.id)).toEqual([theirs.id]);
    const q = (await b.leader.get(`/api/rectifications?q=${encodeURIComponent("第二小学")}`)).json();
    expect(q.total).toBe(1);
    expect((await b.leader.get("/api/rectifications?status=closed")).statusCode).toBe(400);
  });

  it("takes measures with evidence, returns them with a reason, then closes the item out（销号）", async () => {
    const b = await buildLedgerBureau(t);
    const item = await raise(b);
    const fileId = await uploadPng(b.schoolUser);
    const url = `/api/rectifications/${item.id}`;
    expect((await b.otherSchoolUser.post(`${url}/submit`, { measures: "x", version: 0 })).statusCode).toBe(
      404,
    );
    expect((await b.supervisor.post(`${url}/submit`, { measures: "x", version: 0 })).statusCode).toBe(403);
    const empty = await b.schoolUser.post(`${url}/submit`, { measures: "", version: 0 });
    expect(empty.json().error.details[0].path).toBe("measures");
    expect((await b.supervisor.post(`${url}/verify`, { decision: "accept", version: 0 })).statusCode).toBe(
      409,
    );
    const submitted = await b.schoolUser.post(`${url}/submit`, {
      measures: "已清理通道，每日巡查",
      fileIds: [fileId],
      version: 0,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({
      status: "submitted",
      files: [{ id: fileId, previewable: true }],
    });
    const v = submitted.json().version;
    const noReason = await b.supervisor.post(`${url}/verify`, { decision: "return", version: v });
    expect(noReason.json().error.details[0].path).toBe("reason");
    expect(
      (await b.otherInspector.post(`${url}/verify`, { decision: "accept", version: v })).statusCode,
    ).toBe(403);
    expect((await b.schoolUser.post(`${url}/verify`, { decision: "accept", version: v })).statusCode).toBe(
      403,
    );
    expect(
      (await b.supervisor.post(`${url}/verify`, { decision: "accept", version: v - 1 })).statusCode,
    ).toBe(409);
    const returned = await b.supervisor.post(`${url}/verify`, {
      decision: "return",
      reason: "缺少巡查记录",
      version: v,
    });
    expect(returned.json()).toMatchObject({ status: "returned", returnReason: "缺少巡查记录" });
    const again = await b.schoolUser.post(`${url}/submit`, {
      measures: "补充巡查记录",
      fileIds: [fileId],
      version: returned.json().version,
    });
    expect(again.json().status).toBe("submitted");
    const accepted = await b.supervisor.post(`${url}/verify`, {
      decision: "accept",
      version: again.json().version,
    });
    expect(accepted.json()).toMatchObject({
      status: "accepted",
      returnReason: null,
      verifierId: expect.any(String),
    });
    expect(accepted.json().verifiedAt).toBe("2023-06-15T01:00:00.000Z");
    const late = await b.schoolUser.post(`${url}/submit`, {
      measures: "x",
      version: accepted.json().version,
    });
    expect(late.statusCode).toBe(409);
  });

  it("refuses evidence from another tenant", async () => {
    const b = await buildLedgerBureau(t);
    const other = await buildLedgerBureau(t);
    const item = await raise(b);
    const foreign = await uploadPng(other.schoolUser);
    const res = await b.schoolUser.post(`/api/rectifications/${item.id}/submit`, {
      measures: "已整改",
      fileIds: [foreign],
      version: 0,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("fileIds");
  });

  it("lists items past their deadline and not closed out as overdue", async () => {
    const b = await buildLedgerBureau(t);
    const past = await raise(b, { deadline: "2020-01-01" });
    await raise(b);
    const overdue = (await b.supervisor.get("/api/rectifications?overdue=true")).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([past.id]);
    expect(overdue.items[0].overdue).toBe(true);
    expect((await b.supervisor.get("/api/rectifications?overdue=false")).json().total).toBe(1);
  });
});

describe("整改 statistics and export", () => {
  it("counts items by unit, by source and by status", async () => {
    const b = await buildLedgerBureau(t);
    await raise(b, { deadline: "2020-01-01" });
    await raise(b, { source: "inspection" });
    await raise(b, { unitId: b.otherSchool.id });
    expect((await t.app.inject({ method: "GET", url: "/api/rectifications/stats" })).statusCode).toBe(401);
    const statsRes = await b.supervisor.get("/api/rectifications/stats");
    expect(statsRes.statusCode, statsRes.body).toBe(200);
    const stats = statsRes.json();
    expect(stats.totals).toEqual({ total: 3, open: 3, submitted: 0, accepted: 0, returned: 0, overdue: 1 });
    const first = stats.byUnit.find((u: { unit: { id: string } }) => u.unit.id === b.school.id);
    expect(first).toMatchObject({ total: 2, overdue: 1 });
    const safety = stats.bySource.find((s: { source: string }) => s.source === "safety");
    expect(safety).toMatchObject({ label: "安全隐患排查", total: 2 });
    const own = (await b.otherSchoolUser.get("/api/rectifications/stats")).json();
    expect(own.totals.total).toBe(1);
    expect((await b.supervisor.get("/api/rectifications/stats?source=x")).statusCode).toBe(400);
  });

  it("exports the filtered ledger as .xlsx with a Chinese file name", async () => {
    const b = await buildLedgerBureau(t);
    await raise(b, { deadline: "2020-01-01" });
    await raise(b, { source: "manual" });
    const res = await b.supervisor.get("/api/rectifications/export.xlsx?overdue=true");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("整改台账")}`,
    );
    const rows = (await readXlsx(res.rawPayload)).整改台账!;
    expect(rows[0]).toEqual([
      "序号",
      "责任单位",
      "牵头科室",
      "问题",
      "整改要求",
      "整改时限",
      "责任人",
      "来源",
      "状态",
      "逾期",
      "下发日期",
      "整改措施",
      "回复日期",
      "验收结果",
      "办结日期",
    ]);
    expect(rows).toHaveLength(2);
    // A 安全隐患 item is about the school, not a task: no 牵头科室.
    expect(rows[1]![2]).toBe("");
    expect(rows[1]!.slice(5, 10)).toEqual(["2020-01-01", "王校长", "安全隐患排查", "待整改", "是"]);
    // Not yet answered: no measures, reply, verdict or close date.
    expect(rows[1]!.slice(11)).toEqual(["", "", "", ""]);
    expect((await b.supervisor.get("/api/rectifications/export.xlsx?overdue=maybe")).statusCode).toBe(400);
  });
});
