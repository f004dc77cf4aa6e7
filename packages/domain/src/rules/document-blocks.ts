/**
 * One block of a drafted document's body, as the GB/T 9704 builder lays it out: 一级标题 "一、" (黑体), 二级标题
 * "（一）" (楷体), 三级标题 "1." (仿宋), a paragraph, or a table with one header row.
 */
export type DocumentBlock =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "table"; header: string[]; rows: string[][]; widths?: number[] };

const digits = "零一二三四五六七八九";

/** 1–99 in Chinese numerals as headings count: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五. */
export function chineseCount(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`cannot count ${n} in a heading`);
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : digits[tens]}十${ones ? digits[ones] : ""}`;
}

/** A 一级标题 of the n-th part: "一、考评依据和方法". */
export const partHeading = (n: number, text: string): DocumentBlock => ({
  kind: "heading",
  level: 1,
  text: `${chineseCount(n)}、${text}`,
});

/** A 二级标题 of the n-th subpart: "（一）科室". */
export const subpartHeading = (n: number, text: string): DocumentBlock => ({
  kind: "heading",
  level: 2,
  text: `（${chineseCount(n)}）${text}`,
});

/** A body paragraph. */
export const paragraph = (text: string): DocumentBlock => ({ kind: "paragraph", text });
