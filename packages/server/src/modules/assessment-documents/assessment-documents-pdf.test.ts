// The 考评 documents as LibreOffice lays them out with the fonts it has (CI: fonts-wqy-microhei): converted in one
// LibreOffice start, then read with poppler's pdfinfo and pdftotext.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAssessedPlan } from "../../test/assessment-fixtures.js";
import {
  convertToPdf,
  pdfInfo,
  pdfLayoutLines,
  pdfPagesText,
  removeConverted,
} from "../../test/office-tools.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let pdfs: Record<string, string>;
let plan: { title: string; issuer: string };
let secondKindergarten: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await buildAssessedPlan(t);
  plan = (await a.supervisor.get(`/api/plans/${a.planId}`)).json();
  secondKindergarten = a.secondKindergarten.name;
  const notice = await a.supervisor.get(`/api/assessments/${a.runs.published}/document`);
  const table = await a.supervisor.get(`/api/assessments/${a.runs.published}/results.xlsx`);
  if (notice.statusCode !== 200 || table.statusCode !== 200) throw new Error(notice.body + table.body);
  pdfs = await convertToPdf({ notice: notice.rawPayload, "results.xlsx": table.rawPayload });
}, 180_000);
afterAll(async () => {
  if (pdfs) removeConverted(pdfs);
  await t?.close();
});

describe("the 考评 documents in LibreOffice", () => {
  it("lays the 考评结果通报 out on A4 with its 版头, title, result tables, signature and 版记", async () => {
    const { pages, pageSize } = await pdfInfo(pdfs.notice!);
    expect(pageSize).toBe("595.304 x 841.89 pts (A4)");
    const text = await pdfPagesText(pdfs.notice!);
    expect(text).toHaveLength(pages);
    expect(
      text[0]!.startsWith(`${plan.issuer}督查室关于2023年度${plan.title}考评结果的通报各科室、各学校：`),
    ).toBe(true);
    const lines = (await pdfLayoutLines(pdfs.notice!)).flat();
    for (const part of ["一、考评依据和方法", "二、考评结果", "三、先进单位", "（一）科室（共 4 个单位）"])
      expect(lines).toContain(part);
    const table = lines.indexOf("（一）科室（共 4 个单位）");
    expect(lines.slice(table + 1, table + 6)).toEqual([
      "排名 单位 总分 等次",
      "1 学前教育科 95 优秀",
      "2 安全科 91 良好",
      "3 基础教育科 80 良好",
      "4 体卫艺科 70 合格",
    ]);
    expect(lines).toContain("3 东风幼儿园 85 不合格（一票否决）");
    expect(lines).toContain("科室获评“优秀”等次的单位（1 个）：学前教育科。");
    expect(lines.slice(-4)).toEqual([
      `${plan.issuer}督查室`,
      "2024 年 1 月 5 日",
      `${plan.issuer}督查室 2024 年 1 月 5 日印发`,
      `—${pages}—`,
    ]);
  });

  it("prints the results table on A4 landscape, one page per category with its title and header", async () => {
    // A4 landscape is 297 × 210 mm: 841.89 × 595.304 pt.
    expect(await pdfInfo(pdfs.results!)).toEqual({ pages: 2, pageSize: "841.89 x 595.304 pts (A4)" });
    const [departments, kindergartens] = await pdfLayoutLines(pdfs.results!);
    expect(departments).toEqual([
      `${plan.title}考评结果（科室）`,
      "考评基准日：2023-12-31（已发布（申诉期））",
      "排名 单位 任务完成（60分） 报送纪律（40分） 加减分 安全责任事故 总分 等次 备注",
      "1 学前教育科 56.00 38.00 1.00 0.00 95.00 优秀",
      "2 安全科 55.00 36.00 0.00 0.00 91.00 良好 达到优秀分数线，优秀名额已满（30%），定为良好",
      "3 基础教育科 50.00 30.00 0.00 0.00 80.00 良好",
      "4 体卫艺科 45.00 27.50 -2.50 0.00 70.00 合格",
      "第 1 页，共 2 页",
    ]);
    expect(kindergartens).toEqual([
      `${plan.title}考评结果（幼儿园）`,
      "考评基准日：2023-12-31（已发布（申诉期））",
      "排名 单位 任务完成（50分） 报送纪律（30分） 督办响应（20分） 加减分 安全责任事故 总分 等次 备注",
      `1 ${secondKindergarten} 45.00 27.00 16.00 0.00 0.00 88.00 良好`,
      "2 西城幼儿园 40.50 24.00 14.00 0.00 0.00 78.50 良好",
      "3 东风幼儿园 45.00 25.00 15.00 0.00 0.00 85.00 不合格（一票否决） 一票否决",
      "第 2 页，共 2 页",
    ]);
  });
});
