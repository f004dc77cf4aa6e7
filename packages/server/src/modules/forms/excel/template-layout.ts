import type { FormField, FormRule, FormValues } from "@duban/domain";

/** The form a template is built for or an upload is read against. */
export interface ExcelForm {
  id: string;
  title: string;
  version: number;
  fields: FormField[];
  rules: FormRule[];
}

/** The round（填报批次）a template belongs to. */
export interface ExcelRound {
  id: string;
  name: string;
  deadline: string;
}

/** One audience unit of the round: a row of the template. */
export interface ExcelUnit {
  id: string;
  name: string;
  code: string | null;
}

/** A unit's current values, prefilled into its row. */
export interface ExcelSubmission {
  unitId: string;
  values: FormValues;
}

/** The data sheet people fill in. */
export const DATA_SHEET = "填报数据";
/** The very hidden sheet that says which form, version, round and fields the template was made for. */
export const META_SHEET = "模板信息";
/** The very hidden sheet holding the choice lists the data validation refers to. */
export const LISTS_SHEET = "选项";

/** Row 1 is the title, row 2 the header; units start on row 3. */
export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;

/** Columns before the fields: the unit's id (hidden, what the upload matches on), its code and its name. */
export const UNIT_COLUMNS = [
  { header: "单位标识", width: 6 },
  { header: "单位编码", width: 12 },
  { header: "单位名称", width: 28 },
] as const;
/** 1-based column of the first field. */
export const FIRST_FIELD_COLUMN = UNIT_COLUMNS.length + 1;

/** Marks the template's metadata, so a foreign workbook is told apart from a changed one. */
export const TEMPLATE_MARK = "duban-form-template/1";

/** Fields a template has a column for: an attachment cannot travel in a cell, so it is filled in online. */
export function templateFields(form: ExcelForm): FormField[] {
  return form.fields.filter((f) => f.type !== "file");
}

/** The header a field's column carries: its label, its unit, and * when required, e.g. "在园幼儿数（人）*". */
export function fieldHeader(field: FormField): string {
  const unit = field.type === "percent" ? "%" : field.unit;
  return `${field.label}${unit ? `（${unit}）` : ""}${field.required ? "*" : ""}`;
}

/** What the metadata sheet records, read back to detect a changed or foreign template. */
export interface TemplateMeta {
  mark: string;
  formId: string;
  formVersion: number;
  roundId: string;
  fieldKeys: string[];
}

/** The metadata of a template built for this form and round today. */
export function templateMeta(form: ExcelForm, round: ExcelRound): TemplateMeta {
  return {
    mark: TEMPLATE_MARK,
    formId: form.id,
    formVersion: form.version,
    roundId: round.id,
    fieldKeys: templateFields(form).map((f) => f.key),
  };
}

/** The metadata sheet's rows: a readable label beside each value, the field keys one per cell. */
export function metaRows(meta: TemplateMeta): (string | number)[][] {
  return [
    ["模板", meta.mark],
    ["表单", meta.formId],
    ["表单版本", meta.formVersion],
    ["填报批次", meta.roundId],
    ["字段", ...meta.fieldKeys],
  ];
}

/** Reads the metadata back from the sheet's rows; null when it is not one of these templates. */
export function parseMetaRows(rows: unknown[][]): TemplateMeta | null {
  const value = (label: string) => rows.find((r) => r[0] === label)?.slice(1) ?? [];
  const [mark] = value("模板");
  const [formId] = value("表单");
  const [formVersion] = value("表单版本");
  const [roundId] = value("填报批次");
  if (mark !== TEMPLATE_MARK || typeof formId !== "string" || typeof roundId !== "string") return null;
  if (typeof formVersion !== "number") return null;
  const fieldKeys = value("字段").filter((k): k is string => typeof k === "string");
  return { mark, formId, formVersion, roundId, fieldKeys };
}
