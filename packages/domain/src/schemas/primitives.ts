import { z } from "zod";
import { isPlanDate } from "../plans.js";
import { isCalendarDate } from "../rules/calendar.js";

/**
 * The years a date in Duban may fall in. Plans, due dates, visits and filters all belong to this century, so a
 * year outside it is a typo (or an attack) that would only surface later as a page nobody can open.
 */
export const dateYears = { min: 2000, max: 2100 } as const;

function yearInRange(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return year >= dateYears.min && year <= dateYears.max;
}

/** Whether a value is a real `YYYY-MM-DD` calendar day within `dateYears` ("2023-02-30" and "NaN" are not). */
export function isCalendarDateInRange(value: unknown): value is string {
  return typeof value === "string" && isCalendarDate(value) && yearInRange(value);
}

/** Whether a value is a real `YYYY`, `YYYY-MM` or `YYYY-MM-DD` plan date within `dateYears`. */
export function isPlanDateInRange(value: unknown): value is string {
  return typeof value === "string" && isPlanDate(value) && yearInRange(value);
}

const calendarDateMessage = `请填写 ${dateYears.min}–${dateYears.max} 年间真实存在的日期（YYYY-MM-DD）`;
const planDateMessage = `请填写 ${dateYears.min}–${dateYears.max} 年间真实存在的日期（YYYY、YYYY-MM 或 YYYY-MM-DD）`;
const timestampMessage = `请填写 ${dateYears.min}–${dateYears.max} 年间的时间（ISO 8601，如 2023-09-01T08:00:00.000Z）`;

// `abort` on the shape check: a value of the wrong shape gets one message, not a second one for its range.
/** A Shanghai calendar day, `YYYY-MM-DD`: every due date, deadline, visit date and date filter. */
export const calendarDateSchema = z.iso
  .date({ error: calendarDateMessage, abort: true })
  .refine(isCalendarDateInRange, { error: calendarDateMessage });

/**
 * A date as a 工作要点 states it: a year (`YYYY`), a month (`YYYY-MM`, "9月底前") or a day (`YYYY-MM-DD`);
 * readers take a coarse date to mean its last day.
 */
export const planDateSchema = z
  .string({ error: planDateMessage })
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, { error: planDateMessage, abort: true })
  .refine(isPlanDateInRange, { error: planDateMessage });

/** An instant as the API writes it (`Date.toISOString()`), e.g. the `updatedAt` a form was filled from. */
export const timestampSchema = z.iso
  .datetime({ error: timestampMessage, abort: true })
  .refine((v) => yearInRange(v) && !Number.isNaN(Date.parse(v)), { error: timestampMessage });

// A lone half of a UTF-16 surrogate pair: no character at all, and PostgreSQL cannot store it as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether a string holds a character no text field may carry: NUL (PostgreSQL refuses it in text) or a lone
 * surrogate. The server refuses such requests at the edge, whatever the field.
 */
export function hasUnstorableCharacter(value: string): boolean {
  return value.includes("\u0000") || LONE_SURROGATE.test(value);
}

/** The message of a field refused for `hasUnstorableCharacter`. */
export const unstorableCharacterMessage =
  "含有无法保存的字符（空字符或残缺的 Unicode 字符），请删除后重新输入";

// Tab, line breaks, vertical tab (Word's manual line break) and form feed (page break): spacing that pasted
// text carries. Carriage returns go first so that CR LF is one break.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const LINE_BREAKS = /\r\n?|[\u000B\u000C]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const SPACING_CONTROLS = /[\t\n\r\u000B\u000C]+/g;
// What is left of the C0 controls, DEL and the C1 controls: never meant as text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const STRAY_CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;

/**
 * Text from a file rather than a form (an upload's file name, a document's words), made storable: NUL and the
 * other stray control characters dropped, a lone surrogate shown as U+FFFD. Tabs and line breaks stay.
 */
export function storableText(value: string): string {
  return value.replace(STRAY_CONTROLS, "").replace(LONE_SURROGATES, "\uFFFD");
}

const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");

/**
 * One line of text (a name, a title, a search term), trimmed: a tab or line break inside becomes a space and
 * other control characters are dropped, since in one line they can only be a paste accident that would break
 * lists and exports. `error` is the message for a value that is not text at all.
 */
export function lineText(error?: string) {
  return z
    .string(error ? { error } : undefined)
    .overwrite((v) => v.replace(STRAY_CONTROLS, "").replace(SPACING_CONTROLS, " "))
    .trim()
    .refine((v) => !LONE_SURROGATE.test(v), { error: unstorableCharacterMessage });
}

/**
 * Text of several lines (a report, a reason, a pasted 工作要点): line breaks made `\n`, tabs kept, other control
 * characters dropped, so whatever a word processor pasted is stored as plain lines. `error` as for `lineText`.
 */
export function multilineText(error?: string) {
  return z
    .string(error ? { error } : undefined)
    .overwrite((v) => v.replace(LINE_BREAKS, "\n").replace(STRAY_CONTROLS, ""))
    .refine((v) => !LONE_SURROGATE.test(v), { error: unstorableCharacterMessage });
}
