import type { PlanLayout } from "@duban/plan-parser";

/** A document read as lines, with its tables' rows pointing at indexes of `lines`. */
export interface DocumentLines {
  lines: string[];
  tables: PlanLayout["tables"];
}

// The line breaks `normaliseText` unifies: written as \n here first, so the count of lines never changes after.
const BREAKS = /\r\n?|[\u2028\u2029\f\v]/g;

/**
 * Joins the lines into the document text and points each table row at its line of that text (a paragraph may
 * hold soft line breaks, so an index of `lines` is not a line number).
 */
export function composeLines(doc: DocumentLines): { text: string; layout: PlanLayout | null } {
  const clean = doc.lines.map((l) => l.replace(BREAKS, "\n"));
  const lineOf: number[] = [];
  let n = 0;
  for (const l of clean) {
    lineOf.push(n);
    for (let i = l.indexOf("\n"); i >= 0; i = l.indexOf("\n", i + 1)) n++;
    n++;
  }
  const tables = doc.tables.map((t) => ({
    ...t,
    rows: t.rows.map((r) => ({ ...r, line: lineOf[r.line] ?? r.line })),
  }));
  return { text: clean.join("\n"), layout: tables.length ? { tables } : null };
}
