import { checkSubmission, type FormField, type FormValues, limits } from "@duban/domain";
import type ExcelJS from "exceljs";
import { AppError } from "../../../errors.js";
import { loadExcel } from "../../../files/excel-module.js";
import { isBlankCell, readCell } from "./cell-values.js";
import { checkTemplate, type UploadProblem } from "./template-check.js";
import {
  type ExcelForm,
  type ExcelRound,
  type ExcelSubmission,
  type ExcelUnit,
  FIRST_DATA_ROW,
  FIRST_FIELD_COLUMN,
  templateFields,
} from "./template-layout.js";
import { declaredInflatedBytes } from "./zip-size.js";

export type { UploadProblem } from "./template-check.js";

/** One filled row of an upload: its Excel row, the unit it is for, and the values it gives. */
export interface UploadRow {
  row: number;
  unitId: string;
  values: FormValues;
}

/** The rows of an upload when every row is right, else every problem found (nothing is to be saved then). */
export type FormUploadResult = { ok: true; rows: UploadRow[] } | { ok: false; errors: UploadProblem[] };

/** What an upload is read against. */
export interface FormUploadOptions {
  form: ExcelForm;
  round: ExcelRound;
  /** The round's audience: a row for any other unit is refused. */
  units: ExcelUnit[];
  /** The units' current values: fields the template has no column for（attachments）keep theirs. */
  submissions?: ExcelSubmission[];
}

/** Every .xlsx is a ZIP archive, which starts with a local file header. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Inflated size a template may declare: 5 000 units × 200 fields of XML stay well below it. */
const INFLATED_BYTES_MAX = 100 * 1024 * 1024;

/** Opens the workbook, refusing an empty, oversized or unreadable file before looking inside. */
async function openWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  if (buffer.length === 0) throw new AppError("bad_request", "上传的文件是空的，请选择填写好的 Excel 模板");
  if (buffer.length > limits.importFileBytes)
    throw new AppError(
      "payload_too_large",
      `文件不能超过 ${Math.round(limits.importFileBytes / 1024 / 1024)} MB`,
    );
  const notXlsx = new AppError(
    "unsupported_media_type",
    "文件不是有效的 Excel（.xlsx）文件，请使用下载的模板填写后上传",
  );
  if (!buffer.subarray(0, 4).equals(ZIP_MAGIC)) throw notXlsx;
  // A few MB of deflated zeros can declare gigabytes: refused before anything is inflated.
  if ((declaredInflatedBytes(buffer) ?? 0) > INFLATED_BYTES_MAX)
    throw new AppError(
      "payload_too_large",
      `文件解压后超过 ${INFLATED_BYTES_MAX / 1024 / 1024} MB，不是填报模板；请使用下载的模板填写后上传`,
    );
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (err) {
    throw new AppError(notXlsx.code, notXlsx.message, undefined, { cause: err });
  }
  return workbook;
}

/** "第 5 行「在园幼儿数」：应为整数", or without a field "第 5 行：…". */
function rowMessage(row: number, label: string | null, message: string): string {
  return `第 ${row} 行${label ? `「${label}」` : ""}：${message}`;
}

/** Finds a row's unit among the audience: by the hidden id the template wrote, else by name, else by code. */
function unitOfRow(row: ExcelJS.Row, audience: Map<string, ExcelUnit>, units: ExcelUnit[]): ExcelUnit | null {
  const id = row.getCell(1).text.trim();
  if (id) return audience.get(id) ?? null;
  const name = row.getCell(3).text.trim();
  const code = row.getCell(2).text.trim();
  return (
    (name ? units.find((u) => u.name === name) : undefined) ??
    (code ? units.find((u) => u.code === code) : undefined) ??
    null
  );
}

/** The row's values by field key, with the problems of cells that are not values of their field. */
function readValues(row: ExcelJS.Row, fields: FormField[], base: FormValues) {
  const values: FormValues = { ...base };
  const problems: UploadProblem[] = [];
  fields.forEach((field, f) => {
    const reading = readCell(field, row.getCell(FIRST_FIELD_COLUMN + f));
    if (reading.ok) values[field.key] = reading.value;
    else {
      delete values[field.key];
      problems.push({
        row: row.number,
        field: field.key,
        message: rowMessage(row.number, field.label, reading.message),
      });
    }
  });
  return { values, problems };
}

