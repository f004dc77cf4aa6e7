import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../errors.js";
import {
  audience,
  fillTemplate,
  juneRound,
  kindergartenForm,
  outsider,
  typeRow,
} from "../../../test/form-excel-fixtures.js";
import { buildFormTemplate } from "./build-form-template.js";
import { readFormUpload } from "./read-form-upload.js";

const form = kindergartenForm();
const options = { form, round: juneRound, units: audience };

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** The problems of an upload that must fail. */
async function problemsOf(buffer: Buffer, opts = options) {
  const result = await readFormUpload(buffer, opts);
  if (result.ok) throw new Error("expected the upload to be refused");
  return result.errors;
}

/** The AppError an upload is refused with as a whole. */
async function refusal(buffer: Buffer) {
  try {
    await readFormUpload(buffer, options);
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, status: err.status, message: err.message };
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("buildFormTemplate", () => {
  it("lays out one locked row per unit and one unlocked, validated column per field under a locked header", async () => {
    const buffer = await buildFormTemplate({
      ...options,
      submissions: [
        {
          unitId: audience[1]!.id,
          values: { children: 120, inclusive: true, surveyDay: "2023-06-01", features: ["科学", "体育"] },
        },
      ],
    });
    const workbook = await load(buffer);
    const sheet = workbook.getWorksheet("填报数据")!;
    expect(sheet.getRow(1).getCell(1).text).toBe("幼儿园基本情况统计表（2023年6月，2023-06-25 前报送）");
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      "单位标识",
      "单位编码",
      "单位名称",
      "在园幼儿数（人）*",
      "公办在园幼儿数（人）",
      "生均面积（平方米）",
      "保教人员持证率（%）",
      "是否普惠园",
      "办园性质",
      "特色课程",
      "统计日期",
      "备注",
    ]);
    // The attachment has no column: it cannot travel in a cell.
    expect(sheet.getRow(2).cellCount).toBe(12);
    expect([3, 4, 5].map((r) => sheet.getRow(r).getCell(3).text)).toEqual([
      "实验幼儿园",
      "城关幼儿园",
      "东岗幼儿园",
    ]);
    expect(sheet.getRow(3).getCell(1).text).toBe(audience[0]!.id);
    expect(sheet.getColumn(1).hidden).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 2 });
    // Prefilled as the unit last saved it.
    const row4 = sheet.getRow(4);
    expect(row4.getCell(4).value).toBe(120);
    expect(row4.getCell(8).value).toBe("是");
    expect(row4.getCell(10).value).toBe("科学、体育");
    expect((row4.getCell(11).value as Date).toISOString()).toBe("2023-06-01T00:00:00.000Z");
    // Only value cells are editable.
    expect(sheet.getRow(3).getCell(3).protection?.locked).not.toBe(false);
    expect(sheet.getRow(2).getCell(4).protection?.locked).not.toBe(false);
    expect(sheet.getRow(3).getCell(4).protection).toMatchObject({ locked: false });
    expect(sheet.getRow(5).getCell(12).protection).toMatchObject({ locked: false });
    const validations = (
      sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    expect(validations.D3).toMatchObject({ type: "whole", operator: "between", formulae: [0, 2000] });
    expect(validations.F5).toMatchObject({ type: "decimal", formulae: [0, 1e12] });
    expect(validations.H4).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(validations.I3).toMatchObject({ type: "list", formulae: ["'选项'!$A$1:$A$3"] });
    expect(validations.K3).toMatchObject({ type: "date" });
    expect(validations.L3).toMatchObject({ type: "textLength", formulae: [0, 20] });
    expect(validations.D6).toBeUndefined();
    const meta = workbook.getWorksheet("模板信息")!;
    expect(meta.state).toBe("veryHidden");
    expect((meta.getRow(5).values as unknown[]).slice(1)).toEqual([
      "字段",
      "children",
      "publicChildren",
      "area",
      "rate",
      "inclusive",
      "ownership",
      "features",
      "surveyDay",
      "note",
    ]);
    expect(workbook.getWorksheet("选项")!.getCell("A2").value).toBe("民办");
  });

  it("protects the data sheet so that only the value cells can be changed", async () => {
    const buffer = await buildFormTemplate(options);
    // exceljs reads protection back only as raw XML: look at the sheet's part.
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(buffer);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    // Selecting cells stays allowed (no selectLockedCells="1"); widening columns and rows too ("0": not protected).
    expect(xml).toContain('<sheetProtection sheet="1" formatColumns="0" formatRows="0"/>');
    expect(xml).not.toMatch(/<sheetProtection[^>]*hashValue/);
  });
});

