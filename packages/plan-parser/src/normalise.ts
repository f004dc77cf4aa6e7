import { CANONICAL, isAsciiAlnum, isInlineSpace, isLineBreak } from "./chars.js";
import { findWrapWidth, isFullLine, type LineInfo, scanLines, startsStructurally } from "./lines.js";

/** A paragraph of the canonical text: `[start, end)` offsets, plus cell ranges when it is a table row. */
export interface Paragraph {
  start: number;
  end: number;
  cells: [number, number][] | null;
}

/**
 * The canonical text the scanners read, with the way back to the input.
 * `text[i]` came from `input[map[i]]`; `gap[i]` is 1 when whitespace was dropped just before `text[i]`.
 */
export interface SourceText {
  input: string;
  text: string;
  map: Int32Array;
  gap: Uint8Array;
  paragraphs: Paragraph[];
}

/**
 * Folds the input to one canonical form (ASCII digits and brackets, simplified characters), drops
 * indentation and stray spaces, and re-joins hard-wrapped lines (unless `rejoin` is false), keeping an offset
 * map to the input.
 */
export function normalise(input: string, options: { rejoin?: boolean } = {}): SourceText {
  const lines = scanLines(input);
  // A table cell is never hard-wrapped, and measuring the wrap width costs more than a cell's whole text.
  const wrapWidth = options.rejoin === false ? { width: 0, count: 0 } : findWrapWidth(lines);
  const out = new Builder(input);
  let prev: LineInfo | null = null;
  for (const line of lines) {
    if (line.blank) continue;
    if (line.cells) {
      out.openParagraph(prev);
      out.emitCells(line.cells);
      prev = null;
      continue;
    }
    // A hard-wrapped line is full width and stops mid-sentence; the next one then continues it.
    const joins =
      prev !== null &&
      isFullLine(prev, wrapWidth) &&
      !prev.endsSentence &&
      !startsStructurally(input, line.start, line.end);
    if (!joins) out.openParagraph(prev);
    out.emitRange(line.start, line.end);
    prev = line;
  }
  return out.finish();
}

/** Accumulates canonical code units and their input offsets. */
class Builder {
  private readonly buf: Uint16Array;
  private readonly map: Int32Array;
  private readonly gap: Uint8Array;
  private len = 0;
  private paraStart = -1;
  private cells: [number, number][] | null = null;
  private readonly paragraphs: Paragraph[] = [];

  constructor(private readonly input: string) {
    // The canonical text never grows: every emitted unit consumes at least one input unit.
    this.buf = new Uint16Array(input.length + 1);
    this.map = new Int32Array(input.length + 1);
    this.gap = new Uint8Array(input.length + 1);
  }

  openParagraph(prev: LineInfo | null): void {
    this.closeParagraph();
    if (this.len > 0) {
      // The separator maps to the first unit after the previous paragraph's content.
      this.push(10, prev ? prev.end : this.map[this.len - 1]! + 1);
    }
    this.paraStart = this.len;
  }

  emitRange(start: number, end: number): void {
    const { input } = this;
    let pendingSpace = -1;
    for (let i = start; i < end; i++) {
      const c = input.charCodeAt(i);
      if (isInlineSpace(c) || isLineBreak(c)) {
        if (pendingSpace < 0) pendingSpace = i;
        continue;
      }
      const f = CANONICAL[c]!;
      if (pendingSpace >= 0) {
        this.flushSpace(pendingSpace, f);
        pendingSpace = -1;
      }
      this.push(f, i);
    }
  }

  emitCells(cells: [number, number][]): void {
    const out: [number, number][] = [];
    cells.forEach(([s, e], k) => {
      if (k > 0) this.push(9, s - 1);
      const cellStart = this.len;
      this.emitRange(s, e);
      out.push([cellStart, this.len]);
    });
    this.cells = out;
  }

  finish(): SourceText {
    this.closeParagraph();
    this.map[this.len] = this.input.length;
    return {
      input: this.input,
      text: decode(this.buf, this.len),
      map: this.map.subarray(0, this.len + 1),
      gap: this.gap.subarray(0, this.len + 1),
      paragraphs: this.paragraphs,
    };
  }

  private flushSpace(at: number, next: number): void {
    const inPara = this.len > this.paraStart;
    // Spaces between Han characters are PDF noise; beside digits or Latin they may separate tokens
    // (a bare "1 " marker, "Word 2010"), so one is kept there.
    if (inPara && (isAsciiAlnum(this.buf[this.len - 1]!) || isAsciiAlnum(next))) this.push(32, at);
    else this.gap[this.len] = 1;
  }

  private push(unit: number, from: number): void {
    this.buf[this.len] = unit;
    this.map[this.len] = from;
    this.len++;
  }

  private closeParagraph(): void {
    if (this.paraStart < 0) return;
    if (this.len > this.paraStart) {
      this.paragraphs.push({ start: this.paraStart, end: this.len, cells: this.cells });
    }
    this.paraStart = -1;
    this.cells = null;
  }
}

// One native call; a lone surrogate decodes to U+FFFD, still one unit, so offsets do not move.
const UTF16 = new TextDecoder("utf-16le");

function decode(buf: Uint16Array, len: number): string {
  return UTF16.decode(buf.subarray(0, len));
}
