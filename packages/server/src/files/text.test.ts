import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { readPlanDocument } from "./read-plan-document.js";
import { encodeGb18030 } from "./test-helpers.js";

const seed = readFileSync(new URL("./test-fixtures/seed-2023.txt", import.meta.url), "utf8");
const sample = "瓦房店市教育局2023年工作要点\n一、坚持党建引领\n1.巩固“双减”成效。确保覆盖率达到100%。";
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("reading plain-text plans", () => {
  it("reads UTF-8 text as is", async () => {
    const doc = await readPlanDocument({ bytes: utf8(seed), filename: "要点.txt" });
    expect(doc).toEqual({ text: seed.replace(/\n+$/, ""), format: "txt", warnings: [], layout: null });
  });

  it("drops a UTF-8 byte-order mark", async () => {
    const doc = await readPlanDocument({ bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(sample)]) });
    expect(doc.text).toBe(sample);
  });

  it("falls back to GB18030 for files saved as GBK, and says so", async () => {
    const bytes = encodeGb18030(seed);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const doc = await readPlanDocument({ bytes });
    expect(doc.text).toBe(seed.replace(/\n+$/, ""));
    expect(doc.warnings).toEqual(["文件不是 UTF-8 编码，已按 GB18030（GBK）编码读取"]);
  });

  it("reads UTF-16 with a byte-order mark (Notepad's “Unicode”)", async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(sample, "utf16le")]);
    expect((await readPlanDocument({ bytes })).text).toBe(sample);
  });

  it("turns CRLF and lone CR line ends into LF", async () => {
    const doc = await readPlanDocument({ bytes: utf8("一、总体要求\r\n1.第一项。\r2.第二项。\r\n") });
    expect(doc.text).toBe("一、总体要求\n1.第一项。\n2.第二项。");
  });

  it("refuses text that contains NUL bytes as binary", async () => {
    const bytes = new Uint8Array([...utf8("一、总体要求"), 0, 0, ...utf8("1.第一项")]);
    await expect(readPlanDocument({ bytes })).rejects.toMatchObject({ code: "unsupported_media_type" });
  });

  it("refuses bytes that are neither UTF-8 nor GB18030", async () => {
    // 0x80 alone and 0xFF are invalid lead bytes in both encodings.
    const bytes = new Uint8Array([0x80, 0xff, 0x80, 0xff, 0x41]);
    const err = await readPlanDocument({ bytes }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      code: "unsupported_media_type",
      message: expect.stringContaining(".docx、.xlsx、.pdf 或 .txt"),
    });
  });

  it("refuses decodable text that is mostly control characters", async () => {
    const bytes = new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    await expect(readPlanDocument({ bytes })).rejects.toMatchObject({ code: "unsupported_media_type" });
  });

  it("refuses a file of blanks as empty", async () => {
    await expect(readPlanDocument({ bytes: utf8(" \r\n\u3000\n") })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("文件是空的"),
    });
  });
});
