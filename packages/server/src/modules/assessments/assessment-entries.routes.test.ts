import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AssessmentBureau,
  auditActionsOf,
  buildAssessmentBureau,
} from "../../test/assessment-fixtures.js";
import { buildPublishedPlan, type PublishedPlan } from "../../test/plan-fixtures.js";
import type { TestSession } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { png, uploadFile } from "../../test/upload.js";

let t: TestApp;
let b: AssessmentBureau;
let other: PublishedPlan;
beforeAll(async () => {
  t = await createTestApp();
  b = await buildAssessmentBureau(t);
  other = await buildPublishedPlan(t);
}, 180_000);
afterAll(async () => t?.close());

const entriesUrl = () => `/api/plans/${b.planId}/assessment-entries`;

/** A 加分 of the kindergarten under the default scheme's 加减分 item. */
function bonus(overrides: Record<string, unknown> = {}) {
  return { unitId: b.kindergarten.id, itemKey: "bonus", points: 2, reason: "市级表彰", ...overrides };
}

async function upload(s: TestSession): Promise<string> {
  const res = await uploadFile(s, "/api/files", { name: "表彰文件.png", type: "image/png", content: png });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** The error details of a 400 answer. */
async function refused(body: Record<string, unknown>, s = b.supervisor) {
  const res = await s.post(entriesUrl(), body);
  expect(res.statusCode, res.body).toBe(400);
  return res.json().error.details;
}

describe("manual entries（加分 / 扣分 / 一票否决）", () => {
  it("records the 督查室's 加分 with its evidence and audits it", async () => {
    const fileId = await upload(b.supervisor);
    const res = await b.supervisor.post(entriesUrl(), bonus({ fileIds: [fileId] }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      planId: b.planId,
      unitId: b.kindergarten.id,
      unitName: "西城幼儿园",
      itemKey: "bonus",
      points: 2,
      reason: "市级表彰",
      fileIds: [fileId],
      createdAt: "2023-06-15T01:00:00.000Z",
      revokedAt: null,
      abilities: { revoke: true },
    });
    expect(await auditActionsOf(t, b.tenant.id, res.json().id)).toEqual(["assessment_entry.create"]);
  });

  it("lets a department enter a 扣分, and shows it only its own entries", async () => {
    const mine = await b.lead.post(entriesUrl(), bonus({ points: -3, reason: "安全事故" }));
    expect(mine.statusCode, mine.body).toBe(201);
    const theirs = await b.supervisor.post(entriesUrl(), bonus({ reason: "督查室加分" }));
    const list = (await b.lead.get(entriesUrl())).json();
    expect(list.abilities).toEqual({ create: true, seeAll: false });
    expect(list.items.map((e: { id: string }) => e.id)).toEqual([mine.json().id]);
    const all = (await b.leaderSession.get(entriesUrl())).json();
    expect(all.abilities).toEqual({ create: false, seeAll: true });
    expect(all.items.map((e: { id: string }) => e.id)).toContain(theirs.json().id);
    expect(all.items.find((e: { id: string }) => e.id === theirs.json().id).abilities).toEqual({
      revoke: false,
    });
  });

  it("takes a 一票否决 from the 督查室 only, at 0 points", async () => {
    const veto = { ...bonus(), itemKey: "veto", points: 0, reason: "发生重大安全责任事故" };
    expect((await b.lead.post(entriesUrl(), veto)).statusCode).toBe(403);
    expect((await b.supervisor.post(entriesUrl(), veto)).statusCode).toBe(201);
    expect(await refused({ ...veto, points: -5 })).toEqual([
      { path: "points", message: "一票否决项不计分值，分值请填 0" },
    ]);
  });

  it("names itemKey for a scored item or one the category does not have", async () => {
    for (const itemKey of ["tasks", "nosuch"])
      expect(await refused(bonus({ itemKey }))).toEqual([
        { path: "itemKey", message: "“幼儿园”类别没有该加减分或一票否决项" },
      ]);
  });

  it("names points beyond the item's caps, and a zero", async () => {
    expect(await refused(bonus({ points: 6 }))).toEqual([
      { path: "points", message: "“加减分”加分不能超过 5 分" },
    ]);
    expect(await refused(bonus({ points: -11 }))).toEqual([
      { path: "points", message: "“加减分”扣分不能超过 10 分" },
    ]);
    expect(await refused(bonus({ points: 0 }))).toEqual([{ path: "points", message: "加减分不能为 0" }]);
  });

  it("names unitId for another bureau's unit and reason when it is blank", async () => {
    expect(await refused(bonus({ unitId: other.kindergarten.id }))).toEqual([
      { path: "unitId", message: "单位不存在" },
    ]);
    expect((await refused(bonus({ reason: " " })))[0].path).toBe("reason");
  });

  it("names fileIds for a file that is not the author's to attach", async () => {
    const theirs = await upload(other.supervisor);
    const schools = await upload(b.kg1);
    for (const fileId of [theirs, schools])
      expect(await refused(bonus({ fileIds: [fileId] }))).toEqual([
        { path: "fileIds", message: "附件不存在" },
      ]);
  });

  it("refuses admins, leaders, schools and inspectors with 403, another bureau with 404, and asks for a session", async () => {
    for (const s of [b.admin, b.leaderSession, b.kg1, b.inspector])
      expect((await s.post(entriesUrl(), bonus())).statusCode).toBe(403);
    for (const s of [b.admin, b.kg1, b.inspector]) expect((await s.get(entriesUrl())).statusCode).toBe(403);
    expect((await other.supervisor.post(entriesUrl(), bonus())).statusCode).toBe(404);
    expect((await other.supervisor.get(entriesUrl())).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: entriesUrl() })).statusCode).toBe(401);
  });
});

