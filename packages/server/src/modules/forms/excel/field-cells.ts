import { type FormField, formFieldTypeLabels, limits } from "@duban/domain";
import type ExcelJS from "exceljs";
import { LISTS_SHEET } from "./template-layout.js";

/** Separator of a multiple choice's options in one cell; 、，, and ; are read too. */
export const MULTI_SEPARATOR = "、";

/** Bounds Excel's validation uses where the field sets none: wide enough for any count a bureau keeps. */
const NUMBER_FLOOR = -1e12;
const NUMBER_CEILING = 1e12;

/** "0～100", "不小于 0", "不大于 100" or "" for a field's bounds, as the prompts and the notes sheet say it. */
export function boundsText(field: FormField): string {
  const { min, max } = field;
  const has = (n: number | null | undefined): n is number => typeof n === "number";
  if (has(min) && has(max)) return `${min}～${max}`;
  if (has(min)) return `不小于 ${min}`;
  if (has(max)) return `不大于 ${max}`;
  return "";
}

/** How to fill a field's cell, in one sentence: its type, bounds, decimals or options. */
export function fillHint(field: FormField): string {
  const bounds = boundsText(field);
  const range = bounds ? `，范围 ${bounds}` : "";
  switch (field.type) {
    case "integer":
      return `填写整数${range}`;
    case "decimal":
    case "percent": {
      const places = field.decimals ?? null;
      const unit = field.type === "percent" ? "（百分数，如 95.5 表示 95.5%）" : "";
      return `填写数字${unit}${places !== null ? `，最多 ${places} 位小数` : ""}${range}`;
    }
    case "boolean":
      return "选择 是 或 否";
    case "choice":
      return `从下拉列表中选择：${(field.options ?? []).join("、")}`;
    case "multi_choice":
      return `可填多项，用「${MULTI_SEPARATOR}」分隔：${(field.options ?? []).join("、")}`;
    case "date":
      return "填写日期，如 2023-06-15";
    case "text":
      return bounds ? `填写文字，字数 ${bounds}` : "填写文字";
    default:
      return formFieldTypeLabels[field.type];
  }
}

/** The number format of a field's value cells. */
export function cellFormat(field: FormField): string {
  switch (field.type) {
    case "integer":
      return "0";
    case "decimal":
    case "percent": {
      const places = field.decimals ?? 2;
      return places > 0 ? `0.${"0".repeat(places)}` : "0";
    }
    case "date":
      return "yyyy-mm-dd";
    default:
      // Text keeps codes and dates typed as text from being turned into numbers.
      return "@";
  }
}

/** The "between" validation of a number or text length, with the field's bounds or wide defaults. */
function between(
  field: FormField,
  floor: number,
  ceiling: number,
): Pick<ExcelJS.DataValidation, "operator" | "formulae"> {
  return { operator: "between", formulae: [field.min ?? floor, field.max ?? ceiling] };
}

/**
 * The data validation of a field's value cells: Excel refuses what the upload would refuse, where Excel can tell
 * (type, bounds, options); the upload still checks everything, since validation is easily pasted over.
 * `listRange` is the field's options on the lists sheet (choice fields).
 */
export function cellValidation(field: FormField, listRange: string | null): ExcelJS.DataValidation | null {
  const hint = fillHint(field);
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: field.label.slice(0, 32),
    prompt: [hint, field.help ?? ""].filter(Boolean).join("。").slice(0, 255),
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "填写有误",
    error: `「${field.label}」${hint}`.slice(0, 255),
  } as const;
  switch (field.type) {
    case "integer":
      return { ...common, type: "whole", ...between(field, NUMBER_FLOOR, NUMBER_CEILING) };
    case "decimal":
    case "percent":
      return { ...common, type: "decimal", ...between(field, NUMBER_FLOOR, NUMBER_CEILING) };
    case "boolean":
      return { ...common, type: "list", formulae: ['"是,否"'] };
    case "choice":
      return listRange ? { ...common, type: "list", formulae: [listRange] } : null;
    case "date":
      return {
        ...common,
        type: "date",
        operator: "between",
        formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(9999, 11, 31))],
      };
    case "text":
      return { ...common, type: "textLength", ...between(field, 0, limits.textMax) };
    default:
      // A multiple choice cannot be a list in Excel: a length check carries the prompt that says how to write it.
      return { ...common, type: "textLength", operator: "between", formulae: [0, limits.textMax] };
  }
}

/** A stored value as the cell shows it: 是/否, options joined by 、, a date as a date, numbers as numbers. */
export function cellValueOf(field: FormField, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (field.type === "boolean") return value === true ? "是" : value === false ? "否" : String(value);
  if (field.type === "multi_choice" && Array.isArray(value)) return value.join(MULTI_SEPARATOR);
  if (field.type === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value))
    // Excel dates have no zone: exceljs writes a UTC midnight as that day.
    return new Date(`${value}T00:00:00Z`);
  if (typeof value === "number" || typeof value === "string") return value;
  return String(value);
}

/** The absolute reference of a column of options on the lists sheet, as a list validation names it. */
export function listReference(column: string, count: number): string {
  return `'${LISTS_SHEET}'!$${column}$1:$${column}$${Math.max(1, count)}`;
}
