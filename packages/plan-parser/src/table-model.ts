import { isInlineSpace } from "./chars.js";
import type { CellMerge, PlanLayout } from "./types.js";

/** A cell with merges resolved: a continued cell carries the range of the cell it continues. */
export interface TableCell {
  /** Input offsets of the cell's trimmed text (of the origin cell when merged). */
  start: number;
  end: number;
  merged: CellMerge;
}

/** A row of a table in the input. */
export interface TableRow {
  /** The name of the table the row is in (a table continued on the next page keeps its own name). */
  table: string;
  /** The row number in the source (1-based). */
  row: number;
  /** Input offsets of the whole line. */
  start: number;
  end: number;
  cells: TableCell[];
}

/** A table of the input: a Word table, an Excel sheet, or a block of tab-separated lines. */
export interface SourceTable {
  name: string;
  kind: "sheet" | "table";
  rows: TableRow[];
}

/**
 * The tables of the input: those the reader's layout names, or else blocks of tab-separated lines (pasted from
 * Word or Excel). Problems with merged cells are reported by table and row, and the offending merge dropped.
 */
export function readTables(input: string, layout: PlanLayout | null, problems: string[]): SourceTable[] {
  const lines = lineRanges(input);
  if (layout) return layout.tables.map((t) => fromLayout(input, lines, t, problems));
  return tabBlocks(input, lines);
}

function fromLayout(
  input: string,
  lines: [number, number][],
  t: PlanLayout["tables"][number],
  problems: string[],
): SourceTable {
  const rows: TableRow[] = [];
  for (const r of t.rows) {
    const line = lines[r.line];
    if (!line) continue;
    const cells = splitCells(input, line[0], line[1]);
    const merged = r.merged ?? [];
    const width = Math.max(cells.length, merged.length);
    const prev = rows[rows.length - 1];
    const out: TableCell[] = [];
    for (let i = 0; i < width; i++) {
      const own = cells[i] ?? { start: line[1], end: line[1], merged: null };
      const m = merged[i] ?? null;
      // A merge the source cannot have (up from the first row, left from the first column) is kept as an own cell.
      const origin = m === "up" ? prev?.cells[i] : m === "left" ? out[i - 1] : own;
      if (!origin) {
        problems.push(`${tableLabel(t)}第${r.row}行第${i + 1}列：合并单元格超出表格边界，已按独立单元格读取`);
        out.push(own);
        continue;
      }
      out.push(m ? { start: origin.start, end: origin.end, merged: m } : own);
    }
    rows.push({ table: t.name, row: r.row, start: line[0], end: line[1], cells: out });
  }
  return { name: t.name, kind: t.kind, rows };
}

/** Blocks of consecutive lines holding at least two tabs, named 表1, 表2 … in order. */
function tabBlocks(input: string, lines: [number, number][]): SourceTable[] {
  const tables: SourceTable[] = [];
  let current: TableRow[] | null = null;
  let first = 0;
  lines.forEach(([s, e], i) => {
    const tabs = countTabs(input, s, e);
    // A heading row (一、党的建设) pasted without tabs stays in the table when table rows follow it.
    const heading = current !== null && tabs < 2 && isHeadingLine(input, s, e) && nextIsRow(input, lines, i);
    if (tabs < 2 && !heading) {
      // A blank line inside a pasted table does not end it.
      if (current && !isBlank(input, s, e)) current = null;
      return;
    }
    if (!current) {
      current = [];
      first = i;
      tables.push({ name: `表${tables.length + 1}`, kind: "table", rows: current });
    }
    const name = tables[tables.length - 1]!.name;
    current.push({ table: name, row: i - first + 1, start: s, end: e, cells: splitCells(input, s, e) });
  });
  return tables;
}

const HEADING = /^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])/;

function isHeadingLine(input: string, s: number, e: number): boolean {
  return e - s <= 40 && HEADING.test(input.slice(s, e));
}

/** True when the next non-blank line holds at least two tabs. */
function nextIsRow(input: string, lines: [number, number][], i: number): boolean {
  for (let k = i + 1; k < lines.length; k++) {
    const [s, e] = lines[k]!;
    if (!isBlank(input, s, e)) return countTabs(input, s, e) >= 2;
  }
  return false;
}

function countTabs(input: string, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e && n < 2; i++) if (input.charCodeAt(i) === 9) n++;
  return n;
}

function isBlank(input: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++)
    if (!isInlineSpace(input.charCodeAt(i)) && input.charCodeAt(i) !== 13) return false;
  return true;
}

/** The tab-separated cells of `[s, e)`, trimmed; an empty cell sits at the end of its tab. */
function splitCells(input: string, s: number, e: number): TableCell[] {
  const out: TableCell[] = [];
  let from = s;
  for (let i = s; i <= e; i++) {
    if (i < e && input.charCodeAt(i) !== 9) continue;
    let a = from;
    let b = i;
    while (a < b && (isInlineSpace(input.charCodeAt(a)) || input.charCodeAt(a) === 13)) a++;
    while (b > a && (isInlineSpace(input.charCodeAt(b - 1)) || input.charCodeAt(b - 1) === 13)) b--;
    out.push({ start: a, end: b, merged: null });
    from = i + 1;
  }
  return out;
}

/** `[start, end)` of every line of the input, line breaks excluded. */
function lineRanges(input: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let i = 0; i <= input.length; i++) {
    if (i < input.length && input.charCodeAt(i) !== 10) continue;
    out.push([from, i]);
    from = i + 1;
  }
  return out;
}

/** How messages name a table: 工作表“重点任务” for an Excel sheet, 表2 for a Word or pasted table. */
export function tableLabel(t: { name: string; kind: "sheet" | "table" }): string {
  return t.kind === "sheet" ? `工作表“${t.name}”` : t.name;
}
