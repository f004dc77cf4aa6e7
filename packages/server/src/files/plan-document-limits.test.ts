import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PlanWorkerPool } from "./plan-worker-pool.js";
import { readPlanDocument } from "./read-plan-document.js";
import { parsePlanOffThread, readPlanOffThread } from "./read-plan-off-thread.js";
import { docxBomb, manyPagePdf, pdfBomb, pdfWithLzwContent } from "./test-hostile.js";

const seed = readFileSync(new URL("./test-fixtures/seed-2023.txt", import.meta.url), "utf8");
const tooLarge = (reason: string) => ({
  code: "payload_too_large",
  message: expect.stringMatching(new RegExp(`^文档过大，工作要点一般不超过 5 万字.*${reason}`)),
});

describe("limits on what one plan document may make the server read", () => {
  it("refuses a .docx whose XML declares 60 MB, before inflating it", async () => {
    const bytes = docxBomb({ inflatedBytes: 60 * 1024 * 1024, lie: false });
    await expect(readPlanDocument({ bytes })).rejects.toMatchObject(tooLarge("Word 文件解压后超过 50 MB"));
  });

  it("refuses a .docx whose headers claim 1 KB but whose XML inflates past 50 MB, by counting", async () => {
    const bytes = docxBomb({ inflatedBytes: 60 * 1024 * 1024, lie: true });
    await expect(readPlanDocument({ bytes })).rejects.toMatchObject(tooLarge("Word 文件解压后超过 50 MB"));
  });

  it("refuses text over 2 000 000 characters", async () => {
    const bytes = Buffer.from("加".repeat(2_000_001));
    await expect(readPlanDocument({ bytes })).rejects.toMatchObject(tooLarge("这份文档超过 200 万字"));
  });

  it("refuses a PDF of 301 pages before extracting any", async () => {
    await expect(readPlanDocument({ bytes: manyPagePdf(301) })).rejects.toMatchObject(
      tooLarge("这份 PDF 有 301 页，超过 300 页"),
    );
  });

  it("refuses a PDF whose content stream inflates past 100 MB, before pdf.js decodes it", async () => {
    await expect(readPlanDocument({ bytes: pdfBomb(150 * 1024 * 1024) })).rejects.toMatchObject(
      tooLarge("PDF 解压后超过 100 MB"),
    );
  });

  it("refuses a PDF compressed with LZW, which it cannot measure", async () => {
    await expect(readPlanDocument({ bytes: pdfWithLzwContent() })).rejects.toMatchObject({
      code: "unsupported_media_type",
      message:
        "该 PDF 使用了本系统不读取的旧式压缩方式，请用 Word 或 WPS 重新导出 PDF 后上传，或上传 Word、文本版本",
    });
  });

  it("refuses pasted text that parses into more than 2 000 items", async () => {
    const numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    const tasks = Array.from({ length: 200 }, (_, i) => `${i + 1}. 加强学校管理。`).join("\n");
    const text = numerals.map((n) => `${n}、重点工作\n${tasks}`).join("\n");
    await expect(parsePlanOffThread(text)).rejects.toMatchObject(
      tooLarge("识别出 2010 个条目，超过 2000 个"),
    );
  });
});

describe("the worker that reads plan documents", () => {
  it("reads and parses the seed plan off the event loop", async () => {
    const { document, draft } = await readPlanOffThread({ bytes: Buffer.from(seed), filename: "要点.txt" });
    expect(document.format).toBe("txt");
    expect(draft.title).toBe("瓦房店市教育局2023年工作要点");
  });

  it("terminates a read past the time limit and reads the next document in a fresh worker", async () => {
    const pool = new PlanWorkerPool({ timeMs: 1, heapMb: 512 });
    await expect(pool.run({ text: seed })).rejects.toMatchObject(tooLarge("1 秒内未能读完"));
    const patient = new PlanWorkerPool({ timeMs: 60_000, heapMb: 512 });
    expect((await patient.run({ text: seed })).draft.nodes).toHaveLength(6);
  });

  it("refuses a read that needs more heap than the worker may have", async () => {
    const pool = new PlanWorkerPool({ timeMs: 60_000, heapMb: 64 });
    // The seed fits in 64 MB; 40 MB of Word XML, within the inflation limit, does not.
    expect((await pool.run({ text: seed })).draft.nodes).toHaveLength(6);
    const bytes = docxBomb({ inflatedBytes: 40 * 1024 * 1024, lie: false });
    await expect(pool.run({ bytes })).rejects.toMatchObject(tooLarge("读取它所需的内存超过上限"));
  });
});
