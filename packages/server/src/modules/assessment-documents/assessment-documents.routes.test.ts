import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { buildAssessedPlan, insertAssessmentRun } from "../../test/assessment-fixtures.js";
import { buildTenant, buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { signIn, type TestSession } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let a: Awaited<ReturnType<typeof buildAssessedPlan>>;
let planTitle: string;
let issuer: string;
let stranger: TestSession;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildAssessedPlan(t);
  const plan = (await a.supervisor.get(`/api/plans/${a.planId}`)).json();
  planTitle = plan.title;
  issuer = plan.issuer;
  const db = t.database.db as Db;
  const other = await buildTenant(db);
  const user = await buildUser(db, { tenantId: other.id, role: "supervisor" });
  stranger = await signIn(t.app, user.login, TEST_PASSWORD);
}, 120_000);
afterAll(async () => t?.close());

const xlsxUrl = (id: string) => `/api/assessments/${id}/results.xlsx`;
const docUrl = (id: string) => `/api/assessments/${id}/document`;

/** Every row of a sheet as plain values, column A first; a data row's empty cells as "" up to the last column. */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(row.number > 3 ? Array.from({ length: sheet.columnCount }, (_, i) => values[i] ?? "") : values);
  });
  return rows;
}

describe("GET /api/assessments/:id/results.xlsx", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const res = await a.supervisor.get(xlsxUrl(a.runs.published));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(res.headers["content-disposition"]).toContain("assessment-2023-12-31.xlsx");
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  });

  it("holds one sheet per category of the run's scheme, in its order", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["科室", "幼儿园"]);
  });

  it("lists the 科室 by rank with each item's points, the total, the grade and why the quota held one back", () => {
    const rows = rowsOf(workbook.getWorksheet("科室")!);
    expect(rows[0]![0]).toBe(`${planTitle}考评结果（科室）`);
    expect(rows[1]![0]).toBe("考评基准日：2023-12-31（已发布（申诉期））");
    expect(rows[2]).toEqual([
      "排名",
      "单位",
      "任务完成（60分）",
      "报送纪律（40分）",
      "加减分",
      "安全责任事故",
      "总分",
      "等次",
      "备注",
    ]);
    expect(rows.slice(3)).toEqual([
      [1, "学前教育科", 56, 38, 1, 0, 95, "优秀", ""],
      [2, "安全科", 55, 36, 0, 0, 91, "良好", "达到优秀分数线，优秀名额已满（30%），定为良好"],
      [3, "基础教育科", 50, 30, 0, 0, 80, "良好", ""],
      [4, "体卫艺科", 45, 27.5, -2.5, 0, 70, "合格", ""],
    ]);
  });

  it("marks the vetoed kindergarten 不合格 whatever its total, with 一票否决 in the note", () => {
    const rows = rowsOf(workbook.getWorksheet("幼儿园")!);
    expect(rows[2]).toEqual([
      "排名",
      "单位",
      "任务完成（50分）",
      "报送纪律（30分）",
      "督办响应（20分）",
      "加减分",
      "安全责任事故",
      "总分",
      "等次",
      "备注",
    ]);
    expect(rows.slice(3)).toEqual([
      [1, a.secondKindergarten.name, 45, 27, 16, 0, 0, 88, "良好", ""],
      [2, "西城幼儿园", 40.5, 24, 14, 0, 0, 78.5, "良好", ""],
      [3, "东风幼儿园", 45, 25, 15, 0, 0, 85, "不合格（一票否决）", "一票否决"],
    ]);
  });

  it("prints on A4 landscape, one page wide, the title, day and header repeated on every page", () => {
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "1:3",
      });
      expect(sheet.getCell("A1").font).toMatchObject({ bold: true, size: 16 });
      expect(sheet.getCell("C4").numFmt).toBe("0.00");
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    }
  });

  it("exports a draft run too, for the 督查室 to review the ranking, and lets a leader download it", async () => {
    expect((await a.supervisor.get(xlsxUrl(a.runs.draft))).statusCode).toBe(200);
    expect((await a.leader.get(xlsxUrl(a.runs.published))).statusCode).toBe(200);
  });

  it("asks for a session", async () => {
    const res = await t.app.inject({ method: "GET", url: xlsxUrl(a.runs.published) });
    expect(res.statusCode).toBe(401);
  });

  it("refuses every role but the 督查室 and leaders with 403: a unit sees only its own result", async () => {
    for (const session of [a.admin, a.lead, a.kg1, a.inspector]) {
      const res = await session.get(xlsxUrl(a.runs.published));
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toEqual({
        code: "forbidden",
        message: "只有督查室和局领导可以导出全部考评结果",
      });
    }
  });

  it("answers 404 for another bureau's run, and for a run that does not exist", async () => {
    const res = await stranger.get(xlsxUrl(a.runs.published));
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toEqual({ code: "not_found", message: "考评不存在或无权查看" });
    expect((await a.supervisor.get(xlsxUrl("00000000-0000-4000-8000-000000000000"))).statusCode).toBe(404);
  });

  it("answers 400 for an id that is not one", async () => {
    expect((await a.supervisor.get(xlsxUrl("abc"))).statusCode).toBe(400);
  });
});