describe("readFormUpload", () => {
  it("reads back what a department typed, each value as its field stores it", async () => {
    const template = await buildFormTemplate(options);
    const filled = await fillTemplate(template, (sheet) => {
      typeRow(sheet, 0, [
        300,
        120,
        8.25,
        95.5,
        "是",
        "公办",
        "科学、艺术",
        new Date("2023-06-01T00:00:00Z"),
        "新园",
      ]);
      // Typed as text, as a pasted column arrives; the percent cell formatted as % holds a fraction.
      typeRow(sheet, 2, ["1,200", "０", "7", 0.9, "否", "民办", null, "2023/6/2", 12]);
      // A style of its own: loaded cells share their style objects.
      const rate = sheet.getRow(5).getCell(7);
      rate.style = { ...rate.style, numFmt: "0.0%" };
    });
    const result = await readFormUpload(filled, {
      ...options,
      submissions: [{ unitId: audience[2]!.id, values: { photo: "file-1", gone: 1 } }],
    });
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          row: 3,
          unitId: audience[0]!.id,
          values: {
            children: 300,
            publicChildren: 120,
            area: 8.25,
            rate: 95.5,
            inclusive: true,
            ownership: "公办",
            features: ["科学", "艺术"],
            surveyDay: "2023-06-01",
            note: "新园",
          },
        },
        {
          row: 5,
          unitId: audience[2]!.id,
          values: {
            photo: "file-1",
            children: 1200,
            publicChildren: 0,
            area: 7,
            rate: 90,
            inclusive: false,
            ownership: "民办",
            features: null,
            surveyDay: "2023-06-02",
            note: "12",
          },
        },
      ],
    });
  });

  it("takes a formula's result as Excel showed it, and refuses a formula without one or with an error", async () => {
    const template = await buildFormTemplate(options);
    const filled = await fillTemplate(template, (sheet) => {
      typeRow(sheet, 0, [{ formula: "E3*2", result: 240 }, 120]);
      typeRow(sheet, 1, [{ formula: "E4*2" } as ExcelJS.CellFormulaValue, 10]);
      typeRow(sheet, 2, [{ formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue, 10]);
    });
    expect(await problemsOf(filled)).toEqual([
      {
        row: 4,
        field: "children",
        message:
          "第 4 行「在园幼儿数」：使用了公式但文件中没有计算结果，请在 Excel 中重新计算并保存，或直接填写数值",
      },
      {
        row: 5,
        field: "children",
        message: "第 5 行「在园幼儿数」：公式的结果是错误值 #DIV/0!，请改为正确的值",
      },
    ]);
    const good = await fillTemplate(template, (sheet) =>
      typeRow(sheet, 0, [{ formula: "E3*2", result: 240 }, 120]),
    );
    expect(await readFormUpload(good, options)).toMatchObject({
      ok: true,
      rows: [{ row: 3, values: { children: 240 } }],
    });
  });

  it("names the row and field of every wrong value, the form's own bounds and rules included", async () => {
    const template = await buildFormTemplate(options);
    const filled = await fillTemplate(template, (sheet) => {
      typeRow(sheet, 0, [
        "很多",
        10,
        1.234,
        null,
        "对",
        "私立",
        "科学、美术",
        "下周",
        "这一段备注写得太长了超过了二十个字的限制了",
      ]);
      typeRow(sheet, 1, [12.5, -1, null, 101]);
      typeRow(sheet, 2, [100, 150]);
    });
    expect(await problemsOf(filled)).toEqual([
      { row: 3, field: "children", message: "第 3 行「在园幼儿数」：应为整数" },
      { row: 3, field: "inclusive", message: "第 3 行「是否普惠园」：应为「是」或「否」" },
      { row: 3, field: "surveyDay", message: "第 3 行「统计日期」：应为日期，如 2023-06-15" },
      { row: 3, field: "area", message: "第 3 行「生均面积」：最多保留 2 位小数" },
      { row: 3, field: "ownership", message: "第 3 行「办园性质」：只能选 公办、民办、普惠性民办 之一" },
      { row: 3, field: "features", message: "第 3 行「特色课程」：只能从 科学、艺术、体育 中选择" },
      { row: 3, field: "note", message: "第 3 行「备注」：最多 20 字" },
      { row: 4, field: "children", message: "第 4 行「在园幼儿数」：应为整数" },
      { row: 4, field: "publicChildren", message: "第 4 行「公办在园幼儿数」：不能小于 0人" },
      { row: 4, field: "rate", message: "第 4 行「保教人员持证率」：应在 0% 到 100% 之间" },
      { row: 5, field: null, message: "第 5 行：公办在园幼儿数不能超过在园幼儿数" },
    ]);
  });

  it("refuses a unit outside the round's audience and a unit given twice", async () => {
    const template = await buildFormTemplate(options);
    const filled = await fillTemplate(template, (sheet) => {
      typeRow(sheet, 0, [10]);
      typeRow(sheet, 1, [20]);
      sheet.getRow(4).getCell(1).value = audience[0]!.id;
      typeRow(sheet, 2, [30]);
      sheet.getRow(5).getCell(1).value = outsider.id;
      sheet.getRow(5).getCell(3).value = outsider.name;
      // A row added below the units, by name only.
      sheet.getCell("C6").value = "不存在的幼儿园";
      sheet.getCell("D6").value = 40;
      sheet.getCell("C7").value = "城关幼儿园";
      sheet.getCell("D7").value = 50;
    });
    expect(await problemsOf(filled)).toEqual([
      { row: 4, field: null, message: "第 4 行：单位「实验幼儿园」与第 3 行重复，每个单位只能填一行" },
      { row: 5, field: null, message: "第 5 行：单位「第一中学」不在本批次的填报范围内，请删除这一行" },
      { row: 6, field: null, message: "第 6 行：单位「不存在的幼儿园」不在本批次的填报范围内，请删除这一行" },
    ]);
  });

  it("skips units left blank and refuses a file with nothing filled in", async () => {
    const template = await buildFormTemplate(options);
    const one = await fillTemplate(template, (sheet) => typeRow(sheet, 1, [20]));
    expect(await readFormUpload(one, options)).toEqual({
      ok: true,
      rows: [
        {
          row: 4,
          unitId: audience[1]!.id,
          values: {
            children: 20,
            publicChildren: null,
            area: null,
            rate: null,
            inclusive: null,
            ownership: null,
            features: null,
            surveyDay: null,
            note: null,
          },
        },
      ],
    });
    expect(await refusal(template)).toEqual({
      code: "bad_request",
      status: 400,
      message: "文件中没有填写任何单位的数据，请在白色格中填写后再上传",
    });
  });

  it("refuses an empty file, a file that is not an .xlsx and one over the upload limit", async () => {
    expect(await refusal(Buffer.alloc(0))).toEqual({
      code: "bad_request",
      status: 400,
      message: "上传的文件是空的，请选择填写好的 Excel 模板",
    });
    const notXlsx = {
      code: "unsupported_media_type",
      status: 415,
      message: "文件不是有效的 Excel（.xlsx）文件，请使用下载的模板填写后上传",
    };
    expect(await refusal(Buffer.from("单位,在园幼儿数\n实验幼儿园,10\n"))).toEqual(notXlsx);
    // A ZIP that is no workbook.
    expect(await refusal(Buffer.from("504b0304deadbeef", "hex"))).toEqual(notXlsx);
    // 101 MB of zeros deflate to about 100 KB: refused from the directory, before exceljs inflates it.
    const { default: JSZip } = await import("jszip");
    const bomb = new JSZip().file("xl/worksheets/sheet1.xml", Buffer.alloc(101 * 1024 * 1024));
    const packed = await bomb.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    expect(packed.length).toBeLessThan(1024 * 1024);
    expect(await refusal(packed)).toEqual({
      code: "payload_too_large",
      status: 413,
      message: "文件解压后超过 100 MB，不是填报模板；请使用下载的模板填写后上传",
    });
    expect(await refusal(Buffer.alloc(5 * 1024 * 1024 + 1, 0x50))).toEqual({
      code: "payload_too_large",
      status: 413,
      message: "文件不能超过 5 MB",
    });
  });
});

