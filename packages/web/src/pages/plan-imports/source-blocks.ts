/** A run of the source text: prose, or a table whose rows are lines with tab-separated cells. */
export type SourceBlock =
  | { kind: "prose"; start: number; end: number }
  | {
      kind: "table";
      start: number;
      end: number;
      rows: { start: number; end: number; cells: [number, number][] }[];
    };

/**
 * Splits the source into prose and tables: a line holding a tab is a table row (Word and Excel rows are stored
 * that way), and consecutive rows make one table.
 */
export function sourceBlocks(text: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let from = 0;
  while (from <= text.length) {
    const nl = text.indexOf("\n", from);
    const end = nl < 0 ? text.length : nl;
    const next = nl < 0 ? text.length + 1 : nl + 1;
    const last = blocks[blocks.length - 1];
    if (text.slice(from, end).includes("\t")) {
      const row = { start: from, end, cells: cellsOf(text, from, end) };
      if (last?.kind === "table" && last.end + 1 === from) {
        last.rows.push(row);
        last.end = end;
      } else blocks.push({ kind: "table", start: from, end, rows: [row] });
    } else if (last?.kind === "prose") last.end = Math.min(next, text.length);
    else blocks.push({ kind: "prose", start: from, end: Math.min(next, text.length) });
    from = next;
  }
  return blocks.filter((b) => b.end > b.start);
}

function cellsOf(text: string, start: number, end: number): [number, number][] {
  const cells: [number, number][] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && text[i] !== "\t") continue;
    cells.push([from, i]);
    from = i + 1;
  }
  return cells;
}
