import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { formatNumber } from "./docx-number-formats.js";
import { readPlanDocument } from "./read-plan-document.js";
import { buildDocx, type DocxList, planTextToDocx } from "./test-helpers.js";
import { buildZip, wordContentTypesXml } from "./test-hostile.js";

const seed = readFileSync(new URL("./test-fixtures/seed-2023.txt", import.meta.url), "utf8");
const read = async (bytes: Uint8Array) => readPlanDocument({ bytes, filename: "要点.docx" });

const outline: DocxList = {
  numId: 1,
  levels: [
    { ilvl: 0, numFmt: "chineseCounting", lvlText: "%1、" },
    { ilvl: 1, numFmt: "chineseCounting", lvlText: "（%2）" },
    { ilvl: 2, numFmt: "decimal", lvlText: "%3." },
    { ilvl: 3, numFmt: "decimal", lvlText: "（%4）" },
  ],
};

describe("reading Word plans", () => {
  it("keeps one paragraph per line", async () => {
    const doc = await read(await planTextToDocx(seed));
    expect(doc.format).toBe("docx");
    expect(doc.text).toBe(seed.replace(/\n+$/, ""));
  });

  it("writes out the seed's 一、 and 1.–24. labels that Word stores only as list numbering", async () => {
    const bytes = await planTextToDocx(seed, { numbering: true });
    const stored = await new JSZip()
      .loadAsync(bytes)
      .then((z) => z.file("word/document.xml")!.async("string"));
    expect(stored).not.toContain("一、坚持和加强党对教育事业的全面领导");
    const doc = await read(bytes);
    expect(doc.text).toBe(seed.replace(/\n+$/, ""));
    expect(doc.text).toContain("\n24.全面做好学校安全工作。");
  });

  it("restarts deeper levels under a new parent and renders each level's format", async () => {
    const doc = await read(
      await buildDocx(
        [
          { text: "总体要求", numId: 1, ilvl: 0 },
          { text: "加强党建", numId: 1, ilvl: 1 },
          { text: "示范校建设", numId: 1, ilvl: 2 },
          { text: "年底前完成", numId: 1, ilvl: 3 },
          { text: "品牌创建", numId: 1, ilvl: 2 },
          { text: "队伍建设", numId: 1, ilvl: 1 },
          { text: "师德师风", numId: 1, ilvl: 2 },
          "（责任科室：组织人事科）",
          { text: "主要任务", numId: 1, ilvl: 0 },
          { text: "学前教育", numId: 1, ilvl: 1 },
        ],
        { lists: [outline] },
      ),
    );
    expect(doc.text.split("\n")).toEqual([
      "一、总体要求",
      "（一）加强党建",
      "1.示范校建设",
      "（1）年底前完成",
      "2.品牌创建",
      "（二）队伍建设",
      "1.师德师风",
      "（责任科室：组织人事科）",
      "二、主要任务",
      "（一）学前教育",
    ]);
  });

  it("honours w:start, w:lvlRestart=0 and a restart by w:startOverride", async () => {
    const lists: DocxList[] = [
      {
        numId: 1,
        levels: [
          { ilvl: 0, numFmt: "chineseCounting", lvlText: "%1、", start: 3 },
          { ilvl: 1, numFmt: "decimal", lvlText: "%2.", restart: 0 },
        ],
      },
      { numId: 2, sharesWith: 1, levels: [], startOverride: { 0: 1 } },
      { numId: 3, levels: [{ ilvl: 0, numFmt: "decimalEnclosedCircle", lvlText: "%1" }] },
    ];
    const doc = await read(
      await buildDocx(
        [
          { text: "三", numId: 1, ilvl: 0 },
          { text: "a", numId: 1, ilvl: 1 },
          { text: "四", numId: 1, ilvl: 0 },
          { text: "b", numId: 1, ilvl: 1 },
          { text: "重新编号", numId: 2, ilvl: 0 },
          { text: "第一点", numId: 3 },
          { text: "第二点", numId: 3 },
        ],
        { lists },
      ),
    );
    expect(doc.text.split("\n")).toEqual([
      "三、三",
      "1.a",
      "四、四",
      "2.b",
      "一、重新编号",
      "① 第一点",
      "② 第二点",
    ]);
  });

  it("reads a table one row per line with cells joined by a tab", async () => {
    const doc = await read(
      await buildDocx([
        "附件：重点任务清单",
        {
          table: [
            ["序号", "重点任务", "责任科室", "完成时限"],
            ["1", "普惠园覆盖率达到85%", "学前教育科", "2023年12月"],
          ],
        },
        "以上任务按月报送进展。",
      ]),
    );
    expect(doc.text).toBe(
      "附件：重点任务清单\n序号\t重点任务\t责任科室\t完成时限\n1\t普惠园覆盖率达到85%\t学前教育科\t2023年12月\n以上任务按月报送进展。",
    );
  });

  it("keeps tabs inside a paragraph but ignores tab stops and deleted text", async () => {
    const bytes = await buildDocx(["目标\t达到50%"]);
    const zip = await new JSZip().loadAsync(bytes);
    const xml = await zip.file("word/document.xml")!.async("string");
    // A tracked deletion, and an mc:Fallback that repeats its mc:Choice, must not reach the text.
    const extra =
      "<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删掉</w:delText></w:r></w:del><mc:AlternateContent><mc:Choice><w:r><w:t>一次</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>一次</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>";
    zip.file("word/document.xml", xml.replace("<w:sectPr>", `${extra}<w:sectPr>`));
    const doc = await read(await zip.generateAsync({ type: "uint8array" }));
    expect(doc.text).toBe("目标\t达到50%\n保留一次");
  });

  it("refuses a Word file without text", async () => {
    await expect(read(await buildDocx(["", "  "]))).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("Word 文件中没有文字"),
    });
  });

  it("reads a package whose [Content_Types].xml declares the Word main part it holds", async () => {
    const bytes = buildZip([
      { name: "[Content_Types].xml", content: Buffer.from(wordContentTypesXml) },
      { name: "word/document.xml", content: Buffer.from(documentXml("一、总体要求")) },
    ]);
    expect((await read(bytes)).text).toBe("一、总体要求");
  });

  it("refuses a zip that merely holds a word/document.xml entry, with no Word content type", async () => {
    const bytes = buildZip([
      { name: "notes.txt", content: Buffer.from("任意文件") },
      { name: "word/document.xml", content: Buffer.from(documentXml("一、总体要求")) },
    ]);
    await expect(read(bytes)).rejects.toMatchObject({
      code: "unsupported_media_type",
      message: "这是ZIP 压缩包，不是 Word 文档，请上传 .docx、.xlsx、.pdf 或 .txt 格式的工作要点",
    });
  });

  it("refuses a package that declares a Word main part it does not hold", async () => {
    const types = wordContentTypesXml.replace("/word/document.xml", "/word/main.xml");
    const bytes = buildZip([
      { name: "[Content_Types].xml", content: Buffer.from(types) },
      { name: "word/document.xml", content: Buffer.from(documentXml("一、总体要求")) },
    ]);
    await expect(read(bytes)).rejects.toMatchObject({
      code: "unsupported_media_type",
      message: "这是ZIP 压缩包，不是 Word 文档，请上传 .docx、.xlsx、.pdf 或 .txt 格式的工作要点",
    });
  });

  it("refuses a damaged Word file", async () => {
    const bytes = (await planTextToDocx(seed)).slice(0, 3000);
    await expect(read(bytes)).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("损坏"),
    });
  });
});

describe("Word number formats", () => {
  it.each([
    [1, "chineseCounting", "一"],
    [10, "chineseCounting", "十"],
    [11, "chineseCountingThousand", "十一"],
    [24, "chineseCountingThousand", "二十四"],
    [105, "chineseCountingThousand", "一百零五"],
    [3, "ideographTraditional", "丙"],
    [12, "decimalEnclosedCircle", "⑫"],
    [2, "lowerLetter", "b"],
    [28, "upperLetter", "BB"],
    [4, "lowerRoman", "iv"],
    [3, "chineseLegalSimplified", "叁"],
    [7, "decimalZero", "07"],
    [5, "somethingNew", "5"],
  ])("formats %i as %s → %s", (n, fmt, expected) => {
    expect(formatNumber(n, fmt)).toBe(expected);
  });
});

/** A minimal document.xml with one paragraph. */
function documentXml(text: string): string {
  return `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`;
}
