import type { PlanImport } from "@duban/domain";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { excelBreakdown, proseWithAttachment, wordBreakdownTable } from "../../files/test-plan-tables.js";
import { buildUnit } from "../../test/factories.js";
import { buildPlanBureau, flatten } from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { uploadFile } from "../../test/upload.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A bureau with the units the fixtures name (教研室 by name, 德育科 through the keyword 德育). */
async function bureau() {
  const b = await buildPlanBureau(t);
  const db = t.database.db as Db;
  const research = await buildUnit(db, b.tenant.id, { kind: "department", name: "教研室" });
  const moral = await buildUnit(db, b.tenant.id, { kind: "department", name: "思想政治教育科" });
  const res = await b.admin.put("/api/unit-keywords", {
    entries: [
      { keyword: "学前", unitId: b.preschool.id },
      { keyword: "德育", unitId: moral.id },
    ],
  });
  if (res.statusCode !== 200) throw new Error(res.body);
  return { ...b, research, moral };
}

const upload = (
  session: Awaited<ReturnType<typeof bureau>>["supervisor"],
  name: string,
  content: Uint8Array,
) =>
  uploadFile(session, "/api/plan-imports/upload", {
    name,
    type: name.endsWith(".xlsx") ? XLSX : DOCX,
    content: Buffer.from(content),
  });

/** A workbook built by `fill`, as bytes. */
async function workbook(fill: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  fill(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

// A 1×1 PNG, for a picture placed in a cell.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

describe("POST /api/plan-imports/upload with a 任务分解表", () => {
  it("answers 401 without a session", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/plan-imports/upload" });
    expect(res.statusCode).toBe(401);
  });

  it("refuses a school user with 403", async () => {
    const b = await bureau();
    const res = await upload(b.school, "分解表.xlsx", await excelBreakdown());
    expect(res.statusCode).toBe(403);
  });

  it("reads a Word 分解表: tasks from rows, units by name or keyword, an unknown unit kept and reported", async () => {
    const b = await bureau();
    const res = await upload(b.supervisor, "分解表.docx", await wordBreakdownTable());
    expect(res.statusCode).toBe(201);
    const body = res.json() as PlanImport;
    expect(body.format).toBe("docx");
    const tasks = flatten(body.draft.nodes);
    expect(tasks.map((n) => [n.number, n.title, n.deadline])).toEqual([
      [1, "加强思想政治教育", "2024-10-31"],
      [2, "提升课堂教学质量", "2024-12-31"],
      [3, "保障校园安全", "2024-12-31"],
      [4, "推进家校共育", "2024-11"],
    ]);
    expect(tasks[0]!.leadUnitId).toBe(b.moral.id);
    expect(tasks[1]!.leadUnitId).toBe(b.research.id);
    expect(tasks[1]!.ownersText).toEqual({ lead: ["教研室"], co: ["电教站"] });
    expect(tasks[1]!.sources?.rows.map((r) => [r.table, r.row])).toEqual([
      ["表1", 4],
      ["表1", 5],
      ["表1", 6],
    ]);
    expect(body.sourceText.slice(...tasks[1]!.sources!.rows[1]!.span)).toBe(
      "\t\t建设优质课资源库50节\t教研室\t电教站\t年底前",
    );
    expect(body.warnings).toContain("“表1”第4行的单位“电教站”不在本局单位中，已保留原文，请在审核时选择单位");
  });

  it("reads a multi-sheet Excel 分解表 and notes the sheet it skipped", async () => {
    const b = await bureau();
    const res = await upload(b.supervisor, "分解表.xlsx", await excelBreakdown());
    expect(res.statusCode).toBe(201);
    const body = res.json() as PlanImport;
    expect({ format: body.format, title: body.draft.title, year: body.draft.year }).toEqual({
      format: "xlsx",
      title: "示范区教育局2024年重点任务分解表",
      year: 2024,
    });
    expect(
      flatten(body.draft.nodes).map((n) => [n.title, n.sources?.rows.map((r) => `${r.table}:${r.row}`)]),
    ).toEqual([
      ["建强基层党组织", ["党建工作:3", "党建工作:4"]],
      ["加强师德师风建设", ["党建工作:5"]],
      ["推进集团化办学", ["教育教学:2"]],
      ["加强教研指导", ["教育教学:3"]],
    ]);
    expect(body.warnings).toContain(
      "工作表“填表说明”中未找到表头行（应有“重点任务”“牵头单位”“完成时限”等列名），已跳过",
    );
  });

  it("completes a prose plan's tasks from its attached table, recording each field's source", async () => {
    const b = await bureau();
    const res = await upload(b.supervisor, "工作要点.docx", await proseWithAttachment());
    expect(res.statusCode).toBe(201);
    const body = res.json() as PlanImport;
    const tasks = flatten(body.draft.nodes).filter((n) => n.level === "task");
    expect(tasks.map((n) => [n.title, n.ownersText, n.deadline, n.sources?.owners?.from ?? null])).toEqual([
      ["加强理论武装", { lead: ["组织人事科"], co: ["宣传科"] }, "2024-06-30", "table"],
      ["严明工作纪律", { lead: ["纪检组"], co: ["办公室"] }, null, "text"],
      ["深化课程改革", { lead: ["教研室"], co: [] }, "2024-12", "table"],
    ]);
    expect(tasks[2]!.leadUnitId).toBe(b.research.id);
  });

  it("reads a 分解表 pasted as tab-separated text", async () => {
    const b = await bureau();
    const text = [
      "序号\t重点任务\t具体措施\t牵头单位\t完成时限",
      "1\t加强教研\t开展集体教研\t教研室\t2024年5月",
      "\t\t组织听课\t\t2024年6月",
    ].join("\n");
    const res = await b.supervisor.post("/api/plan-imports", { text });
    expect(res.statusCode).toBe(201);
    const [task] = (res.json() as PlanImport).draft.nodes;
    expect([task!.title, task!.leadUnitId, task!.deadline, task!.measures.map((m) => m.text)]).toEqual([
      "加强教研",
      b.research.id,
      "2024-06",
      ["开展集体教研", "组织听课"],
    ]);
  });

  it("notes a formula without its result and a picture, naming sheet, row and column", async () => {
    const b = await bureau();
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet("任务");
      sheet.addRow(["序号", "重点任务", "具体措施", "完成时限"]);
      sheet.addRow([1, "加强教研", { formula: 'B2&"活动"' }, "2024年5月"]);
      sheet.addImage(book.addImage({ buffer: PNG, extension: "png" } as never), "C3:C3");
      sheet.addRow([2, "组织听课", "每周听课", "每周"]);
    });
    const res = await upload(b.supervisor, "分解表.xlsx", bytes);
    expect(res.statusCode).toBe(201);
    const body = res.json() as PlanImport;
    expect(body.warnings).toEqual([
      "工作表“任务”第2行第3列是公式，但文件中没有它的计算结果，已按空单元格读取；请在 Excel 中重新计算并保存",
      "工作表“任务”第3行有图片，图片中的内容未读入",
      "未识别到标题，请补充计划名称和年度",
    ]);
    expect(flatten(body.draft.nodes).map((n) => n.title)).toEqual(["加强教研", "组织听课"]);
  });
});

