import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { buildAssignedPlan, dayFromToday, setDueInDays } from "../../test/notice-fixtures.js";
import { docxParts } from "../../test/office-tools.js";
import { signIn } from "../../test/session.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
afterEach(() => t.clock.set(TEST_NOW));

type Plan = Awaited<ReturnType<typeof buildAssignedPlan>>;

/** A manual red notice on the first kindergarten's assignment. */
async function raise(p: Plan) {
  const res = await p.supervisor.post("/api/notices", {
    nodeId: p.task9.id,
    assignmentId: p.assignmentId,
    level: "red",
    reason: "公办园占比进展滞后，请说明原因",
    replyDue: dayFromToday(t, 5),
    allowDuplicate: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** The text of a .docx body, runs joined. */
async function docxText(bytes: Buffer): Promise<string> {
  const { document } = await docxParts(bytes);
  return [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

describe("督办单 numbers", () => {
  it("numbers each hand-raised notice of the year in order and shows the number in the notice and the ledger", async () => {
    const p = await buildAssignedPlan(t);
    const first = await raise(p);
    const second = await raise(p);
    expect(first.documentNumber).toBe("督办〔2023〕1号");
    expect(second.documentNumber).toBe("督办〔2023〕2号");
    expect((await p.kg1.get(`/api/notices/${first.id}`)).json().documentNumber).toBe("督办〔2023〕1号");
    const ledger = (await p.supervisor.get("/api/notices")).json();
    expect(ledger.items.map((n: { documentNumber: string }) => n.documentNumber)).toEqual([
      "督办〔2023〕2号",
      "督办〔2023〕1号",
    ]);
  });

  it("numbers automatic notices from the same series, in the year of the scan", async () => {
    const p = await buildAssignedPlan(t);
    await raise(p);
    await setDueInDays(t, p.assignmentId, -1);
    expect((await p.supervisor.post("/api/notices/scan")).json()).toEqual({
      raised: 1,
      upgraded: 0,
      closed: 0,
    });
    const auto = (await p.supervisor.get("/api/notices"))
      .json()
      .items.find((n: { source: string }) => n.source === "auto");
    expect(auto.documentNumber).toBe("督办〔2023〕2号");
  });
});

describe("GET /api/notices/:id/document", () => {
  it("downloads the 督办通知单 as a Word document named by its number", async () => {
    const p = await buildAssignedPlan(t);
    const notice = await raise(p);
    const res = await p.kg1.get(`/api/notices/${notice.id}/document`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="notice-${notice.id}.docx"; filename*=UTF-8''${encodeURIComponent("督办〔2023〕1号.docx")}`,
    );
    const text = await docxText(res.rawPayload);
    expect(text).toContain(`${p.tenant.name}督查室`);
    expect(text).toContain("督办〔2023〕1号");
    expect(text).toContain("督办通知单");
    expect(text).toContain(`${p.kindergarten.name}：`);
    expect(text).toContain(p.task9.title);
    expect(text).toContain("红色督办");
    expect(text).toContain("公办园占比进展滞后，请说明原因");
    // Task 9 runs from 2023-01-01 with nothing done: far behind 序时进度 on 2023-06-15, so yellow.
    expect(text).toContain("黄灯（滞后）");
    expect(text).toContain("2023年6月20日前");
  });

  it("dates the 督办通知单 the day the app's clock raised it, not the database's day", async () => {
    // Set before the bureau is built, so its sessions are fresh on this day.
    t.clock.set(new Date("2023-06-12T10:00:00+08:00"));
    const p = await buildAssignedPlan(t);
    const notice = await raise(p);
    expect(notice.createdAt).toBe("2023-06-12T02:00:00.000Z");
    const text = await docxText((await p.kg1.get(`/api/notices/${notice.id}/document`)).rawPayload);
    // The 成文日期 under the 督查室's seal line closes the page.
    expect(text.slice(text.lastIndexOf("督查室"))).toBe("督查室2023年6月12日");
  });

  it("hides another bureau's notice as if it did not exist", async () => {
    const p = await buildAssignedPlan(t);
    const other = await buildAssignedPlan(t);
    const notice = await raise(p);
    const res = await other.supervisor.get(`/api/notices/${notice.id}/document`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: "not_found", message: "督办单不存在或无权查看" });
  });
});

describe("days to reply in the cockpit", () => {
  it("counts from the raising to the reply on the app's clock: 36 hours are 1.5 days", async () => {
    const p = await buildAssignedPlan(t);
    await raise(p);
    const raised = (await p.supervisor.get(`/api/notices?planId=${p.planId}`)).json().items[0];
    // The kindergarten answers the next evening; the morning's sessions have lapsed, so both sign in again.
    t.clock.set(new Date("2023-06-16T21:00:00+08:00"));
    const db = t.database.db as Db;
    const [school, office] = await Promise.all([
      buildUser(db, { tenantId: p.tenant.id, role: "school", unitId: p.kindergarten.id }),
      buildUser(db, { tenantId: p.tenant.id, role: "supervisor" }),
    ]);
    const kg = await signIn(t.app, school.login, TEST_PASSWORD);
    const replied = await kg.post(`/api/notices/${raised.id}/reply`, {
      text: "已召开专题会议，制定扩增方案",
    });
    expect(replied.statusCode, replied.body).toBe(200);
    const supervisor = await signIn(t.app, office.login, TEST_PASSWORD);
    const cockpit = await supervisor.get(`/api/plans/${p.planId}/cockpit`);
    expect(cockpit.statusCode, cockpit.body).toBe(200);
    expect(cockpit.json().supervision.averageReplyDays).toBe(1.5);
  });
});
