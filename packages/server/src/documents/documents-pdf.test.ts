// The documents as LibreOffice lays them out with the fonts it has (CI: fonts-wqy-microhei): converted once, in one
// LibreOffice start, then read with poppler's pdfinfo and pdftotext.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleBulletin } from "../test/document-fixtures.js";
import { buildAssignedPlan, dayFromToday } from "../test/notice-fixtures.js";
import { convertToPdf, pdfInfo, pdfPagesText, removeConverted } from "../test/office-tools.js";
import { createTestApp, type TestApp } from "../test/test-app.js";
import { buildOfficialDocument } from "./index.js";

let t: TestApp;
let pdfs: Record<string, string>;
let notice: { documentNumber: string; unit: string; task: string };

beforeAll(async () => {
  t = await createTestApp();
  const p = await buildAssignedPlan(t);
  const raised = await p.supervisor.post("/api/notices", {
    nodeId: p.task9.id,
    assignmentId: p.assignmentId,
    level: "red",
    reason: "公办园在园幼儿占比进展滞后于序时进度，请说明原因并提出整改措施",
    replyDue: dayFromToday(t, 5),
  });
  if (raised.statusCode !== 201) throw new Error(raised.body);
  const download = await p.kg1.get(`/api/notices/${raised.json().id}/document`);
  if (download.statusCode !== 200) throw new Error(download.body);
  notice = { documentNumber: raised.json().documentNumber, unit: p.kindergarten.name, task: p.task9.title };
  pdfs = await convertToPdf({
    bulletin: await buildOfficialDocument(sampleBulletin),
    notice: download.rawPayload,
  });
}, 180_000);
afterAll(async () => {
  if (pdfs) removeConverted(pdfs);
  await t?.close();
});

describe("official documents in LibreOffice", () => {
  it("lays the 通报 out on two A4 pages with its 版头 on the first and the 版记 on the last", async () => {
    expect(await pdfInfo(pdfs.bulletin!)).toEqual({ pages: 2, pageSize: "595.304 x 841.89 pts (A4)" });
    const [first, second] = await pdfPagesText(pdfs.bulletin!);
    expect(first!.startsWith("瓦房店市教育局督查室瓦教督通〔2023〕3号关于5月份重点工作推进情况的通报")).toBe(
      true,
    );
    expect(first).toContain("各学校、局机关各科室：");
    expect(first!.endsWith("—1—")).toBe(true);
    expect(second).toContain("瓦房店市教育局督查室2023年6月15日");
    expect(second).toContain("抄送：局领导。瓦房店市教育局督查室");
    // The 印发日期 sits at a right tab, which pdftotext reads after the rest of the page.
    expect(second).toContain("2023年6月15日印发");
    expect(second).toContain("—2—");
  });

  it("keeps a line of the body to 28 characters", async () => {
    // The opening paragraph: two characters of indent, then 26 on its first line, the rest on the next.
    const text = await import("node:child_process").then(({ execFileSync }) =>
      execFileSync("pdftotext", ["-layout", "-l", "1", pdfs.bulletin!, "-"]).toString(),
    );
    const line = text.split("\n").find((l) => l.includes("按照年度工作要点安排"))!;
    expect(line.replace(/\s+/g, "")).toBe("按照年度工作要点安排，督查室对本月各项重点工作的推进");
  });

  it("fits the 督办通知单 on one page with its number, unit, task and deadline", async () => {
    expect(await pdfInfo(pdfs.notice!)).toEqual({ pages: 1, pageSize: "595.304 x 841.89 pts (A4)" });
    const [page] = await pdfPagesText(pdfs.notice!);
    expect(notice.documentNumber).toBe("督办〔2023〕1号");
    expect(page).toContain(notice.documentNumber);
    expect(page).toContain("督办通知单");
    expect(page).toContain(`${notice.unit}：`);
    expect(page).toContain(notice.task.replace(/\s+/g, ""));
    expect(page).toContain("2023年6月20日前");
    expect(page!.endsWith("—1—")).toBe(true);
  });
});