describe("POST /api/plan-imports/upload refuses a 分解表 it cannot read, saying which sheet or row", () => {
  const refusals: [string, () => Promise<Uint8Array>, string][] = [
    [
      "a workbook without a recognisable header row",
      () =>
        workbook((book) =>
          book.addWorksheet("数据").addRows([
            ["甲", "乙", "丙"],
            [1, 2, 3],
          ]),
        ),
      "没有从 Excel 文件中读出任何任务：工作表“数据”中未找到表头行（应有“重点任务”“牵头单位”“完成时限”等列名），已跳过",
    ],
    [
      "a workbook whose only sheet is empty",
      () => workbook((book) => book.addWorksheet("空表")),
      "Excel 文件中没有内容：工作表“空表”是空的，请填写任务分解表后上传",
    ],
    [
      "a table with only its header",
      () =>
        workbook((book) => book.addWorksheet("任务").addRow(["序号", "重点任务", "牵头单位", "完成时限"])),
      "没有从 Excel 文件中读出任何任务：工作表“任务”只有表头，没有任务行",
    ],
    [
      "a measure row merged into the header instead of a task",
      () =>
        workbook((book) => {
          const sheet = book.addWorksheet("任务");
          sheet.addRows([
            ["序号", "重点任务", "具体措施"],
            [null, null, "开展培训"],
          ]);
          sheet.mergeCells("B1:B2");
        }),
      "没有从 Excel 文件中读出任何任务：工作表“任务”第2行：任务列为空，但上方没有可归属的任务（请检查合并单元格），该行未读入",
    ],
  ];
  for (const [what, build, message] of refusals)
    it(`answers 400 for ${what}`, async () => {
      const b = await bureau();
      const res = await upload(b.supervisor, "分解表.xlsx", await build());
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: { code: "bad_request", message } });
    });

  it("answers 400 naming the sheet and row where merged cells overlap", async () => {
    const b = await bureau();
    const good = await workbook((book) => {
      const sheet = book.addWorksheet("任务");
      sheet.addRows([
        ["序号", "重点任务", "牵头单位"],
        [1, "加强教研", "教研室"],
        [null, null, "人事科"],
      ]);
      sheet.mergeCells("A2:A3");
    });
    // Excel never writes overlapping ranges; a damaged or hand-edited file may hold them.
    const zip = await JSZip.loadAsync(good);
    const path = "xl/worksheets/sheet1.xml";
    const xml = (await zip.file(path)!.async("string")).replace(
      /<mergeCells.*<\/mergeCells>/,
      '<mergeCells count="2"><mergeCell ref="A2:A3"/><mergeCell ref="A3:B3"/></mergeCells>',
    );
    const bad = await zip.file(path, xml).generateAsync({ type: "uint8array" });
    const res = await upload(b.supervisor, "分解表.xlsx", bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(
      "工作表“任务”第3行：合并单元格相互重叠，请在 Excel 中取消这些合并后重新合并，再上传",
    );
  });
});
