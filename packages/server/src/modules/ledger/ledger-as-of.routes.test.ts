import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { assignTask9AndOpenCycle, buildPublishedPlan } from "../../test/plan-fixtures.js";
import { signIn, type TestSession } from "../../test/session.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";
import { recordPlanSnapshots } from "../snapshots/index.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A fresh session of a new user: those of the morning have timed out once the clock moves a day. */
async function sessionOf(tenantId: string, role: "school" | "department" | "supervisor", unitId?: string) {
  const user = await buildUser(t.database.db, { tenantId, role, ...(unitId ? { unitId } : {}) });
  return signIn(t.app, user.login, TEST_PASSWORD);
}

/** Files and approves a report of `progress` with its texts. */
async function report(
  school: TestSession,
  lead: TestSession,
  at: { assignmentId: string; cycleId: string },
  progress: number,
  doneText: string,
) {
  const saved = await school.post(`/api/assignments/${at.assignmentId}/reports`, {
    cycleId: at.cycleId,
    progress,
    doneText,
    problemsText: "",
    nextText: "",
    values: [],
    fileIds: [],
    submit: true,
  });
  expect(saved.statusCode, saved.body).toBe(201);
  const r = saved.json();
  const review = await lead.post(`/api/reports/${r.id}/review`, { decision: "approve", version: r.version });
  expect(review.statusCode, review.body).toBe(200);
}

/** Task 9's assignment lines of a downloaded ledger: unit, progress, light, 最新进展. */
async function task9Lines(session: TestSession, url: string) {
  const res = await session.get(url);
  expect(res.statusCode, res.body).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const summaryTitle = book.getWorksheet("汇总")!.getRow(1).getCell(1).text;
  const sheet = book.getWorksheet("三、努力办好人民更加满意的教育")!;
  const rows = [4, 5, 6].map((n) => {
    const row = sheet.getRow(n);
    return [row.getCell(2).text, row.getCell(8).value, row.getCell(9).text, row.getCell(10).text];
  });
  return { summaryTitle, rows };
}

describe("the 工作台账 as of an earlier day", () => {
  it("prints that day's snapshot and the reports approved by then, not today's", async () => {
    const p = await buildPublishedPlan(t);
    const setup = await assignTask9AndOpenCycle(p);
    await report(
      p.kg1,
      p.lead,
      { assignmentId: setup.assignment.id, cycleId: setup.cycle.id },
      60,
      "新增学位120个",
    );
    t.clock.set(new Date("2023-06-16T00:05:00+08:00"));
    expect(await recordPlanSnapshots(t.database, { tenantId: p.tenant.id, now: t.clock.now() })).toBe(1);
    t.clock.set(new Date("2023-06-16T10:00:00+08:00"));
    const lead = await sessionOf(p.tenant.id, "department", p.preschool.id);
    const kg2 = await sessionOf(p.tenant.id, "school", p.secondKindergarten.id);
    await report(kg2, lead, { assignmentId: setup.second.id, cycleId: setup.cycle.id }, 80, "完成分园装修");
    t.clock.set(new Date("2023-06-17T09:00:00+08:00"));
    const office = await sessionOf(p.tenant.id, "supervisor");
    try {
      const today = await task9Lines(office, `/api/plans/${p.planId}/ledger`);
      const before = await task9Lines(office, `/api/plans/${p.planId}/ledger?asOf=2023-06-16`);
      const second = `${p.secondKindergarten.name}（落实）`;
      expect(today.summaryTitle).toBe("瓦房店市教育局2023年工作要点工作台账汇总（截至2023-06-17）");
      // Today task 9 weighs 60 % and 80 %: 70 %, green against 45.75 % 序时进度.
      expect(today.rows).toEqual([
        ["促进学前教育普及普惠发展", 0.7, "绿·正常", ""],
        [second, 0.8, "绿·正常", "完成分园装修"],
        ["西城幼儿园（落实）", 0.6, "绿·正常", "新增学位120个"],
      ]);
      expect(before.summaryTitle).toBe(
        "瓦房店市教育局2023年工作要点工作台账汇总（截至2023-06-16，按2023-06-16进度记录）",
      );
      expect(before.rows).toEqual([
        ["促进学前教育普及普惠发展", 0.3, "黄·滞后", ""],
        [second, 0, "黄·滞后", ""],
        ["西城幼儿园（落实）", 0.6, "绿·正常", "新增学位120个"],
      ]);
      // No record reaches back before the plan was published.
      const none = await office.get(`/api/plans/${p.planId}/ledger?asOf=2023-06-01`);
      expect(none.statusCode).toBe(404);
      expect(none.json().error.message).toBe("2023-06-01及之前没有该计划的进度记录，请选择更晚的日期");
    } finally {
      t.clock.set(TEST_NOW);
    }
  });
});
