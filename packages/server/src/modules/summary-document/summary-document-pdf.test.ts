// The 年度工作总结 draft as LibreOffice lays it out with the fonts it has (CI: fonts-wqy-microhei).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertToPdf, pdfInfo, pdfLayoutLines, removeConverted } from "../../test/office-tools.js";
import { assignTask9AndOpenCycle, buildPublishedPlan } from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let pdfs: Record<string, string>;
let issuer: string;

// Task 9 with one approved report of the first kindergarten.
beforeAll(async () => {
  t = await createTestApp();
  const p = await buildPublishedPlan(t);
  const g = await assignTask9AndOpenCycle(p);
  const filed = await p.kg1.post(`/api/assignments/${g.assignment.id}/reports`, {
    cycleId: g.cycle.id,
    progress: 40,
    doneText: "新增公办学位120个。",
    submit: true,
  });
  if (filed.statusCode !== 201) throw new Error(filed.body);
  const approved = await p.lead.post(`/api/reports/${filed.json().id}/review`, {
    decision: "approve",
    version: filed.json().version,
  });
  if (approved.statusCode !== 200) throw new Error(approved.body);
  issuer = (await p.supervisor.get(`/api/plans/${p.planId}`)).json().issuer;
  const draft = await p.supervisor.get(`/api/plans/${p.planId}/summary-document`);
  if (draft.statusCode !== 200) throw new Error(draft.body);
  pdfs = await convertToPdf({ summary: draft.rawPayload });
}, 180_000);
afterAll(async () => {
  if (pdfs) removeConverted(pdfs);
  await t?.close();
});

describe("the 年度工作总结 draft in LibreOffice", () => {
  it("opens an A4 page with its 初稿 title, no red 版头 above it", async () => {
    expect((await pdfInfo(pdfs.summary!)).pageSize).toBe("595.304 x 841.89 pts (A4)");
    const [first] = await pdfLayoutLines(pdfs.summary!);
    expect(first![0]).toBe(`${issuer} 2023 年度工作总结（初稿）`);
    expect(first!.at(-1)).toBe("—1—");
  });

  it("carries the report under task 9 and ends with the bureau and the day, every page numbered", async () => {
    const pages = await pdfLayoutLines(pdfs.summary!);
    const lines = pages.flat();
    const task = lines.indexOf("9.促进学前教育普及普惠发展");
    expect(task).toBeGreaterThan(0);
    expect(lines.slice(task + 1, task + 3)).toEqual(["完成情况：", "西城幼儿园：新增公办学位 120 个。"]);
    pages.forEach((page, i) => {
      expect(page.at(-1)).toBe(`—${i + 1}—`);
    });
    expect(lines.slice(-3, -1)).toEqual([issuer, "2023 年 6 月 15 日"]);
  });
});
