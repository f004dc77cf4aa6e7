/**
 * Numbering styles in their conventional 公文 order: 一、 above （一） above 1. above （1） above ①.
 * The value is the canonical rank used to nest them.
 */
export const Style = { cnDun: 0, cnParen: 1, ar: 2, arParen: 3, circ: 4 } as const;

/** One of the numbering styles, as its canonical rank. */
export type StyleRank = (typeof Style)[keyof typeof Style];

/** A numbering marker recognised at a position of the canonical text. */
export interface Marker {
  style: StyleRank;
  number: number;
  /** Canonical offsets of the label as written ("1.", "（一）"). */
  start: number;
  labelEnd: number;
  /** Where the content starts, after the label and any spaces or a doubled 、. */
  contentStart: number;
  /** A bare number followed by a space ("1 持续…"), which needs stronger evidence to be accepted. */
  bare: boolean;
}

const CN_DIGITS = "零一二三四五六七八九";

// The value of a Chinese numeral up to 99 (一, 十, 十二, 二十, 二十三), or 0 when it is not one.
function chineseNumber(s: string): number {
  if (s.length === 0 || s.length > 3) return 0;
  const ten = s.indexOf("十");
  if (ten < 0) return s.length === 1 ? Math.max(0, CN_DIGITS.indexOf(s)) : 0;
  const tens = ten === 0 ? 1 : CN_DIGITS.indexOf(s.slice(0, ten));
  const units = ten === s.length - 1 ? 0 : CN_DIGITS.indexOf(s.slice(ten + 1));
  return tens > 0 && units >= 0 ? tens * 10 + units : 0;
}

// Sticky patterns: each is tried only where a marker may begin, so the scan stays linear.
const CN_DUN = /([一二三四五六七八九十]{1,3})[、.]/y;
const CN_PAREN = /\(([一二三四五六七八九十]{1,3})\)[、.]?/y;
const AR = /(\d{1,3}) ?[.、](?![\d.])/y;
const AR_BARE = /(\d{1,2}) (?=[^\d\s.%])/y;
const AR_PAREN = /(?:\((\d{1,2})\)|(\d{1,2})\)(?!\d))[、.]?/y;

/** Recognises a numbering marker at `at` in the canonical text, or returns null. */
export function markerAt(text: string, at: number): Marker | null {
  const c = text.charCodeAt(at);
  if (c >= 0x2460 && c <= 0x2473) return finish(text, Style.circ, c - 0x2460 + 1, at, at + 1, false);
  if (c >= 0x2474 && c <= 0x2487) return finish(text, Style.arParen, c - 0x2474 + 1, at, at + 1, false);
  if (c === 0x28) {
    const m = exec(CN_PAREN, text, at) ?? exec(AR_PAREN, text, at);
    if (!m) return null;
    const style = m[1] && !/\d/.test(m[1]) ? Style.cnParen : Style.arParen;
    const num = style === Style.cnParen ? chineseNumber(m[1]!) : Number(m[1] ?? m[2]);
    return finish(text, style, num, at, at + m[0].length, false);
  }
  if (c >= 0x30 && c <= 0x39) {
    const m = exec(AR, text, at);
    if (m) return finish(text, Style.ar, Number(m[1]), at, at + m[0].length, false);
    const p = exec(AR_PAREN, text, at);
    if (p) return finish(text, Style.arParen, Number(p[2]), at, at + p[0].length, false);
    const b = exec(AR_BARE, text, at);
    if (b && !isUnitStart(text.charCodeAt(at + b[0].length))) {
      return finish(text, Style.ar, Number(b[1]), at, at + b[0].length - 1, true);
    }
    return null;
  }
  const m = exec(CN_DUN, text, at);
  if (m) return finish(text, Style.cnDun, chineseNumber(m[1]!), at, at + m[0].length, false);
  return null;
}

function exec(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

// A bare number followed by a unit ("3 所") is a quantity, never a marker.
const UNIT_STARTS = new Set(
  "个所家场次人名元亩斤岁小项件年月日天周万亿%".split("").map((s) => s.charCodeAt(0)),
);

function isUnitStart(c: number): boolean {
  return UNIT_STARTS.has(c);
}

function finish(
  text: string,
  style: StyleRank,
  number: number,
  start: number,
  labelEnd: number,
  bare: boolean,
): Marker | null {
  if (number <= 0) return null;
  let contentStart = labelEnd;
  // Headings such as "一、  坚持…" or "（一）、加强…" carry extra spaces or a second 、 after the label.
  while (contentStart < text.length) {
    const c = text.charCodeAt(contentStart);
    if (c === 0x20 || c === 0x3001) contentStart++;
    else break;
  }
  return { style, number, start, labelEnd, contentStart, bare };
}
