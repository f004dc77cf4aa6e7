import type { TableContext } from "./table-cells.js";
import type { TableHeader } from "./table-header.js";
import { findHeader } from "./table-header.js";
import { readTables, type SourceTable, tableLabel } from "./table-model.js";
import { tableNodes } from "./table-rows.js";
import type { PlanLayout, PlanNode } from "./types.js";

/** The 分解表 of a document: tables with a recognised header, and what the prose parser must not read. */
export interface DocumentTables {
  found: { table: SourceTable; header: TableHeader }[];
  /** The input with the tables' rows (and an attachment heading before them) blanked, offsets unchanged. */
  proseInput: string;
  /** Rows of sheets without a header: a workbook holds no prose, so they are not read as text either. */
  unread: SourceTable[];
  problems: string[];
}

const ATTACHMENT = /^[ \t\u3000]*附件[ \t\u3000]*[\d０-９一二三四五六七八九十]*[ \t\u3000]*(?:[:：]|$)/;

/** Finds the tables and blanks them out of the text the prose parser reads. */
export function findDocumentTables(input: string, layout: PlanLayout | null): DocumentTables {
  const problems: string[] = [];
  const tables = readTables(input, layout, problems);
  const found: DocumentTables["found"] = [];
  const unread: SourceTable[] = [];
  for (const table of tables) {
    const header = findHeader(input, table.rows);
    const previous = found[found.length - 1];
    if (header && previous && continues(input, previous, table, header)) {
      // A table split at a page break, its header repeated: its rows carry on the one before.
      previous.table.rows.push(...table.rows.slice(header.last + 1));
      continue;
    }
    if (header) {
      found.push({ table, header });
      if (header.last === table.rows.length - 1) problems.push(`${tableLabel(table)}只有表头，没有任务行`);
      continue;
    }
    if (table.kind !== "sheet") continue;
    unread.push(table);
    problems.push(
      table.rows.length === 0
        ? `${tableLabel(table)}是空的，已跳过`
        : `${tableLabel(table)}中未找到表头行（应有“重点任务”“牵头单位”“完成时限”等列名），已跳过`,
    );
  }
  const proseInput = found.length || unread.length ? blank(input, found, unread) : input;
  return { found, proseInput, unread, problems };
}

/** True when `next` repeats the header of the table just before it and nothing but blank lines lies between. */
function continues(
  input: string,
  previous: DocumentTables["found"][number],
  next: SourceTable,
  header: TableHeader,
): boolean {
  const same = header.texts.join("\t") === previous.header.texts.join("\t");
  const prevRows = previous.table.rows;
  const gap = input.slice(prevRows[prevRows.length - 1]!.end, next.rows[0]!.start);
  return (
    same && header.first === 0 && next.kind === "table" && previous.table.kind === "table" && !/\S/.test(gap)
  );
}

/** The table nodes of every table, in order. */
export function readTableNodes(ctx: TableContext, input: string, tables: DocumentTables): PlanNode[] {
  return tables.found.flatMap(({ table, header }) => tableNodes(ctx, input, table, header, tables.problems));
}

function blank(input: string, found: DocumentTables["found"], unread: SourceTable[]): string {
  const chars = input.split("");
  const clear = (s: number, e: number): void => {
    for (let i = s; i < e; i++) if (chars[i] !== "\n") chars[i] = " ";
  };
  for (const { table, header } of found) {
    const rows = table.rows.slice(header.first);
    const start = rows[0]!.start;
    clear(start, rows[rows.length - 1]!.end);
    const heading = attachmentHeading(input, start);
    if (heading !== null) clear(heading, start);
  }
  for (const t of unread) for (const r of t.rows) clear(r.start, r.end);
  return chars.join("");
}

/** Where an attachment heading (附件1：…) sits before a table that follows prose, or null. */
function attachmentHeading(input: string, tableStart: number): number | null {
  let end = tableStart;
  // Only a few short lines (附件, the table's title) separate the heading from the table.
  for (let k = 0; k < 4 && end > 0; k++) {
    const lineStart = input.lastIndexOf("\n", end - 2) + 1;
    const line = input.slice(lineStart, end).replace(/\s+$/, "");
    if (ATTACHMENT.test(line)) return /\S/.test(input.slice(0, lineStart)) ? lineStart : null;
    if (line.trim().length > 60) return null;
    end = lineStart;
  }
  return null;
}
