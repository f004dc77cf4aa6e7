// GB/T 9704-2012《党政机关公文格式》 measures in Word's units: twips (1/20 pt) for lengths, half-points for font sizes.
// No docx here: the server's thread imports this module (for `chineseDate`) and never loads docx, which only the
// document worker does (`text-run.ts` and the builders).

/** Twips in one millimetre (1 inch = 25.4 mm = 1440 twips). */
const TWIPS_PER_MM = 1440 / 25.4;

/** Millimetres to whole twips. */
export const mm = (millimetres: number): number => Math.round(millimetres * TWIPS_PER_MM);

/** A4 portrait and the standard's margins: 天头 37 mm, 订口 28 mm, the 156 × 225 mm 版心 between. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
} as const;

/** The 版心's width and height in twips. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const TEXT_HEIGHT = PAGE.height - PAGE.margin.top - PAGE.margin.bottom;

/** The standard's type sizes (字号) in points. */
export const SIZE = { 二号: 22, 三号: 16, 四号: 14, 小四: 12 } as const;

/** Font names as Chinese offices have them installed; LibreOffice falls back to any CJK font it has. */
export const FONT = {
  小标宋: "方正小标宋简体",
  仿宋: "仿宋_GB2312",
  黑体: "黑体",
  楷体: "楷体_GB2312",
  宋体: "宋体",
} as const;

/** The colour of the 版头: the issuer mark and the separator line are printed red. */
export const RED = "FF0000";

/**
 * 22 lines of 28 characters of 3号 type. The lines are a line grid (docGrid "lines", 579 twips a line). The 28
 * characters come from drawing each character a quarter point closer (28 × 16 pt is a little wider than 156 mm):
 * on a character grid narrower than the type LibreOffice gives every character two cells, 14 to a line.
 */
export const GRID = {
  lines: 22,
  chars: 28,
  linePitch: Math.floor(TEXT_HEIGHT / 22),
  /** Character spacing in twips (w:spacing of a run): 16 pt less this fits 28 times into the 版心. */
  characterSpacing: Math.floor(TEXT_WIDTH / 28) - SIZE.三号 * 20,
} as const;

/** One character of 3号 type on the grid, in twips: what "空二字" and "右空四字" are counted in. */
export const CHAR = SIZE.三号 * 20 + GRID.characterSpacing;

/** The run fonts for a name: every script slot, East Asian first, so no slot falls back to a Latin default. */
export function fontOf(name: string) {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: "eastAsia" } as const;
}

/** "2023-06-15" as the standard writes a 成文日期 since 2012: "2023年6月15日", Arabic numerals without leading zeros. */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`not a date: ${isoDate}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The paragraph style of text in tables (body tables and the 版记): off the line grid, see `docx-finish.ts`. */
export const TABLE_TEXT_STYLE = "TableText";
