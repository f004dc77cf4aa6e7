import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { assignTask9AndOpenCycle, buildPublishedPlan, type PublishedPlan } from "../../test/plan-fixtures.js";
import { signIn } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

const sections = [
  "一、坚持和加强党对教育事业的全面领导",
  "二、全面贯彻落实立德树人根本任务",
  "三、努力办好人民更加满意的教育",
  "四、扎实推动教育公平与改革发展",
  "五、打造高素质专业化创新型教师队伍",
  "六、进一步提高保障能力夯实发展基础",
];

let t: TestApp;
let p: PublishedPlan;
let book: ExcelJS.Workbook;
let headers: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  p = await buildPublishedPlan(t);
  const { assignment, cycle, indicatorId } = await assignTask9AndOpenCycle(p);
  const submitted = await p.kg1.post(`/api/assignments/${assignment.id}/reports`, {
    cycleId: cycle.id,
    progress: 60,
    doneText: "新增学位120个",
    problemsText: "分园装修滞后",
    nextText: "完成分园装修",
    values: [{ indicatorId, value: 60 }],
    fileIds: [],
    submit: true,
  });
  expect(submitted.statusCode, submitted.body).toBe(201);
  const approved = await p.lead.post(`/api/reports/${submitted.json().id}/review`, {
    decision: "approve",
    version: submitted.json().version,
  });
  expect(approved.statusCode, approved.body).toBe(200);
  const res = await p.supervisor.get(`/api/plans/${p.planId}/ledger`);
  expect(res.statusCode, res.body).toBe(200);
  headers = res.headers as Record<string, string>;
  book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
});
afterAll(() => t.close());

/** The text of every cell of a row, from column A. */
function texts(sheet: ExcelJS.Worksheet, n: number): string[] {
  const row = sheet.getRow(n);
  return Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).text);
}

/** The fill colour of a cell, or null. */
function fillOf(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.fgColor?.argb ?? null;
}

