import { readFileSync } from "node:fs";
import type { PlanDraftEdit } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPlanBureau, flatten } from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { uploadFile } from "../../test/upload.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** A fixture PDF made by a real producer (see test-fixtures/README.md). */
const fixture = (name: string) => readFileSync(new URL(`../../files/test-fixtures/${name}`, import.meta.url));

// Both fixtures hold the same four lines: title, one section and two tasks, the second with a 100 % target.
const expectedText = [
  "示范县教育局2023年工作要点",
  "一、加强党的建设",
  "1.加强师德师风建设。开展师德专项整治。",
  "2.规范经费管理。学生资助覆盖率达到100%。",
].join("\n");

describe("POST /api/plan-imports/upload with PDFs made by real producers", () => {
  for (const [producer, file] of [
    ["Chromium's print to PDF", "plan-chromium-print.pdf"],
    ["LibreOffice", "plan-libreoffice.pdf"],
  ] as const)
    it(`reads a plan printed by ${producer} into its title, year, section and tasks`, async () => {
      const b = await buildPlanBureau(t);
      const res = await uploadFile(b.supervisor, "/api/plan-imports/upload", {
        name: "示范县2023年工作要点.pdf",
        type: "application/pdf",
        content: fixture(file),
      });
      expect(res.statusCode).toBe(201);
      const body = res.json() as {
        format: string;
        sourceText: string;
        warnings: string[];
        draft: PlanDraftEdit;
      };
      expect({ format: body.format, warnings: body.warnings }).toEqual({ format: "pdf", warnings: [] });
      expect(body.sourceText).toBe(expectedText);
      expect({ title: body.draft.title, year: body.draft.year }).toEqual({
        title: "示范县教育局2023年工作要点",
        year: 2023,
      });
      const tasks = flatten(body.draft.nodes).filter((n) => n.level === "task");
      expect(tasks.map((n) => n.title)).toEqual(["加强师德师风建设", "规范经费管理"]);
      expect(tasks[1]!.targets.map((x) => [x.indicator, x.value, x.unit])).toEqual([
        ["学生资助覆盖率", 100, "%"],
      ]);
    });

  it("answers a damaged PDF with the Chinese message only, never the reader's exception text", async () => {
    const b = await buildPlanBureau(t);
    const res = await uploadFile(b.supervisor, "/api/plan-imports/upload", {
      name: "损坏.pdf",
      type: "application/pdf",
      content: Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >>\n垃圾数据"),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: "bad_request", message: "PDF 文件已损坏或不完整，无法读取，请重新导出后上传" },
    });
  });

  it("answers a damaged Word file with the Chinese message only", async () => {
    const b = await buildPlanBureau(t);
    // A zip's local-file signature followed by junk: JSZip fails with an English "End of central directory" text.
    const res = await uploadFile(b.supervisor, "/api/plan-imports/upload", {
      name: "损坏.docx",
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      content: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: "bad_request",
        message: "Word 文件已损坏或不完整，无法打开，请在 Word 中另存后重新上传",
      },
    });
  });
});
