import type ExcelJS from "exceljs";
import {
  DATA_SHEET,
  type ExcelForm,
  type ExcelRound,
  FIRST_FIELD_COLUMN,
  fieldHeader,
  HEADER_ROW,
  META_SHEET,
  parseMetaRows,
  templateFields,
  UNIT_COLUMNS,
} from "./template-layout.js";

/** One problem of an upload: the Excel row (null for the file as a whole), the field's key if any, and why. */
export interface UploadProblem {
  row: number | null;
  field: string | null;
  message: string;
}

/** The rows of the metadata sheet as plain values. */
function sheetValues(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

/** A problem with the file as a whole. */
const wholeFile = (message: string): UploadProblem[] => [{ row: null, field: null, message }];

/**
 * Checks that the workbook is this round's template of the form as it stands: made by this system, for this
 * form, its current version and fields, this round, with the header untouched. A template downloaded before
 * the form changed would put values under the wrong fields, so it is refused rather than read by position.
 */
export function checkTemplate(
  workbook: ExcelJS.Workbook,
  options: { form: ExcelForm; round: ExcelRound },
): { sheet: ExcelJS.Worksheet } | { problems: UploadProblem[] } {
  const { form, round } = options;
  const metaSheet = workbook.getWorksheet(META_SHEET);
  const meta = metaSheet ? parseMetaRows(sheetValues(metaSheet)) : null;
  const sheet = workbook.getWorksheet(DATA_SHEET);
  if (!meta || !sheet)
    return { problems: wholeFile("文件不是本系统下载的填报模板，请先下载本批次的 Excel 模板，填写后再上传") };
  if (meta.formId !== form.id)
    return {
      problems: wholeFile(`文件是另一张填报表的模板，请下载「${form.title}」的模板填写后上传`),
    };
  if (meta.roundId !== round.id)
    return {
      problems: wholeFile(`文件是另一填报批次的模板，请下载「${round.name}」的模板填写后上传`),
    };
  const keys = templateFields(form).map((f) => f.key);
  if (meta.formVersion !== form.version || meta.fieldKeys.join("\n") !== keys.join("\n"))
    return {
      problems: wholeFile("模板已过期：下载后填报表又修改过，请重新下载模板，把数据填入新模板后上传"),
    };
  const problems = headerProblems(sheet, form);
  return problems.length > 0 ? { problems } : { sheet };
}

/** Every header cell that differs from the template's, and any column added to its right. */
function headerProblems(sheet: ExcelJS.Worksheet, form: ExcelForm): UploadProblem[] {
  const fields = templateFields(form);
  const expected = [...UNIT_COLUMNS.map((c) => c.header), ...fields.map(fieldHeader)];
  const header = sheet.getRow(HEADER_ROW);
  const problems: UploadProblem[] = [];
  expected.forEach((text, i) => {
    const found = header.getCell(i + 1).text.trim();
    if (found === text) return;
    const field = i + 1 >= FIRST_FIELD_COLUMN ? fields[i + 1 - FIRST_FIELD_COLUMN]! : null;
    const column = sheet.getColumn(i + 1).letter;
    problems.push({
      row: HEADER_ROW,
      field: field?.key ?? null,
      message: `第 ${HEADER_ROW} 行第 ${column} 列的表头应为「${text}」${found ? `，文件中是「${found}」` : "，文件中为空"}；请勿修改表头，重新下载模板填写后上传`,
    });
  });
  const extra = header.cellCount > expected.length ? header.getCell(expected.length + 1).text.trim() : "";
  if (extra)
    problems.push({
      row: HEADER_ROW,
      field: null,
      message: `第 ${HEADER_ROW} 行多出表头「${extra}」，模板中没有这一列；请勿增加列，重新下载模板填写后上传`,
    });
  return problems;
}