describe("revoking an entry", () => {
  it("keeps it on record with who and why, and refuses to revoke it twice", async () => {
    const id = (await b.supervisor.post(entriesUrl(), bonus())).json().id;
    const res = await b.supervisor.post(`/api/assessment-entries/${id}/revoke`, { reason: "录入有误" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      revokedAt: "2023-06-15T01:00:00.000Z",
      revokeReason: "录入有误",
      abilities: { revoke: false },
    });
    const twice = await b.supervisor.post(`/api/assessment-entries/${id}/revoke`, { reason: "录入有误" });
    expect([twice.statusCode, twice.json().error.message]).toEqual([409, "该加减分已撤销"]);
    expect(await auditActionsOf(t, b.tenant.id, id)).toEqual([
      "assessment_entry.create",
      "assessment_entry.revoke",
    ]);
  });

  it("lets a department revoke its own entry and not the 督查室's, which it does not see", async () => {
    const own = (await b.lead.post(entriesUrl(), bonus({ points: -1, reason: "迟报" }))).json().id;
    const office = (await b.supervisor.post(entriesUrl(), bonus())).json().id;
    expect(
      (await b.lead.post(`/api/assessment-entries/${own}/revoke`, { reason: "已核实" })).statusCode,
    ).toBe(200);
    expect((await b.lead.post(`/api/assessment-entries/${office}/revoke`, { reason: "撤" })).statusCode).toBe(
      404,
    );
  });

  it("refuses leaders with 403, another bureau with 404, and names a missing reason", async () => {
    const id = (await b.supervisor.post(entriesUrl(), bonus())).json().id;
    expect(
      (await b.leaderSession.post(`/api/assessment-entries/${id}/revoke`, { reason: "撤" })).statusCode,
    ).toBe(403);
    expect((await b.kg1.post(`/api/assessment-entries/${id}/revoke`, { reason: "撤" })).statusCode).toBe(403);
    expect(
      (await other.supervisor.post(`/api/assessment-entries/${id}/revoke`, { reason: "撤" })).statusCode,
    ).toBe(404);
    const missing = await b.supervisor.post(`/api/assessment-entries/${id}/revoke`, {});
    expect([missing.statusCode, missing.json().error.details[0].path]).toEqual([400, "reason"]);
  });
});
