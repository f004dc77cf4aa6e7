import {
  findInlineAnnotations,
  findTrailingAnnotations,
  parseAnnotation,
  parseUnits,
} from "./annotations.js";
import { parseDeadline } from "./dates.js";
import { extractCommitments } from "./extract.js";
import { exCtx, leadPhrase, type NodeContext } from "./lead.js";
import { sentenceMeasures } from "./measures.js";
import { normalise, type SourceText } from "./normalise.js";
import { cleanSlice } from "./source.js";
import type { Measure, Milestone, Owners, Target } from "./types.js";

/** Document-wide facts a table cell is read with (a NodeContext without its text). */
export type TableContext = Omit<NodeContext, "src">;

/**
 * The canonical text of one cell, mapped back to the whole input: the prose scanners read it as a document of
 * its own, and every span they return already points into the input.
 */
export function cellSource(input: string, start: number, end: number): SourceText {
  const sub = normalise(input.slice(start, end), { rejoin: false });
  const map = new Int32Array(sub.map.length);
  for (let i = 0; i < map.length; i++) map[i] = sub.map[i]! + start;
  return { ...sub, input, map };
}

/** What a task cell says: its lead phrase as title, the sentences after it, and a trailing responsibility note. */
export interface TaskCell {
  title: string;
  measures: Measure[];
  owners: Owners | null;
  deadline: string | null;
  /** Canonical ranges of the notes, left out of targets and milestones. */
  notes: [number, number][];
  src: SourceText;
}

/** Reads a task cell such as "推进智慧校园建设。组织培训。（电教站牵头，各校配合）". */
export function readTaskCell(ctx: TableContext, start: number, end: number, input: string): TaskCell {
  const src = cellSource(input, start, end);
  const n = src.text.length;
  const notes = [...findInlineAnnotations(src.text, 0, n), ...findTrailingAnnotations(src.text, 0, n)].sort(
    (a, b) => a[0] - b[0],
  );
  const lead: string[] = [];
  const co: string[] = [];
  let deadline: string | null = null;
  for (const [a, b] of notes) {
    const r = parseAnnotation(src, a, b, ctx.planYear);
    lead.push(...(r.owners?.lead ?? []));
    co.push(...(r.owners?.co ?? []));
    deadline = r.deadline ?? deadline;
  }
  const owners: Owners | null = lead.length || co.length ? { lead, co } : null;
  const lp = leadPhrase(src.text, 0, n, notes);
  const title = cleanSlice(src, lp[0], lp[1]).replace(/[:;,：；，、]+$/, "");
  return { title, measures: sentenceMeasures(src, lp[2], n, notes), owners, deadline, notes, src };
}

/** The unit names of a 牵头 / 配合 / 责任单位 cell, as written. */
export function cellUnits(input: string, start: number, end: number): string[] {
  if (end <= start) return [];
  const src = cellSource(input, start, end);
  return parseUnits(src, 0, src.text.length);
}

// Work that runs all year (长期坚持, 常态化) or recurs (每季度, 每学期) is due, within an annual plan, at its end.
const ALL_YEAR = /长期|持续|常态|全年|经常|随时|定期|每[年季月周学天日]|按季|按月|逐月|贯穿/;

/** The due date a 完成时限 cell states ("2023年6月底前", "长期坚持", "每季度"), or null. */
export function cellDeadline(
  input: string,
  start: number,
  end: number,
  planYear: number | null,
): string | null {
  if (end <= start) return null;
  const src = cellSource(input, start, end);
  const found = parseDeadline(src.text, planYear);
  if (found) return found;
  return planYear && ALL_YEAR.test(src.text) ? `${planYear}-12-31` : null;
}

/** The date a 完成时限 cell names ("2023年6月底前"), recurring and year-long wording aside, or null. */
export function cellDate(input: string, start: number, end: number, planYear: number | null): string | null {
  return end > start ? parseDeadline(cellSource(input, start, end).text, planYear) : null;
}

/** The targets and milestones of a cell, dated by the row's deadline when the cell names none. */
export function cellCommitments(
  ctx: TableContext,
  cell: { start: number; end: number; src?: SourceText; notes?: [number, number][] },
  fallback: { deadline: string | null; title: string },
  input: string,
): { targets: Target[]; milestones: Milestone[] } {
  if (!ctx.commitments || cell.end <= cell.start) return { targets: [], milestones: [] };
  const src = cell.src ?? cellSource(input, cell.start, cell.end);
  const nc: NodeContext = { ...ctx, src };
  return extractCommitments(
    exCtx(nc, fallback.deadline, fallback.title),
    0,
    src.text.length,
    cell.notes ?? [],
  );
}

/** A measure cell's text as one measure, with its lead phrase as a short title. */
export function cellMeasure(input: string, start: number, end: number): { measure: Measure; title: string } {
  const src = cellSource(input, start, end);
  const lp = leadPhrase(src.text, 0, src.text.length, []);
  const title = cleanSlice(src, lp[0], lp[1]).replace(/[:;,：；，、]+$/, "");
  return { measure: { text: input.slice(start, end), span: [start, end] }, title };
}

/** Compares due dates: a bare year means its last day. */
export function laterDate(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  const key = (d: string): string => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-99` : d);
  return key(b) > key(a) ? b : a;
}
