import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readPlanDocument } from "./read-plan-document.js";
import { buildPdf, type PdfTextLine, planTextToPdf } from "./test-helpers.js";

const seed = readFileSync(new URL("./test-fixtures/seed-2023.txt", import.meta.url), "utf8");
const paragraphs = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");

/** Places lines 20 points apart from the top of a page. */
const page = (lines: (string | [string, number])[]): PdfTextLine[] =>
  lines.map((l, i) => {
    const [text, x] = typeof l === "string" ? [l, 72] : l;
    return { text, x, y: 760 - i * 20, size: 12 };
  });

describe("reading PDF plans", () => {
  it("rebuilds every paragraph of the seed from a hard-wrapped, paginated PDF", async () => {
    const bytes = planTextToPdf(seed);
    const doc = await readPlanDocument({ bytes, filename: "要点.pdf" });
    expect(doc.format).toBe("pdf");
    expect(doc.warnings).toEqual([]);
    // Page numbers such as "- 2 -" are gone and no line of the seed is split or merged.
    expect(doc.text).toBe(paragraphs(seed));
  });

  it("joins lines broken inside words and numbers, but not after a sentence or before a new item", async () => {
    const doc = await readPlanDocument({
      bytes: buildPdf([
        page([
          "一、推进学前教育普惠发展",
          "1.扩增公办学位。全市公办幼儿园在园幼儿占比达到5",
          "0%，普惠园覆盖率达到85%以上，争取西城幼儿园分园在",
          "2023年9月开园。",
          "2.加强保教质量监测。",
          "第 1 页",
        ]),
      ]),
    });
    expect(doc.text).toBe(
      "一、推进学前教育普惠发展\n1.扩增公办学位。全市公办幼儿园在园幼儿占比达到50%，普惠园覆盖率达到85%以上，争取西城幼儿园分园在2023年9月开园。\n2.加强保教质量监测。",
    );
  });

  it("joins a paragraph across a page break and drops the page number between", async () => {
    const doc = await readPlanDocument({
      bytes: buildPdf([
        page(["（一）学前教育。持续扩大普惠性资源，推进公办园建设和", "- 1 -"]),
        page(["民办园规范发展，确保普惠园覆盖率达到85%。", "- 2 -"]),
      ]),
    });
    expect(doc.text).toBe(
      "（一）学前教育。持续扩大普惠性资源，推进公办园建设和民办园规范发展，确保普惠园覆盖率达到85%。",
    );
  });

  it("separates Latin words joined across a wrap with a space", async () => {
    const doc = await readPlanDocument({
      bytes: buildPdf([page(["推进 Smart Campus 平台建设，开展 STEAM", "education 试点工作。"])]),
    });
    expect(doc.text).toBe("推进 Smart Campus 平台建设，开展 STEAM education 试点工作。");
  });

  it("warns about a page without text in an otherwise readable PDF", async () => {
    const bytes = buildPdf([page(["一、总体要求"]), page([])], { imagePages: [1] });
    const doc = await readPlanDocument({ bytes });
    expect(doc.text).toBe("一、总体要求");
    expect(doc.warnings).toEqual(["PDF 第 2 页没有可提取的文字（可能是图片），这些页的内容未读入，请核对"]);
  });

  it("refuses a scanned PDF with no extractable text", async () => {
    const bytes = buildPdf([[], []], { imagePages: [0, 1] });
    await expect(readPlanDocument({ bytes })).rejects.toMatchObject({
      code: "bad_request",
      message: "该 PDF 没有可提取的文字（可能是扫描件），请上传 Word 或文本版本",
    });
  });

  it("refuses an encrypted PDF", async () => {
    const bytes = buildPdf([page(["一、总体要求"])], { encrypt: true });
    await expect(readPlanDocument({ bytes })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("PDF 文件已加密"),
    });
  });

  it("reads a PDF handed over as a Node Buffer, as an upload arrives", async () => {
    // pdf.js refuses a Buffer ("Please provide binary data as Uint8Array"), and a Buffer's slice() is one.
    const bytes = Buffer.from(buildPdf([page(["一、总体要求", "1.加强师德师风建设。"])]));
    const doc = await readPlanDocument({ bytes, filename: "要点.pdf" });
    expect(doc.text).toBe("一、总体要求\n1.加强师德师风建设。");
  });

  it("drops the gap LibreOffice leaves between Chinese text and digits, and keeps spaces between Latin words", async () => {
    const bytes = readFileSync(new URL("./test-fixtures/plan-libreoffice.pdf", import.meta.url));
    const doc = await readPlanDocument({ bytes: new Uint8Array(bytes) });
    expect(doc.text.split("\n")[0]).toBe("示范县教育局2023年工作要点");
  });

  it("refuses a damaged PDF", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >>\n垃圾数据");
    await expect(readPlanDocument({ bytes })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("损坏"),
    });
  });
});
