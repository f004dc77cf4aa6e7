import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { assignments } from "../../db/schema.js";
import { buildAssignedPlan, setDueInDays } from "../../test/notice-fixtures.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
// A test that moves the clock puts it back, so the next one starts on 2023-06-15 too.
afterEach(() => t.clock.set(TEST_NOW));

type Plan = Awaited<ReturnType<typeof buildAssignedPlan>>;

/** Runs the scan as the supervisor and returns its counts. */
async function scan(p: Plan) {
  const res = await p.supervisor.post("/api/notices/scan");
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The tenant's only automatic notice, with its history. */
async function onlyNotice(p: Plan) {
  const list = (await p.supervisor.get("/api/notices")).json();
  expect(list.total).toBe(1);
  return (await p.supervisor.get(`/api/notices/${list.items[0].id}`)).json();
}

describe("automatic 督办单 from lights", () => {
  it("raises a red notice once an assignment is overdue, tells the unit, and does nothing on a second scan", async () => {
    const p = await buildAssignedPlan(t);
    await setDueInDays(t, p.assignmentId, -1);
    // The 交办 notification read, the bell counts the notice alone.
    await p.kg1.post("/api/notifications/read-all");
    expect(await scan(p)).toEqual({ raised: 1, upgraded: 0, closed: 0 });
    const notice = await onlyNotice(p);
    expect(notice).toMatchObject({
      level: "red",
      source: "auto",
      status: "open",
      unit: { id: p.kindergarten.id },
    });
    expect(notice.reason).toBe("已超过完成时限（2023-06-14），当前进度 0%");
    expect(notice.replyDue).toBe("2023-06-18");
    expect((await p.kg1.get("/api/notifications")).json().unreadCount).toBe(1);
    expect(await scan(p)).toEqual({ raised: 0, upgraded: 0, closed: 0 });
    expect((await p.kg1.get("/api/notifications")).json().unreadCount).toBe(1);
  });

  it("upgrades the yellow notice to red in place once the due date has passed", async () => {
    const p = await buildAssignedPlan(t);
    // Task 9 runs from the start of 2023, so with nothing done it is far behind 序时进度: yellow.
    await setDueInDays(t, p.assignmentId, 2);
    expect(await scan(p)).toEqual({ raised: 1, upgraded: 0, closed: 0 });
    // 2023-01-01 to 2023-06-17: on 06-15, 166 of 168 days have begun, so 序时进度 is 99 %.
    expect(await onlyNotice(p)).toMatchObject({
      level: "yellow",
      reason: "进度 0% 落后序时进度 99% 超过 10 个百分点",
    });
    await setDueInDays(t, p.assignmentId, -1);
    expect(await scan(p)).toEqual({ raised: 0, upgraded: 1, closed: 0 });
    const notice = await onlyNotice(p);
    expect(notice.level).toBe("red");
    expect(notice.events.map((e: { action: string }) => e.action)).toEqual(["raise", "upgrade"]);
    expect(await scan(p)).toEqual({ raised: 0, upgraded: 0, closed: 0 });
  });

  it("gives a blue reminder when due within a week and slightly behind", async () => {
    const p = await buildAssignedPlan(t);
    await setDueInDays(t, p.assignmentId, 3);
    await (t.database.db as Db)
      .update(assignments)
      .set({ progress: 95 })
      .where(eq(assignments.id, p.assignmentId));
    expect(await scan(p)).toEqual({ raised: 1, upgraded: 0, closed: 0 });
    // 2023-01-01 to 2023-06-18: 166 of 169 days, 序时进度 98 %; 95 % is within the tolerance, so not yellow.
    expect(await onlyNotice(p)).toMatchObject({
      level: "blue",
      reason: "距完成时限（2023-06-18）不足 7 天，进度 95% 落后序时进度 98%",
    });
  });

  it("closes the notice with a note when an approved 100 % report brings the item back", async () => {
    const p = await buildAssignedPlan(t);
    await setDueInDays(t, p.assignmentId, 20);
    expect((await scan(p)).raised).toBe(1);
    const cycle = (await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {})).json();
    const report = await p.kg1.post(`/api/assignments/${p.assignmentId}/reports`, {
      cycleId: cycle.id,
      progress: 100,
      doneText: "已全部完成",
      problemsText: "",
      nextText: "",
      values: [],
      fileIds: [],
      submit: true,
    });
    expect(report.statusCode, report.body).toBe(201);
    const review = await p.lead.post(`/api/reports/${report.json().id}/review`, {
      decision: "approve",
      version: report.json().version,
    });
    expect(review.statusCode, review.body).toBe(200);
    expect(await scan(p)).toEqual({ raised: 0, upgraded: 0, closed: 1 });
    const notice = await onlyNotice(p);
    expect(notice).toMatchObject({ status: "closed" });
    expect(notice.closeNote).toContain("自动关闭");
    expect(notice.events.at(-1).action).toBe("auto_close");
    expect(await scan(p)).toEqual({ raised: 0, upgraded: 0, closed: 0 });
  });

  it("scans an assignment whose stored due date is no date as due at the end of its plan year", async () => {
    // Due at the end of 2023: on its last day only behind (yellow), minutes later overdue (red). The two scans
    // are 25 minutes apart, so the sessions opened before them are still within their idle time.
    t.clock.set(new Date("2023-12-31T23:40:00+08:00"));
    const p = await buildAssignedPlan(t);
    await (t.database.db as Db)
      .update(assignments)
      .set({ dueDate: "NaN" })
      .where(and(eq(assignments.tenantId, p.tenant.id), eq(assignments.id, p.assignmentId)));
    expect(await scan(p)).toEqual({ raised: 1, upgraded: 0, closed: 0 });
    expect((await onlyNotice(p)).level).toBe("yellow");
    t.clock.set(new Date("2024-01-01T00:05:00+08:00"));
    expect(await scan(p)).toEqual({ raised: 0, upgraded: 1, closed: 0 });
    const notice = await onlyNotice(p);
    expect(notice.level).toBe("red");
    expect(notice.reason).toBe("已超过完成时限（2023-12-31），当前进度 0%");
  });

  it("raises a yellow notice once the unit reported nothing in the last two cycles closed since it was assigned", async () => {
    const p = await buildAssignedPlan(t);
    // Due years away: on track by its light, so only the silence can raise a notice.
    await setDueInDays(t, p.assignmentId, 3650);
    const closedCycle = async (startDate: string, dueDate: string) => {
      const cycle = await p.supervisor.post(`/api/plans/${p.planId}/cycles`, { startDate, dueDate });
      expect(cycle.statusCode, cycle.body).toBe(201);
      const closed = await p.supervisor.post(`/api/cycles/${cycle.json().id}/close`, {
        version: cycle.json().version,
      });
      expect(closed.statusCode, closed.body).toBe(204);
    };
    // Assigned on 2023-06-15: a cycle due the day before was not the unit's to report.
    await closedCycle("2023-06-01", "2023-06-14");
    await closedCycle("2023-06-15", "2023-06-15");
    expect(await scan(p)).toEqual({ raised: 0, upgraded: 0, closed: 0 });
    await closedCycle("2023-06-16", "2023-06-30");
    expect(await scan(p)).toEqual({ raised: 1, upgraded: 0, closed: 0 });
    expect(await onlyNotice(p)).toMatchObject({ level: "yellow", reason: "连续 2 个填报周期未反馈进展" });
  });

  it("lets only the supervisor run the scan", async () => {
    const p = await buildAssignedPlan(t);
    expect((await t.app.inject({ method: "POST", url: "/api/notices/scan" })).statusCode).toBe(401);
    expect((await p.lead.post("/api/notices/scan")).statusCode).toBe(403);
    expect((await p.kg1.post("/api/notices/scan")).statusCode).toBe(403);
  });
});