/** The current values of fields the template has no column for (attachments): the upload keeps them. */
function keptValues(form: ExcelForm, values: FormValues | undefined): FormValues {
  const kept: FormValues = {};
  for (const field of form.fields)
    if (field.type === "file" && values?.[field.key] !== undefined) kept[field.key] = values[field.key]!;
  return kept;
}

/** Whether every value cell of the row is blank: a unit left unfilled, not imported. */
function isBlankRow(row: ExcelJS.Row, fields: FormField[]): boolean {
  return fields.every((_, f) => isBlankCell(row.getCell(FIRST_FIELD_COLUMN + f)));
}

/**
 * Reads a filled-in template of a round: one row per unit, each value checked against its field and the form's
 * cross-field rules (`checkSubmission`), every unit in the round's audience and at most once. Rows left blank
 * are skipped. Returns all rows, or every problem with its Excel row and field; a file that is empty, too large
 * or not an .xlsx is refused at once（400 / 413 / 415）.
 */
export async function readFormUpload(buffer: Buffer, options: FormUploadOptions): Promise<FormUploadResult> {
  const workbook = await openWorkbook(buffer);
  const template = checkTemplate(workbook, options);
  if ("problems" in template) return { ok: false, errors: template.problems };
  const { sheet } = template;
  const fields = templateFields(options.form);
  const audience = new Map(options.units.map((u) => [u.id, u]));
  const current = new Map((options.submissions ?? []).map((s) => [s.unitId, s.values]));
  const seen = new Map<string, number>();
  const rows: UploadRow[] = [];
  const problems: UploadProblem[] = [];
  for (let r = FIRST_DATA_ROW; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (isBlankRow(row, fields)) continue;
    if (rows.length + problems.length >= limits.importRowsMax)
      throw new AppError("bad_request", `一次最多导入 ${limits.importRowsMax} 行，请拆分文件后分批导入`);
    const unit = unitOfRow(row, audience, options.units);
    if (!unit) {
      const name = row.getCell(3).text.trim() || row.getCell(2).text.trim() || "（未填单位）";
      problems.push({
        row: r,
        field: null,
        message: rowMessage(r, null, `单位「${name}」不在本批次的填报范围内，请删除这一行`),
      });
      continue;
    }
    const first = seen.get(unit.id);
    if (first !== undefined) {
      problems.push({
        row: r,
        field: null,
        message: rowMessage(r, null, `单位「${unit.name}」与第 ${first} 行重复，每个单位只能填一行`),
      });
      continue;
    }
    seen.set(unit.id, r);
    const read = readValues(row, fields, keptValues(options.form, current.get(unit.id)));
    problems.push(...read.problems, ...submissionProblems(r, options.form, read));
    rows.push({ row: r, unitId: unit.id, values: read.values });
  }
  if (problems.length > 0) return { ok: false, errors: problems };
  if (rows.length === 0)
    throw new AppError("bad_request", "文件中没有填写任何单位的数据，请在白色格中填写后再上传");
  return { ok: true, rows };
}

/**
 * The form's own checks of a row's values, leaving out fields whose cells were already refused — and, when any
 * was, the cross-field rules, which would be judged on a row with a value missing.
 */
function submissionProblems(
  row: number,
  form: ExcelForm,
  read: { values: FormValues; problems: UploadProblem[] },
): UploadProblem[] {
  const refused = new Set(read.problems.map((p) => p.field));
  const labels = new Map(form.fields.map((f) => [f.key, f.label]));
  return checkSubmission(form.fields, form.rules, read.values)
    .filter((p) => (p.field === null ? refused.size === 0 : !refused.has(p.field)))
    .map((p) => {
      const label = p.field ? (labels.get(p.field) ?? null) : null;
      // The check says "在园幼儿数：应为整数"; the row's message names the field in its own way.
      const said =
        label && p.message.startsWith(`${label}：`) ? p.message.slice(label.length + 1) : p.message;
      return { row, field: p.field, message: rowMessage(row, label, said) };
    });
}
