import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLedgerBureau, type LedgerBureau, uploadPng } from "../../test/rectification-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** A visit to the bureau's first school with two findings, recorded by its inspector. */
async function visit(b: LedgerBureau) {
  const res = await b.inspector.post("/api/inspections", {
    unitId: b.school.id,
    visitDate: "2024-03-12",
    kind: "经常性督导",
    findings: [{ text: "教室灭火器过期" }, { text: "课后服务台账不全" }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const rectifyBody = { requirement: "一周内更换灭火器", deadline: "2099-06-30", responsiblePerson: "李主任" };

describe("责任督学挂牌督导 inspections", () => {
  it("answers 401 on every endpoint without a session", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    for (const [method, url] of [
      ["POST", "/api/inspections"],
      ["GET", "/api/inspections"],
      ["GET", `/api/inspections/${id}`],
      ["POST", `/api/inspections/${id}/findings/0/rectify`],
    ] as const)
      expect(
        (await t.app.inject({ method, url, payload: method === "POST" ? {} : undefined })).statusCode,
      ).toBe(401);
  });

  it("records a visit with findings, and refuses bad input and other roles", async () => {
    const b = await buildLedgerBureau(t);
    const v = await visit(b);
    expect(v).toMatchObject({ kind: "经常性督导", unit: { id: b.school.id } });
    expect(v.abilities).toEqual({ rectify: true });
    expect(v.findings).toEqual([
      { index: 0, text: "教室灭火器过期", rectificationId: null },
      { index: 1, text: "课后服务台账不全", rectificationId: null },
    ]);
    const body = { unitId: b.school.id, visitDate: "2024-03-12", kind: "随访", findings: [] };
    const dept = await b.inspector.post("/api/inspections", { ...body, unitId: b.dept.id });
    expect(dept.json().error.details[0].path).toBe("unitId");
    const blank = await b.inspector.post("/api/inspections", { ...body, findings: [{ text: "" }] });
    expect(blank.json().error.details[0].path).toBe("findings.0.text");
    expect((await b.supervisor.post("/api/inspections", body)).statusCode).toBe(403);
    expect((await b.schoolUser.post("/api/inspections", body)).statusCode).toBe(403);
  });

  it("shows inspectors their own visits and the supervision office every visit", async () => {
    const b = await buildLedgerBureau(t);
    const v = await visit(b);
    expect((await b.inspector.get("/api/inspections")).json().total).toBe(1);
    expect((await b.otherInspector.get("/api/inspections")).json().total).toBe(0);
    expect((await b.otherInspector.get(`/api/inspections/${v.id}`)).statusCode).toBe(404);
    const leaderView = (await b.leader.get(`/api/inspections?unitId=${b.school.id}`)).json();
    expect(leaderView.items.map((i: { id: string }) => i.id)).toEqual([v.id]);
    expect((await b.leader.get(`/api/inspections/${v.id}`)).json().abilities).toEqual({ rectify: false });
    expect((await b.schoolUser.get("/api/inspections")).statusCode).toBe(403);
    expect((await b.leader.get("/api/inspections?unitId=x")).statusCode).toBe(400);
    const other = await buildLedgerBureau(t);
    expect((await other.supervisor.get(`/api/inspections/${v.id}`)).statusCode).toBe(404);
  });

  it("takes a finding through 整改 to 销号: item, evidence, return, resubmit, accept", async () => {
    const b = await buildLedgerBureau(t);
    const v = await visit(b);
    const url = `/api/inspections/${v.id}/findings/0/rectify`;
    expect((await b.inspector.post(url, { ...rectifyBody, deadline: "" })).json().error.details[0].path).toBe(
      "deadline",
    );
    expect((await b.leader.post(url, rectifyBody)).statusCode).toBe(403);
    expect((await b.otherInspector.post(url, rectifyBody)).statusCode).toBe(404);
    expect(
      (await b.inspector.post(`/api/inspections/${v.id}/findings/5/rectify`, rectifyBody)).statusCode,
    ).toBe(404);
    const created = await b.inspector.post(url, rectifyBody);
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({
      source: "inspection",
      sourceId: v.id,
      problem: "教室灭火器过期",
      status: "open",
    });
    expect((await b.inspector.post(url, rectifyBody)).statusCode).toBe(409);
    const after = (await b.inspector.get(`/api/inspections/${v.id}`)).json();
    expect(after.findings[0].rectificationId).toBe(item.id);

    const fileId = await uploadPng(b.schoolUser);
    const itemUrl = `/api/rectifications/${item.id}`;
    const first = await b.schoolUser.post(`${itemUrl}/submit`, {
      measures: "已更换",
      fileIds: [fileId],
      version: 0,
    });
    expect(first.json().status).toBe("submitted");
    const returned = await b.inspector.post(`${itemUrl}/verify`, {
      decision: "return",
      reason: "请附更换后照片",
      version: first.json().version,
    });
    expect(returned.json().status).toBe("returned");
    const second = await b.schoolUser.post(`${itemUrl}/submit`, {
      measures: "已更换，附照片",
      fileIds: [fileId],
      version: returned.json().version,
    });
    expect(second.json().files).toHaveLength(1);
    const closed = await b.inspector.post(`${itemUrl}/verify`, {
      decision: "accept",
      version: second.json().version,
    });
    expect(closed.json()).toMatchObject({ status: "accepted", overdue: false });
  });
});
