import { CANONICAL, isInlineSpace, isLineBreak } from "./chars.js";

/** One physical line of the input, trimmed of indentation, with what the joiner needs to know about it. */
export interface LineInfo {
  /** Input offsets of the trimmed content. */
  start: number;
  end: number;
  blank: boolean;
  /** Display width: Han and full-width characters count 2, ASCII 1, spaces 0. */
  width: number;
  /** Characters other than spaces, for text wrapped by character count rather than by width. */
  count: number;
  /** The line ends with 。！？；： — a hard wrap never follows it. */
  endsSentence: boolean;
  /** Input ranges of the cells when the line is a table row pasted as text. */
  cells: [number, number][] | null;
}

/** Splits the input into physical lines and measures the non-blank ones; linear in the input length. */
export function scanLines(input: string): LineInfo[] {
  const lines: LineInfo[] = [];
  const n = input.length;
  let i = 0;
  while (i <= n) {
    let j = i;
    while (j < n && !isLineBreak(input.charCodeAt(j))) j++;
    const line = measureLine(input, i, j);
    // Blank lines carry nothing the joiner or the wrap estimate needs, so they are not kept.
    if (!line.blank) lines.push(line);
    // CR LF counts as one break; a lone CR (old Mac files, some PDF extractors) as one too.
    if (j < n && input.charCodeAt(j) === 13 && input.charCodeAt(j + 1) === 10) j++;
    i = j + 1;
  }
  return lines;
}

function measureLine(input: string, from: number, to: number): LineInfo {
  let start = from;
  let end = to;
  while (start < end && isInlineSpace(input.charCodeAt(start))) start++;
  while (end > start && isInlineSpace(input.charCodeAt(end - 1))) end--;
  let width = 0;
  let count = 0;
  let hasSeparator = false;
  let run = 0;
  for (let k = start; k < end; k++) {
    const c = input.charCodeAt(k);
    if (isInlineSpace(c)) {
      run++;
      if (c === 9 || run >= 2) hasSeparator = true;
      continue;
    }
    run = 0;
    if (c === 0x7c || c === 0xff5c) hasSeparator = true;
    width += c < 0x80 ? 1 : 2;
    count++;
  }
  const last = end > start ? CANONICAL[input.charCodeAt(end - 1)]! : 0;
  const blank =
    width === 0 || isRuleLine(input, start, end) || (width <= 24 && isPageNumber(input, start, end));
  return {
    start,
    end,
    blank,
    width,
    count,
    endsSentence: last === 0x3002 || last === 0x21 || last === 0x3f || last === 0x3b || last === 0x3a,
    cells: hasSeparator && !blank ? splitCells(input, start, end) : null,
  };
}

// PDF page furniture such as "— 3 —", "- 12 -" or "第 3 页 共 10 页" interrupts the text, not ends it.
const PAGE_NUMBER =
  /^(?:[-—－–\s]*[\d０-９]{1,3}[-—－–\s]*|第\s*[\d０-９]{1,3}\s*页(?:\s*[,，/]?\s*共\s*[\d０-９]{1,3}\s*页)?)$/;

function isPageNumber(input: string, start: number, end: number): boolean {
  return PAGE_NUMBER.test(input.slice(start, end));
}

// A Markdown table rule such as |---|:--| carries no content.
function isRuleLine(input: string, start: number, end: number): boolean {
  let dashes = 0;
  for (let k = start; k < end; k++) {
    const c = input.charCodeAt(k);
    if (c === 0x2d) dashes++;
    else if (!(c === 0x7c || c === 0x3a || c === 0x2b || isInlineSpace(c))) return false;
  }
  return dashes >= 3;
}

const ROW_HEAD = /^(?:\d{1,3}[.、]?|[０-９]{1,3}[．.、]?|序号|编号|序號|编 号)$/;

// Cells of a table row (tab, bar or wide-space separated, first cell a sequence number), else null.
function splitCells(input: string, start: number, end: number): [number, number][] | null {
  const cells: [number, number][] = [];
  let cellStart = -1;
  let lastContent = -1;
  let run = 0;
  const close = (): void => {
    if (cellStart >= 0) cells.push([cellStart, lastContent + 1]);
    cellStart = -1;
  };
  for (let k = start; k < end; k++) {
    const c = input.charCodeAt(k);
    const bar = c === 0x7c || c === 0xff5c;
    if (bar || c === 9) {
      close();
      run = 0;
      continue;
    }
    if (isInlineSpace(c)) {
      run++;
      if (run === 2) close();
      continue;
    }
    run = 0;
    if (cellStart < 0) cellStart = k;
    lastContent = k;
  }
  close();
  if (cells.length < 3) return null;
  const head = input.slice(cells[0]![0], cells[0]![1]);
  return ROW_HEAD.test(head) ? cells : null;
}

/** How a document was hard-wrapped: the full line width and character count, 0 when not wrapped that way. */
export interface WrapWidth {
  width: number;
  count: number;
}

/**
 * The width at which the document was hard-wrapped (PDF text): the value shared, within a few
 * columns, by at least three lines and 30% of the long lines. Extractors wrap by display width
 * (ASCII half-width) or by character count, so both are measured.
 */
export function findWrapWidth(lines: LineInfo[]): WrapWidth {
  return { width: modalWidth(lines, (l) => l.width, 20, 5), count: modalWidth(lines, (l) => l.count, 10, 3) };
}

/** True when a line fills the wrap width, so a hard wrap may follow it. */
export function isFullLine(l: LineInfo, w: WrapWidth): boolean {
  return (w.width > 0 && l.width >= w.width - 4) || (w.count > 0 && l.count >= w.count - 2);
}

function modalWidth(lines: LineInfo[], measure: (l: LineInfo) => number, min: number, slack: number): number {
  const MAX = 4000;
  const hist = new Int32Array(MAX + 1);
  let long = 0;
  for (const l of lines) {
    const w = measure(l);
    if (l.blank || l.cells || w < min || w > MAX) continue;
    hist[w]!++;
    long++;
  }
  let best = 0;
  let bestWidth = 0;
  let window = 0;
  for (let w = min; w <= MAX; w++) {
    window += hist[w]!;
    if (w - slack >= min) window -= hist[w - slack]!;
    if (window >= best) {
      best = window;
      bestWidth = w;
    }
  }
  if (best < 3 || best * 10 < long * 3) return 0;
  // Wrapped text never runs past its wrap width; a document with many longer lines is not wrapped.
  let longer = 0;
  for (let w = bestWidth + slack; w <= MAX; w++) longer += hist[w]!;
  return longer * 10 <= long ? bestWidth : 0;
}

const STRUCTURAL =
  /^(?:\d{1,3} ?[.、．](?!\d)|[一二三四五六七八九十]{1,3}[、.]|\(|[①-⑳⑴-⒇]|责任|牵头|配合|完成时限|附件)/;

/** True when a line opens with a numbering marker or an annotation, so it never continues a wrapped line. */
export function startsStructurally(input: string, start: number, end: number): boolean {
  let head = "";
  for (let k = start; k < end && head.length < 8; k++) {
    const c = input.charCodeAt(k);
    if (!isInlineSpace(c)) head += String.fromCharCode(CANONICAL[c]!);
  }
  return STRUCTURAL.test(head);
}