describe("督办台账 export", () => {
  it("exports the filtered ledger as a workbook with the usual columns and a Chinese filename", async () => {
    const p = await buildAssignedPlan(t);
    await setDueInDays(t, p.assignmentId, -1);
    await scan(p);
    const res = await p.supervisor.get("/api/notices/export.xlsx?level=red");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("督办台账-")}`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      "序号",
      "督办事项",
      "责任单位",
      "牵头科室",
      "督办等级",
      "下发时间",
      "回复时限",
      "回复时间",
      "办理情况",
      "整改措施",
      "验收结果",
      "办结时间",
      "状态",
    ]);
    expect(sheet.getRow(2).getCell(3).value).toBe(p.kindergarten.name);
    expect(sheet.getRow(2).getCell(5).value).toBe("红色督办");
    expect(sheet.rowCount).toBe(2);
    const none = await p.supervisor.get("/api/notices/export.xlsx?level=blue");
    const empty = new ExcelJS.Workbook();
    await empty.xlsx.load(none.rawPayload as unknown as ArrayBuffer);
    expect(empty.worksheets[0]!.rowCount).toBe(1);
  });

  it("answers 401, 400 and 403 for the export", async () => {
    const p = await buildAssignedPlan(t);
    expect((await t.app.inject({ method: "GET", url: "/api/notices/export.xlsx" })).statusCode).toBe(401);
    expect((await p.supervisor.get("/api/notices/export.xlsx?level=pink")).statusCode).toBe(400);
    expect((await p.kg1.get("/api/notices/export.xlsx")).statusCode).toBe(403);
    expect((await p.lead.get("/api/notices/export.xlsx")).statusCode).toBe(403);
  });
});
