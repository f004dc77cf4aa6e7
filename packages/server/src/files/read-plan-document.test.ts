import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { planFileMaxBytes, readPlanDocument } from "./read-plan-document.js";

/** A deterministic pseudo-random byte string, standing in for an arbitrary binary upload. */
function garbage(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

describe("refusing files that are not readable plans", () => {
  it("refuses an empty file", async () => {
    await expect(readPlanDocument({ bytes: new Uint8Array() })).rejects.toMatchObject({
      code: "bad_request",
    });
  });

  it("refuses a file over 20 MB before reading it", async () => {
    const bytes = new Uint8Array(planFileMaxBytes + 1).fill(0x41);
    await expect(readPlanDocument({ bytes })).rejects.toMatchObject({
      code: "payload_too_large",
      message: expect.stringContaining("20 MB"),
    });
  });

  it("refuses binary garbage", async () => {
    await expect(readPlanDocument({ bytes: garbage(4096) })).rejects.toMatchObject({
      code: "unsupported_media_type",
    });
  });

  it("names a PNG image for what it is, whatever its extension", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...garbage(200)]);
    await expect(readPlanDocument({ bytes: png, filename: "要点.txt" })).rejects.toMatchObject({
      code: "unsupported_media_type",
      message: expect.stringContaining("PNG 图片"),
    });
  });

  it("reads an Excel workbook as its sheet's rows and notes the misleading extension", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("任务").addRow(["序号", "任务", "责任科室"]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    expect(await readPlanDocument({ bytes, filename: "要点.docx" })).toEqual({
      text: "序号\t任务\t责任科室",
      format: "xlsx",
      warnings: ["文件扩展名为 .docx，但内容是Excel格式，已按Excel读取"],
      layout: { tables: [{ name: "任务", kind: "sheet", rows: [{ line: 0, row: 1, merged: undefined }] }] },
    });
  });

  it("refuses a ZIP that holds no Word document", async () => {
    const zip = new JSZip().file("readme.txt", "hello");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    await expect(readPlanDocument({ bytes })).rejects.toMatchObject({ code: "unsupported_media_type" });
  });

  it("asks for the password to be removed from an encrypted Office file", async () => {
    // An encrypted .docx is an OLE compound file whose directory names an EncryptionInfo stream.
    const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const bytes = new Uint8Array([
      ...header,
      ...new Uint8Array(504),
      ...Buffer.from("EncryptionInfo", "utf16le"),
    ]);
    await expect(readPlanDocument({ bytes, filename: "要点.docx" })).rejects.toMatchObject({
      code: "bad_request",
      message: "文件已加密，请在 Word 中去除密码后重新上传",
    });
  });

  it("asks for a legacy .doc to be saved as .docx", async () => {
    const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const bytes = new Uint8Array([
      ...header,
      ...new Uint8Array(504),
      ...Buffer.from("WordDocument", "utf16le"),
    ]);
    await expect(readPlanDocument({ bytes })).rejects.toMatchObject({
      code: "unsupported_media_type",
      message: expect.stringContaining("另存为 .docx"),
    });
  });

  it("notes when the extension does not match the content", async () => {
    const doc = await readPlanDocument({
      bytes: new TextEncoder().encode("一、总体要求"),
      filename: "要点.pdf",
    });
    expect(doc.format).toBe("txt");
    expect(doc.warnings).toEqual(["文件扩展名为 .pdf，但内容是文本格式，已按文本读取"]);
  });
});
