import type { FormField } from "@duban/domain";
import type ExcelJS from "exceljs";
import { loadExcel } from "../../../files/excel-module.js";
import { cellFormat, cellValidation, cellValueOf, fillHint, listReference } from "./field-cells.js";
import {
  DATA_SHEET,
  type ExcelForm,
  type ExcelRound,
  type ExcelSubmission,
  type ExcelUnit,
  FIRST_DATA_ROW,
  FIRST_FIELD_COLUMN,
  fieldHeader,
  HEADER_ROW,
  LISTS_SHEET,
  META_SHEET,
  metaRows,
  TITLE_ROW,
  templateFields,
  templateMeta,
  UNIT_COLUMNS,
} from "./template-layout.js";

/** Everything a template is made from. */
export interface FormTemplateInput {
  form: ExcelForm;
  round: ExcelRound;
  units: ExcelUnit[];
  /** Current values to prefill, by unit. */
  submissions?: ExcelSubmission[];
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8E8E8" } };
const LOCKED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF5F5F5" } };

/**
 * Protection that leaves only the unlocked value cells editable. No password: it guards against slips (typing
 * over a header or a unit's name), not against a determined user, and the upload checks everything anyway.
 */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

/** A column width that fits a header of Chinese characters, within reason. */
function widthOf(field: FormField): number {
  return Math.min(30, Math.max(12, fieldHeader(field).length * 2 + 2));
}

/** The options of each choice field on the lists sheet, one column per field; returns each field's range. */
function addLists(workbook: ExcelJS.Workbook, fields: FormField[]): Map<string, string> {
  const sheet = workbook.addWorksheet(LISTS_SHEET, { state: "veryHidden" });
  const ranges = new Map<string, string>();
  let col = 1;
  for (const field of fields) {
    if (field.type !== "choice") continue;
    const options = field.options ?? [];
    options.forEach((option, i) => {
      sheet.getCell(i + 1, col).value = option;
    });
    ranges.set(field.key, listReference(sheet.getColumn(col).letter, options.length));
    col++;
  }
  return ranges;
}

/** The title and header rows, locked and frozen. */
function addHead(sheet: ExcelJS.Worksheet, input: FormTemplateInput, fields: FormField[]): void {
  const width = UNIT_COLUMNS.length + fields.length;
  const title = sheet.getRow(TITLE_ROW);
  title.getCell(1).value = `${input.form.title}（${input.round.name}，${input.round.deadline} 前报送）`;
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, Math.max(width, 2));
  title.font = { bold: true, size: 14 };
  title.height = 24;
  const header = sheet.getRow(HEADER_ROW);
  header.values = [...UNIT_COLUMNS.map((c) => c.header), ...fields.map(fieldHeader)];
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  header.height = 32;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  UNIT_COLUMNS.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });
  fields.forEach((field, f) => {
    sheet.getColumn(FIRST_FIELD_COLUMN + f).width = widthOf(field);
  });
  // The unit's id is what the upload matches rows on; people need not see it.
  sheet.getColumn(1).hidden = true;
  sheet.views = [{ state: "frozen", xSplit: UNIT_COLUMNS.length, ySplit: HEADER_ROW }];
}

/** One row per unit: id, code and name locked, the value cells unlocked and prefilled. */
function addUnitRows(sheet: ExcelJS.Worksheet, input: FormTemplateInput, fields: FormField[]): void {
  const values = new Map((input.submissions ?? []).map((s) => [s.unitId, s.values]));
  input.units.forEach((unit, i) => {
    const row = sheet.getRow(FIRST_DATA_ROW + i);
    row.getCell(1).value = unit.id;
    row.getCell(2).value = unit.code ?? "";
    row.getCell(3).value = unit.name;
    for (let c = 1; c <= UNIT_COLUMNS.length; c++) row.getCell(c).fill = LOCKED_FILL;
    const current = values.get(unit.id) ?? {};
    fields.forEach((field, f) => {
      const cell = row.getCell(FIRST_FIELD_COLUMN + f);
      cell.value = cellValueOf(field, current[field.key]);
      cell.numFmt = cellFormat(field);
      cell.protection = { locked: false };
    });
  });
}

/** exceljs keeps a sheet's validations by range here; its typings only declare the per-cell form. */
type SheetWithValidations = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

/** Each field column's data validation over the units' rows. */
function addValidations(
  sheet: ExcelJS.Worksheet,
  unitCount: number,
  fields: FormField[],
  lists: Map<string, string>,
): void {
  if (unitCount === 0) return;
  const last = FIRST_DATA_ROW + unitCount - 1;
  fields.forEach((field, f) => {
    const validation = cellValidation(field, lists.get(field.key) ?? null);
    if (!validation) return;
    const letter = sheet.getColumn(FIRST_FIELD_COLUMN + f).letter;
    (sheet as SheetWithValidations).dataValidations.add(
      `${letter}${FIRST_DATA_ROW}:${letter}${last}`,
      validation,
    );
  });
}

/** The notes sheet: how to fill each column and the form's cross-field rules. */
function addNotes(workbook: ExcelJS.Workbook, input: FormTemplateInput, fields: FormField[]) {
  const sheet = workbook.addWorksheet("填写说明");
  sheet.columns = [
    { header: "列", width: 28 },
    { header: "是否必填", width: 10 },
    { header: "填写要求", width: 60 },
    { header: "说明", width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const field of fields)
    sheet.addRow([fieldHeader(field), field.required ? "必填" : "选填", fillHint(field), field.help ?? ""]);
  const attachments = input.form.fields.filter((f) => f.type === "file");
  if (attachments.length > 0)
    sheet.addRow(["", "", `附件（${attachments.map((f) => f.label).join("、")}）请在系统中逐个单位上传`]);
  if (input.form.rules.length > 0) {
    sheet.addRow([]);
    sheet.addRow(["校验规则", "", "每一行须满足："]).font = { bold: true };
    for (const rule of input.form.rules) sheet.addRow(["", "", rule.source, rule.message]);
  }
  sheet.addRow([]);
  sheet.addRow(["", "", "灰色格为单位信息，不能修改；只在白色格中填写。整行留空的单位不导入。"]);
  sheet.addRow([
    "",
    "",
    "请勿增删列或修改表头；表单修改后须重新下载模板。任何一行有误时整个文件都不会导入。",
  ]);
  return sheet;
}

/**
 * The Excel template of a round: one row per audience unit (its name and code locked), one column per field
 * under a locked header, data validation per field type, current values prefilled; a very hidden sheet names
 * the form, its version, the round and the field keys, so an upload made from another or an older template is
 * refused.
 */
export async function buildFormTemplate(input: FormTemplateInput): Promise<Buffer> {
  const fields = templateFields(input.form);
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = "Duban 督办";
  const sheet = workbook.addWorksheet(DATA_SHEET);
  addHead(sheet, input, fields);
  addUnitRows(sheet, input, fields);
  const notes = addNotes(workbook, input, fields);
  const lists = addLists(workbook, fields);
  addValidations(sheet, input.units.length, fields, lists);
  const meta = workbook.addWorksheet(META_SHEET, { state: "veryHidden" });
  for (const row of metaRows(templateMeta(input.form, input.round))) meta.addRow(row);
  await sheet.protect("", PROTECTION);
  await notes.protect("", PROTECTION);
  await meta.protect("", {});
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
