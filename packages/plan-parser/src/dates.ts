import { isDigit } from "./chars.js";

/** How precise a date expression is; "end" marks a due-by wording such as 年底前 or 9月底前. */
export type DatePrecision = "year" | "month" | "day" | "end";

/** A date expression found in the canonical text, with its value as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export interface DateMatch {
  start: number;
  end: number;
  value: string;
  precision: DatePrecision;
}

const YEAR = /(\d{4}) ?年度?/y;
const MONTH = /(\d{1,2}) ?月(?:(\d{1,2}) ?日|份)?(底|末|中旬|上旬|下旬)?(前|以前|之前|内)?/y;
const YEAR_END = /(?:年底|年末|底|末)(?:前|以前|之前)?/y;
const HALF = /(上半年|下半年)(?:前|以前|之前|内)?/y;
const QUARTER = /第?([一二三四1-4])季度(?:末)?(?:前|内)?/y;
const WITHIN = /年?内/y;
const BARE_YEAR_END = /(?:年底|年末)(?:前|以前|之前)?/y;

/** Every date expression in `[s, e)` of the canonical text, in order; month-only dates take `planYear`. */
export function findDates(text: string, s: number, e: number, planYear: number | null): DateMatch[] {
  const out: DateMatch[] = [];
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    let m: DateMatch | null = null;
    if (isDigit(c) && !isDigit(prev) && prev !== 0x2e) {
      m = isSpanEnd(text, i) ? null : (yearDate(text, i) ?? (planYear ? monthDate(text, i, planYear) : null));
    } else if (planYear && (c === 0x5e74 || c === 0x4e0a || c === 0x4e0b || isQuarterStart(text, i))) {
      m = bareEnd(text, i, planYear);
    }
    if (m && m.end <= e) {
      out.push(m);
      i = m.end - 1;
    }
  }
  return out;
}

// 第三季度 / 三季度: a quarter named without a year takes the plan year, as 年底 does.
function isQuarterStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const at = c === 0x7b2c ? i + 1 : i;
  return "一二三四".includes(text[at] ?? "") && text.startsWith("季度", at + 1);
}

/** The deadline written in an annotation value such as 2024年年底前 or 6月底前, else null. */
export function parseDeadline(value: string, planYear: number | null): string | null {
  const found = findDates(value, 0, value.length, planYear);
  // With several dates (a period "2024年3月—6月"), the last one is the due date.
  return found.length ? found[found.length - 1]!.value : null;
}

// "2021—2025年": the second year closes a span (a plan period), which is not a due date.
function isSpanEnd(text: string, i: number): boolean {
  const p = text.charCodeAt(i - 1);
  return (p === 0x2d || p === 0x7e || p === 0x81f3) && i >= 2 && isDigit(text.charCodeAt(i - 2));
}

function yearDate(text: string, i: number): DateMatch | null {
  const y = sticky(YEAR, text, i);
  if (!y) return null;
  const year = Number(y[1]);
  if (year < 1900 || year > 2100) return null;
  const at = i + y[0].length;
  const month = monthDate(text, at, year);
  if (month) return { ...month, start: i };
  const end = sticky(YEAR_END, text, at) ?? sticky(BARE_YEAR_END, text, at);
  if (end) return { start: i, end: at + end[0].length, value: `${year}-12-31`, precision: "end" };
  const rest = halfOrQuarter(text, at, year);
  if (rest) return { ...rest, start: i };
  const within = sticky(WITHIN, text, at);
  return { start: i, end: at + (within ? within[0].length : 0), value: String(year), precision: "year" };
}

function monthDate(text: string, i: number, year: number): DateMatch | null {
  const m = sticky(MONTH, text, i);
  if (!m) return null;
  const month = Number(m[1]);
  if (month < 1 || month > 12) return null;
  const end = i + m[0].length;
  const mm = String(month).padStart(2, "0");
  if (m[2]) {
    const day = Number(m[2]);
    if (day < 1 || day > 31) return null;
    return { start: i, end, value: `${year}-${mm}-${String(day).padStart(2, "0")}`, precision: "day" };
  }
  if (m[3] === "底" || m[3] === "末" || m[3] === "下旬") {
    return { start: i, end, value: `${year}-${mm}-${lastDay(year, month)}`, precision: "end" };
  }
  return { start: i, end, value: `${year}-${mm}`, precision: m[4] ? "end" : "month" };
}

function bareEnd(text: string, i: number, year: number): DateMatch | null {
  const end = sticky(BARE_YEAR_END, text, i);
  if (end) return { start: i, end: i + end[0].length, value: `${year}-12-31`, precision: "end" };
  return halfOrQuarter(text, i, year);
}

function halfOrQuarter(text: string, i: number, year: number): DateMatch | null {
  const h = sticky(HALF, text, i);
  if (h) {
    const value = h[1] === "上半年" ? `${year}-06-30` : `${year}-12-31`;
    return { start: i, end: i + h[0].length, value, precision: "end" };
  }
  const q = sticky(QUARTER, text, i);
  if (!q) return null;
  const n = "一二三四".indexOf(q[1]!) + 1 || Number(q[1]);
  const month = n * 3;
  const value = `${year}-${String(month).padStart(2, "0")}-${lastDay(year, month)}`;
  return { start: i, end: i + q[0].length, value, precision: "end" };
}

function lastDay(year: number, month: number): string {
  return String(new Date(Date.UTC(year, month, 0)).getUTCDate());
}

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}
