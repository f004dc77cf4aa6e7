import { isAsciiAlnum, isDigit, isHan } from "./chars.js";

/** A number with its unit as written in a clause: "2所以上", "2-4个", "30.1万亩", "100%全覆盖". */
export interface Quantity {
  start: number;
  /** End of the whole token including a trailing 以上/以内/全覆盖. */
  end: number;
  value: number;
  valueMax: number | null;
  /** Unit without 万/亿. */
  unit: string;
  /** 余/多 after the number ("30余场"): at least that many. */
  approx: boolean;
  suffix: "gte" | "lte" | "about" | null;
  /** Written as "100%全覆盖". */
  fullCover: boolean;
}

// Longest first, so 个百分点 wins over 个 and 平方米 over 米.
const UNITS = [
  "个百分点",
  "百分点",
  "平方公里",
  "平方米",
  "人次",
  "课时",
  "学时",
  "小时",
  "分钟",
  "公里",
  "千米",
  "公斤",
  "千克",
  ..."个所家场次人名元亩斤岁项件篇期批支门节天周台套部本册座处间张块辆位户班种类条倍吨米份首%‰".split(""),
];
const NUMBER = /\d+(?:,\d{3})*(?:\.\d+)?/y;
const RANGE = / ?(?:-|~|至|到) ?(\d+(?:\.\d+)?)/y;
const SUFFIX = /(?:及以上|以上|及以下|以下|以内|之内|左右)/y;
// "3个月", "5个工作日" are durations, not counts.
const NOT_COUNT = /^个(?:月|工作日|学期|年度|季度)/;

/** Parses the quantity starting at digit `i` (not after another digit), or null when it is no target. */
export function quantityAt(text: string, i: number, limit: number): Quantity | null {
  const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
  // Ordinals (第2批), codes (1+X, G20, 3:1) and the tails of ranges or decimals are not quantities.
  if (prev === 0x7b2c || prev === 0x2b || prev === 0x2e || prev === 0x3a || prev === 0x2f) return null;
  if (isAsciiAlnum(prev) || prev === 0x2d) return null;
  const n = sticky(NUMBER, text, i);
  if (!n) return null;
  let at = i + n[0].length;
  if (text[at] === "+" || text[at] === ":" || text[at] === "/") return null;
  let value = Number(n[0].replace(/,/g, ""));
  let valueMax: number | null = null;
  const r = sticky(RANGE, text, at);
  if (r) {
    valueMax = Number(r[1]);
    at += r[0].length;
  }
  let approx = false;
  let mult = 1;
  for (let k = 0; k < 3 && at < limit; k++) {
    const ch = text[at];
    if (ch === "余" || ch === "多") approx = true;
    else if (ch === "万" && mult === 1) mult = 1e4;
    else if (ch === "亿" && mult === 1) mult = 1e8;
    else break;
    at++;
  }
  if (text[at] === " ") at++;
  const unit = UNITS.find((u) => text.startsWith(u, at));
  if (!unit || at + unit.length > limit || NOT_COUNT.test(text.slice(at, at + 4))) return null;
  at += unit.length;
  const after = text.charCodeAt(at);
  // "3岁儿童", "00后": an age names a cohort, not a goal.
  if (unit === "岁" && isHan(after)) return null;
  let suffix: Quantity["suffix"] = null;
  const s = sticky(SUFFIX, text, at);
  if (s) {
    suffix = s[0] === "左右" ? "about" : s[0].endsWith("上") ? "gte" : "lte";
    at += s[0].length;
    // "500人以上的学校", "3岁以下婴幼儿": the range describes a group, it sets no target.
    if (isHan(text.charCodeAt(at)) && !text.startsWith("全覆盖", at)) return null;
  }
  const fullCover = unit === "%" && text.startsWith("全覆盖", at);
  if (fullCover) at += 3;
  value = scale(value, mult);
  if (valueMax !== null) valueMax = scale(valueMax, mult);
  if (valueMax !== null && valueMax <= value) valueMax = null;
  if (!Number.isFinite(value) || !isDigit(text.charCodeAt(i))) return null;
  return { start: i, end: at, value, valueMax, unit, approx, suffix, fullCover };
}

function scale(v: number, mult: number): number {
  // toPrecision removes binary noise such as 30.1 × 10000 = 301000.00000000006.
  return mult === 1 ? v : Number((v * mult).toPrecision(12));
}

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}