describe("GET /api/assessments/:id/document", () => {
  let text: string;
  let paragraphs: string[];
  beforeAll(async () => {
    const res = await a.leader.get(docUrl(a.runs.published));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    text = (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
    paragraphs = text.split("\n").filter(Boolean);
  });

  it("opens with the office's mark, the title naming the year and the plan, and the addressees", () => {
    expect(paragraphs.slice(0, 3)).toEqual([
      `${issuer}督查室`,
      `关于2023年度${planTitle}考评结果的通报`,
      "各科室、各学校：",
    ]);
  });

  it("states the method: each category's items with points, bands with quotas, tie-breaks in words", () => {
    expect(paragraphs).toContain("一、考评依据和方法");
    expect(paragraphs).toContain(
      "考评项目：任务完成60分、报送纪律40分、加减分（加分最多3分，扣分最多5分）、一票否决（安全责任事故）。",
    );
    expect(paragraphs).toContain(
      "等次：优秀（90分及以上，不超过本类单位的30%）、良好（75分及以上）、合格（60分及以上）、不合格（60分以下）。" +
        "总分相同的，依次按红灯事项少者在前、报送平均更早者在前排序，仍相同的按单位编码（无编码的按名称）排序。",
    );
    expect(paragraphs).toContain(
      "考评项目：任务完成50分、报送纪律30分、督办响应20分、加减分（加分最多3分，扣分最多5分）、一票否决（安全责任事故）。",
    );
  });

  it("tabulates each category's results by rank, and names the 优秀 units", () => {
    const results = paragraphs.slice(paragraphs.indexOf("二、考评结果"), paragraphs.indexOf("三、先进单位"));
    expect(results).toEqual([
      "二、考评结果",
      "（一）科室（共4个单位）",
      ...["排名", "单位", "总分", "等次"],
      ...["1", "学前教育科", "95", "优秀"],
      ...["2", "安全科", "91", "良好"],
      ...["3", "基础教育科", "80", "良好"],
      ...["4", "体卫艺科", "70", "合格"],
      "（二）幼儿园（共3个单位）",
      ...["排名", "单位", "总分", "等次"],
      ...["1", a.secondKindergarten.name, "88", "良好"],
      ...["2", "西城幼儿园", "78.5", "良好"],
      ...["3", "东风幼儿园", "85", "不合格（一票否决）"],
    ]);
    expect(paragraphs).toContain("科室获评“优秀”等次的单位（1个）：学前教育科。");
    expect(text).not.toContain("幼儿园获评");
  });

  it("closes with the paragraph to the units, the office's signature, the publication day and the 版记", () => {
    const end = paragraphs.slice(paragraphs.indexOf("三、先进单位") + 2);
    expect(end[0]).toMatch(/^希望受到表彰的单位珍惜荣誉.*推动2024年各项工作落实落地、取得实效。$/);
    expect(end.slice(1, 3)).toEqual([`${issuer}督查室`, "2024年1月5日"]);
    expect(end.at(-1)).toBe(`${issuer}督查室\t2024年1月5日印发`);
  });

  it("dates a finalised run's 通报 the day it was finalised", async () => {
    const me = (await a.supervisor.get("/api/auth/me")).json();
    const finalised = await insertAssessmentRun(t.database.db as Db, {
      tenantId: a.tenant.id,
      planId: a.planId,
      createdBy: me.id,
      status: "finalised",
      asOf: "2023-12-31",
      publishedAt: new Date("2024-01-05T02:00:00Z"),
      // 2024-01-12 23:30 in Shanghai: the Shanghai day, not the UTC one.
      finalisedAt: new Date("2024-01-12T15:30:00Z"),
      results: [
        {
          unitId: a.kindergarten.id,
          category: "kindergartens",
          rank: 1,
          grade: "良好",
          points: { tasks: 50 },
        },
      ],
    });
    const res = await a.supervisor.get(docUrl(finalised));
    expect(res.statusCode, res.body).toBe(200);
    const lines = (await mammoth.extractRawText({ buffer: res.rawPayload })).value
      .split("\n")
      .filter(Boolean);
    expect(lines.at(-1)).toBe(`${issuer}督查室\t2024年1月12日印发`);
    expect(lines).toContain("（一）科室（共0个单位）");
    expect(lines).toContain("本类无参评单位。");
  });

  it("refuses a draft run with 409: its ranking may still change", async () => {
    const res = await a.supervisor.get(docUrl(a.runs.draft));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({
      code: "conflict",
      message: "考评结果尚未发布，发布后才能生成考评结果通报",
    });
  });

  it("asks for a session, refuses units and admins with 403, and hides another bureau's run", async () => {
    expect((await t.app.inject({ method: "GET", url: docUrl(a.runs.published) })).statusCode).toBe(401);
    for (const session of [a.admin, a.lead, a.kg1, a.inspector]) {
      const res = await session.get(docUrl(a.runs.published));
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe("只有督查室和局领导可以下载考评结果通报");
    }
    expect((await stranger.get(docUrl(a.runs.published))).statusCode).toBe(404);
  });
});