describe("GET /api/plans/:id/ledger", () => {
  it("answers an .xlsx named after the plan and the day", () => {
    expect(headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(headers["content-disposition"]).toBe(
      `attachment; filename="ledger-2023-06-15.xlsx"; filename*=UTF-8''${encodeURIComponent("瓦房店市教育局2023年工作要点工作台账-2023-06-15.xlsx")}`,
    );
  });

  it("has a summary sheet and one sheet per section, in plan order", () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(["汇总", ...sections]);
  });

  it("counts tasks by light and weighs progress per section on the summary", () => {
    const sheet = book.getWorksheet("汇总")!;
    expect(texts(sheet, 1)[0]).toBe("瓦房店市教育局2023年工作要点工作台账汇总（截至2023-06-15）");
    expect(texts(sheet, 2)).toEqual([
      "部分",
      "任务数",
      "红灯（逾期）",
      "黄灯（滞后）",
      "绿灯（正常）",
      "灰灯（未开始）",
      "蓝灯（已完成）",
      "进度",
    ]);
    // On 2023-06-15 序时进度 is 45.48 %: every task below 35.48 % is yellow; task 9 is at 30 % (60 % and 0 %).
    expect(sheet.getRow(5).values).toEqual([undefined, sections[2], 6, 0, 6, 0, 0, 0, 0.05]);
    expect(sheet.getRow(9).values).toEqual([undefined, "合计", 24, 0, 24, 0, 0, 0, 0.013]);
    expect(sheet.getRow(9).getCell(8).numFmt).toBe("0.0%");
  });

  it("prints task 9 with its indicators, lead unit and the latest approved report of each unit", () => {
    const sheet = book.getWorksheet(sections[2])!;
    expect(texts(sheet, 2)).toEqual([
      "编号",
      "任务",
      "措施",
      "指标（目标/当前/状态）",
      "牵头单位",
      "配合单位",
      "完成时限",
      "进度",
      "亮灯",
      "最新进展",
      "存在问题",
      "下步计划",
      "最近报送",
    ]);
    const task = sheet.getRow(4).values as unknown[];
    expect(task.slice(1, 3)).toEqual(["9.", "促进学前教育普及普惠发展"]);
    expect(task[4]).toBe(
      "公办幼儿园在园幼儿占比：目标≥50%；当前60%（已报 1/2）；进展正常\n普惠园覆盖率：目标≥85%；当前暂无（已报 0/0）；无数据",
    );
    expect(texts(sheet, 4).slice(4)).toEqual([
      "学前教育科",
      "",
      "",
      "0.3",
      "黄·滞后",
      "",
      "",
      "",
      "2023-06-15",
    ]);
    expect(task[8]).toBe(0.3);
    expect(texts(sheet, 5)).toEqual([
      "9-1",
      `${p.secondKindergarten.name}（落实）`,
      "",
      "",
      "",
      "",
      "",
      "0",
      "黄·滞后",
      "",
      "",
      "",
      "",
    ]);
    expect(sheet.getRow(6).getCell(8).value).toBe(0.6);
    expect(texts(sheet, 6)).toEqual([
      "9-2",
      "西城幼儿园（落实）",
      "",
      "",
      "",
      "",
      "",
      "0.6",
      "绿·正常",
      "新增学位120个",
      "分园装修滞后",
      "完成分园装修",
      "2023-06-15",
    ]);
  });

  it("fills each light cell with its colour", () => {
    const sheet = book.getWorksheet(sections[2])!;
    expect(fillOf(sheet.getRow(4).getCell(9))).toBe("FFFAAD14");
    expect(fillOf(sheet.getRow(5).getCell(9))).toBe("FFFAAD14");
    expect(fillOf(sheet.getRow(6).getCell(9))).toBe("FF52C41A");
  });

  it("merges the title and section rows, freezes the header and prints A3 landscape fitted to width", () => {
    for (const name of sections) {
      const sheet = book.getWorksheet(name)!;
      expect(sheet.model.merges).toEqual(["A1:M1", "A3:M3"]);
      expect(texts(sheet, 3)[0]).toBe(name);
      expect(sheet.views).toEqual([expect.objectContaining({ state: "frozen", ySplit: 2 })]);
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 8,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "1:2",
      });
    }
  });

  it("refuses an asOf that is no date or after today, naming the field", async () => {
    for (const asOf of ["2023-02-30", "15.06.2023", "2023-06-16"]) {
      const res = await p.supervisor.get(`/api/plans/${p.planId}/ledger?asOf=${asOf}`);
      expect(res.statusCode, asOf).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
      expect(res.json().error.details[0].path).toBe("querystring.asOf");
    }
    const future = await p.supervisor.get(`/api/plans/${p.planId}/ledger?asOf=2023-06-16`);
    expect(future.json().error.details[0].message).toBe("截至日期不能晚于今天（2023-06-15）");
  });

  it("answers today's ledger for asOf today", async () => {
    const res = await p.supervisor.get(`/api/plans/${p.planId}/ledger?asOf=2023-06-15`);
    expect(res.statusCode).toBe(200);
  });

  it("refuses the department, the school, and anyone of another bureau", async () => {
    expect((await p.lead.get(`/api/plans/${p.planId}/ledger`)).statusCode).toBe(403);
    const school = await p.kg1.get(`/api/plans/${p.planId}/ledger`);
    expect(school.statusCode).toBe(403);
    expect(school.json().error.message).toBe("只有督查室、局领导或系统管理员可以导出工作台账");
    const other = await buildTenant(t.database.db);
    const stranger = await buildUser(t.database.db, { tenantId: other.id, role: "supervisor" });
    const session = await signIn(t.app, stranger.login, TEST_PASSWORD);
    expect((await session.get(`/api/plans/${p.planId}/ledger`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/plans/${p.planId}/ledger` })).statusCode).toBe(
      401,
    );
  });

  it("lets a leader download it", async () => {
    const leader = await buildUser(t.database.db, { tenantId: p.tenant.id, role: "leader" });
    const session = await signIn(t.app, leader.login, TEST_PASSWORD);
    expect((await session.get(`/api/plans/${p.planId}/ledger`)).statusCode).toBe(200);
  });
});
