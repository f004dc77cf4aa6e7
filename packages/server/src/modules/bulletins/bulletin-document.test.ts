// The issued 通报 as LibreOffice lays it out with the fonts it has (CI: fonts-wqy-microhei), read with poppler.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertToPdf, docxParts, pdfInfo, pdfPagesText } from "../../test/office-tools.js";
import { buildPublishedPlan } from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let pages: string[];
let pageCount: number;
let pageSize: string;
let issued: { number: string; title: string };
let issuer: string;
let draftXml: string;

beforeAll(async () => {
  t = await createTestApp();
  const p = await buildPublishedPlan(t);
  issuer = (await p.supervisor.get(`/api/plans/${p.planId}`)).json().issuer;
  const body = { title: "关于2023年6月重点工作推进情况的通报", from: "2023-06-01", to: "2023-06-15" };
  const draft = (await p.supervisor.post(`/api/plans/${p.planId}/bulletins`, body)).json();
  draftXml = (await docxParts((await p.supervisor.get(`/api/bulletins/${draft.id}/document`)).rawPayload))
    .document;
  issued = (await p.supervisor.post(`/api/bulletins/${draft.id}/issue`, { version: 0 })).json();
  const download = await p.supervisor.get(`/api/bulletins/${draft.id}/document`);
  if (download.statusCode !== 200) throw new Error(download.body);
  const pdfs = await convertToPdf({ bulletin: download.rawPayload });
  ({ pages: pageCount, pageSize } = await pdfInfo(pdfs.bulletin!));
  pages = await pdfPagesText(pdfs.bulletin!);
}, 180_000);
afterAll(async () => t?.close());

describe("the issued 通报 in LibreOffice", () => {
  it("opens with the office's 版头, its 文号 and title on an A4 page", () => {
    expect(pageSize).toBe("595.304 x 841.89 pts (A4)");
    expect(pages[0]!.startsWith(`${issuer}督查室${issued.number}${issued.title}`)).toBe(true);
    expect(pages[0]).toContain("各科室、各学校：");
  });

  it("carries the six parts of the draft and numbers every page", () => {
    const text = pages.join("");
    for (const heading of [
      "一、总体进展",
      "二、重点任务推进情况",
      "三、红榜",
      "四、通报批评",
      "五、指标完成情况",
      "六、下步工作要求",
    ])
      expect(text).toContain(heading);
    expect(pages.at(-1)!.endsWith(`—${pageCount}—`)).toBe(true);
  });

  it("marks a draft 草稿 and gives it no 文号", () => {
    expect(draftXml).toContain("（草稿）关于2023年6月重点工作推进情况的通报");
    expect(draftXml).not.toContain("〔2023〕");
  });
});