describe("readFormUpload with a changed or foreign template", () => {
  const whole = (message: string) => [{ row: null, field: null, message }];

  it("refuses a workbook this system did not make", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("填报数据").addRow(["单位名称", "在园幼儿数"]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await problemsOf(buffer)).toEqual(
      whole("文件不是本系统下载的填报模板，请先下载本批次的 Excel 模板，填写后再上传"),
    );
  });

  it("refuses another form's template, another round's and one made before the form changed", async () => {
    const filled = await fillTemplate(await buildFormTemplate(options), (sheet) => typeRow(sheet, 0, [10]));
    const other = kindergartenForm({ id: "11111111-1111-4111-8111-999999999999", title: "特教学校统计表" });
    expect(await problemsOf(filled, { ...options, form: other })).toEqual(
      whole("文件是另一张填报表的模板，请下载「特教学校统计表」的模板填写后上传"),
    );
    const july = { ...juneRound, id: "22222222-2222-4222-8222-999999999999", name: "2023年7月" };
    expect(await problemsOf(filled, { ...options, round: july })).toEqual(
      whole("文件是另一填报批次的模板，请下载「2023年7月」的模板填写后上传"),
    );
    const stale = whole("模板已过期：下载后填报表又修改过，请重新下载模板，把数据填入新模板后上传");
    expect(await problemsOf(filled, { ...options, form: kindergartenForm({ version: 4 }) })).toEqual(stale);
    const reordered = kindergartenForm({ fields: [...form.fields].reverse() });
    expect(await problemsOf(filled, { ...options, form: reordered })).toEqual(stale);
  });

  it("names each header that was edited and a column that was added", async () => {
    const filled = await fillTemplate(await buildFormTemplate(options), (sheet) => {
      typeRow(sheet, 0, [10]);
      sheet.getRow(2).getCell(4).value = "幼儿数";
      sheet.getRow(2).getCell(9).value = null;
      sheet.getRow(2).getCell(13).value = "联系人";
    });
    expect(await problemsOf(filled)).toEqual([
      {
        row: 2,
        field: "children",
        message:
          "第 2 行第 D 列的表头应为「在园幼儿数（人）*」，文件中是「幼儿数」；请勿修改表头，重新下载模板填写后上传",
      },
      {
        row: 2,
        field: "ownership",
        message: "第 2 行第 I 列的表头应为「办园性质」，文件中为空；请勿修改表头，重新下载模板填写后上传",
      },
      {
        row: 2,
        field: null,
        message: "第 2 行多出表头「联系人」，模板中没有这一列；请勿增加列，重新下载模板填写后上传",
      },
    ]);
  });
});
