import { type Marker, markerAt, Style, type StyleRank } from "./markers.js";
import type { SourceText } from "./normalise.js";

/** What a segment of body text is. */
export type SegmentKind = "text" | "annotation" | "blockLabel" | "row" | "tableHeader";

/** A run of canonical text inside one paragraph, opened by an accepted marker or by the paragraph start. */
export interface Segment {
  kind: SegmentKind;
  start: number;
  end: number;
  marker: Marker | null;
  /** Canonical cell ranges for table rows. */
  cells: [number, number][] | null;
  /** For a block label, where its heading ends ("1.主要目标指标：" — after the colon). */
  headEnd: number;
}

const ANNOTATION_LINE =
  /^\(?(?:责任|牵头|主责|主办|配合|协办|协同|参与单位|完成时限|完成时间|时间节点|时限)[^:。]{0,24}:/;
const ANNOTATION_PAREN = /^\([^()]{0,120}(?:牵头|负责|配合|协办)[^()]{0,40}\)[。;]?$/;
// 1./2. used as block labels inside a （一） item in four-level plans (主要目标指标 / 重点工作举措).
const BLOCK_LABEL =
  /^(?:主要|工作|重点|具体|保障|年度|核心)?(?:目标|指标|任务|举措|措施|工作)(?:指标|任务|举措|措施|要求|内容|目标)?$/;

/**
 * Splits the body paragraphs into segments at accepted markers: a marker at a paragraph start is
 * taken when its number fits the sequence loosely, one in mid-line (after 。 or a space, as in
 * flattened text) only when it is exactly the next number, so stray numbers in prose are not headings.
 */
export function segmentBody(src: SourceText, bodyStart: number, warnings: string[]): Segment[] {
  const seq = new Sequencer(warnings);
  const out: Segment[] = [];
  const { text, gap } = src;
  for (const p of src.paragraphs) {
    if (p.end <= bodyStart) continue;
    const start = Math.max(p.start, bodyStart);
    if (p.cells) {
      out.push(tableSegment(text, p.start, p.end, p.cells));
      continue;
    }
    let segStart = start;
    let marker = acceptAt(seq, text, start, true);
    for (let i = start + 1; i < p.end; i++) {
      const prev = text.charCodeAt(i - 1);
      const weak = isStop(prev) || prev === 0x20 || gap[i] === 1;
      if (!weak || !mayStartMarker(text.charCodeAt(i))) continue;
      const m = markerAt(text, i);
      // A bare "5 " in mid-line is a marker only right after a full stop ("…。 5 加强…").
      if (!m || (m.bare && !(isStop(prev) || (prev === 0x20 && isStop(text.charCodeAt(i - 2)))))) continue;
      if (!seq.accept(m, false)) continue;
      out.push(classify(text, segStart, i, marker));
      segStart = i;
      marker = m;
    }
    out.push(classify(text, segStart, p.end, marker));
  }
  return out;
}

const CN_NUMERALS = new Set([..."一二三四五六七八九十"].map((ch) => ch.charCodeAt(0)));

function mayStartMarker(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x28 || (c >= 0x2460 && c <= 0x2487) || CN_NUMERALS.has(c);
}

function isStop(c: number): boolean {
  return c === 0x3002 || c === 0x3b || c === 0x21 || c === 0x3f;
}

function acceptAt(seq: Sequencer, text: string, at: number, strong: boolean): Marker | null {
  const m = markerAt(text, at);
  return m && seq.accept(m, strong) ? m : null;
}

function classify(text: string, start: number, end: number, marker: Marker | null): Segment {
  let kind: SegmentKind = "text";
  let headEnd = marker ? marker.contentStart : start;
  if (marker === null) {
    const head = text.slice(start, Math.min(end, start + 200));
    if (ANNOTATION_LINE.test(head) || (end - start <= 200 && ANNOTATION_PAREN.test(head)))
      kind = "annotation";
  } else if (marker.style === Style.ar) {
    const head = text.slice(marker.contentStart, Math.min(end, marker.contentStart + 12));
    const title = head.split(/[:。]/, 1)[0] ?? "";
    if (BLOCK_LABEL.test(title)) {
      kind = "blockLabel";
      headEnd = Math.min(end, marker.contentStart + title.length + (head.length > title.length ? 1 : 0));
    }
  }
  return { kind, start, end, marker, cells: null, headEnd };
}

function tableSegment(text: string, start: number, end: number, cells: [number, number][]): Segment {
  const first = text.slice(cells[0]![0], cells[0]![1]);
  const num = Number.parseInt(first, 10);
  if (!Number.isFinite(num)) return { kind: "tableHeader", start, end, marker: null, cells, headEnd: start };
  const marker: Marker = {
    style: Style.ar,
    number: num,
    start: cells[0]![0],
    labelEnd: cells[0]![1],
    contentStart: cells[1]![0],
    bare: false,
  };
  return { kind: "row", start, end, marker, cells, headEnd: marker.contentStart };
}

/** Tracks the last number of each style to decide whether a candidate marker continues a sequence. */
class Sequencer {
  private readonly last: (number | null)[] = [null, null, null, null, null];
  private readonly reset: boolean[] = [false, false, false, false, false];
  private gaps = 0;

  constructor(private readonly warnings: string[]) {}

  accept(m: Marker, strong: boolean): boolean {
    const s: StyleRank = m.style;
    const last = this.last[s]!;
    const restart = m.number === 1 && (last === null || this.reset[s]!);
    let ok: boolean;
    if (last === null) ok = strong ? !m.bare || m.number <= 30 : m.number === 1;
    else if (m.number === last + 1 || restart) ok = true;
    // Numbering that runs straight through sections continues after a higher-level heading.
    else if (strong && this.reset[s] && m.number > last) ok = !m.bare;
    // A skipped number at a line start is more likely a typo than prose; accept and warn.
    else if (strong && !m.bare && m.number > last + 1 && m.number <= last + 3) {
      ok = true;
      if (this.gaps++ < 20) this.warnings.push(`编号不连续：${last} 之后是 ${m.number}，请核对是否漏项`);
    } else ok = false;
    if (!ok) return false;
    this.last[s] = m.number;
    this.reset[s] = false;
    for (let r = s + 1; r < this.reset.length; r++) this.reset[r] = true;
    return true;
  }
}
