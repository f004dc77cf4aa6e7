import type { FormField } from "@duban/domain";
import type ExcelJS from "exceljs";
import { fillHint } from "./field-cells.js";

/** A stored value of one field. */
export type FieldValue = number | boolean | string | string[] | null;

/** A cell read as a field's value, or what is wrong with it (said without the row and the field's name). */
export type CellReading = { ok: true; value: FieldValue } | { ok: false; message: string };

/** What a cell holds once formulas, rich text and links are taken to what Excel shows. */
type Plain = number | string | boolean | Date | null;

const fail = (message: string): CellReading => ({ ok: false, message });
const ok = (value: FieldValue): CellReading => ({ ok: true, value });

/** Milliseconds between Excel's day 0（1899-12-30, the 1900 leap-year bug included）and 1970-01-01. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A cell's shown value. A formula counts as its cached result — what the person saw in Excel when saving — so
 * `=B3+C3` is imported as its sum; a formula without a cached result (a file written by a program that does
 * not calculate) or with an error result is refused rather than guessed.
 */
function plainOf(value: ExcelJS.CellValue): Plain | { refused: string } {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== "object") return value as Plain;
  if ("error" in value) return { refused: `单元格是错误值 ${value.error}，请改为正确的值` };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null)
      return { refused: "使用了公式但文件中没有计算结果，请在 Excel 中重新计算并保存，或直接填写数值" };
    if (typeof result === "object" && !(result instanceof Date) && "error" in result)
      return { refused: `公式的结果是错误值 ${(result as { error: string }).error}，请改为正确的值` };
    return result as Plain;
  }
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("text" in value) return String((value as { text: unknown }).text);
  return String(value);
}

/** A Date cell as the day Excel shows（exceljs reads Excel's zone-less dates as UTC）. */
function dayOfDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "2023-06-15", "2023/6/15", "2023.6.15" and "2023年6月15日" as 2023-06-15, or null. */
function dayOfText(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // 2023-02-30 rolls over into March: not a day.
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return dayOfDate(date);
}

/** A number typed as text, with thousands separators and full-width digits tolerated, or null. */
function numberOfText(text: string): number | null {
  const t = text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, "")
    .replace(/^＋/, "+")
    .replace(/^－/, "-");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return Number(t);
}

/** The number of a numeric field's cell; a percent cell formatted as % holds the fraction, stored as 0–100. */
function readNumber(field: FormField, plain: Exclude<Plain, null>, numFmt: string): CellReading {
  let n: number | null = null;
  if (typeof plain === "number") n = field.type === "percent" && numFmt.includes("%") ? plain * 100 : plain;
  else if (typeof plain === "string") {
    const percent = field.type === "percent" && /[%％]\s*$/.test(plain);
    n = numberOfText(percent ? plain.replace(/[%％]\s*$/, "") : plain);
  }
  if (n === null || !Number.isFinite(n)) return fail(field.type === "integer" ? "应为整数" : "应为数字");
  // ×100 of a binary fraction leaves noise（0.955 × 100 = 95.49999…）: 10 places is far below any field's.
  n = Number(n.toFixed(10));
  if (field.type === "integer" && !Number.isInteger(n)) return fail("应为整数");
  return ok(n);
}

/** A choice-like field's text, as the cell shows it. */
function textOf(plain: Exclude<Plain, null>): string {
  if (plain instanceof Date) return dayOfDate(plain);
  if (typeof plain === "boolean") return plain ? "是" : "否";
  return String(plain).trim();
}

/** Reads one value cell as the field's stored value. Blank is null: whether that is allowed is the form's rule. */
export function readCell(field: FormField, cell: ExcelJS.Cell): CellReading {
  const plain = plainOf(cell.value);
  if (plain !== null && typeof plain === "object" && "refused" in plain) return fail(plain.refused);
  if (plain === null || (typeof plain === "string" && plain.trim() === "")) return ok(null);
  switch (field.type) {
    case "integer":
    case "decimal":
    case "percent":
      return readNumber(field, plain, cell.numFmt ?? "");
    case "boolean": {
      if (typeof plain === "boolean") return ok(plain);
      const text = textOf(plain);
      if (text === "是") return ok(true);
      if (text === "否") return ok(false);
      return fail("应为「是」或「否」");
    }
    case "date": {
      if (plain instanceof Date) return ok(dayOfDate(plain));
      // A date typed into a cell without a date format arrives as Excel's day number.
      if (typeof plain === "number" && plain > 0 && plain < 2958466)
        return ok(dayOfDate(new Date(EXCEL_EPOCH_MS + Math.round(plain) * 86_400_000)));
      const day = typeof plain === "string" ? dayOfText(plain.trim()) : null;
      return day ? ok(day) : fail(`应为日期，${fillHint(field).replace(/^填写日期，/, "")}`);
    }
    case "multi_choice":
      return ok(
        textOf(plain)
          .split(/[、，,;；\n]/)
          .map((s) => s.trim())
          .filter(Boolean),
      );
    default:
      return ok(textOf(plain));
  }
}

/** Whether a cell is blank as far as filling is concerned. */
export function isBlankCell(cell: ExcelJS.Cell): boolean {
  const plain = plainOf(cell.value);
  return plain === null || (typeof plain === "string" && plain.trim() === "");
}
