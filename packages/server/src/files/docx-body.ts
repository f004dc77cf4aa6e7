import type { CellMerge, PlanLayout } from "@duban/plan-parser";
import type { NumberingCounter } from "./docx-numbering.js";
import { attr, walkXml } from "./xml.js";

/** List membership a paragraph style gives its paragraphs (Word's heading styles often carry numbering). */
export interface StyleNumbering {
  numId: string | null;
  ilvl: number | null;
  basedOn: string | null;
}

/** Reads the numbering each paragraph style declares in styles.xml. */
export function parseStyleNumbering(xml: string | null): Map<string, StyleNumbering> {
  const styles = new Map<string, StyleNumbering>();
  if (!xml) return styles;
  let current: StyleNumbering | null = null;
  for (const e of walkXml(xml)) {
    if (e.type === "close" && e.name === "style") current = null;
    if (e.type !== "open") continue;
    if (e.name === "style") {
      current = { numId: null, ilvl: null, basedOn: null };
      styles.set(attr(e.attrs, "styleId") ?? "", current);
    } else if (current && e.name === "basedOn") current.basedOn = attr(e.attrs, "val");
    else if (current && e.name === "numId") current.numId = attr(e.attrs, "val");
    else if (current && e.name === "ilvl") current.ilvl = Number(attr(e.attrs, "val") ?? 0);
  }
  return styles;
}

/** Follows a style's basedOn chain to the numbering it inherits. */
function styleNumbering(
  styles: Map<string, StyleNumbering>,
  id: string | null,
): { numId: string | null; ilvl: number | null } {
  let numId: string | null = null;
  let ilvl: number | null = null;
  // The depth limit guards against a basedOn cycle in a damaged file.
  for (let s = id ? styles.get(id) : undefined, depth = 0; s && depth < 20; depth++) {
    numId ??= s.numId;
    ilvl ??= s.ilvl;
    s = s.basedOn ? styles.get(s.basedOn) : undefined;
  }
  return { numId, ilvl };
}

interface Paragraph {
  text: string;
  numId: string | null;
  ilvl: number | null;
  style: string | null;
}

interface Table {
  rows: { cells: string[]; merged: CellMerge[] }[];
  row: { cells: string[]; merged: CellMerge[] } | null;
  cell: string[] | null;
  /** The open cell continues the one above (w:vMerge) and spans this many grid columns (w:gridSpan). */
  continues: boolean;
  span: number;
}

/** The tables of a document as the parser's layout names them, rows pointing at indexes of `lines`. */
export type BodyTables = PlanLayout["tables"];

// Alternate renderings (mc:Fallback duplicates mc:Choice), text moved away, and superseded paragraph properties.
const skipped = new Set(["Fallback", "moveFrom", "pPrChange", "rPrChange", "instrText"]);

/** Walks document.xml: one line per paragraph with its list label, one line per table row with cells tab-joined. */
export function documentLines(
  xml: string,
  counter: NumberingCounter,
  styles: Map<string, StyleNumbering>,
): { lines: string[]; warnings: string[]; tables: BodyTables } {
  const lines: string[] = [];
  const warnings: string[] = [];
  const layout: BodyTables = [];
  // Text boxes put paragraphs inside paragraphs, and tables nest, so both are stacks.
  const paragraphs: Paragraph[] = [];
  const tables: Table[] = [];
  let skip = 0;
  let inText = false;
  let inProps = false;
  const emit = (line: string) => {
    const table = tables[tables.length - 1];
    (table?.cell ?? lines).push(line);
  };
  const finish = (p: Paragraph) => {
    const inherited = styleNumbering(styles, p.style);
    const numId = p.numId ?? inherited.numId;
    // numId 0 is Word's way of switching off numbering a style would otherwise give.
    const label = numId && numId !== "0" ? counter.next(numId, p.ilvl ?? inherited.ilvl ?? 0) : "";
    emit((label + p.text).trimEnd());
  };
  for (const e of walkXml(xml)) {
    if (skip) {
      if (e.type === "open" && !e.selfClosing && skipped.has(e.name)) skip++;
      else if (e.type === "close" && skipped.has(e.name)) skip--;
      continue;
    }
    const paragraph = paragraphs[paragraphs.length - 1];
    if (e.type === "text") {
      if (inText && paragraph) paragraph.text += e.text;
      continue;
    }
    if (e.type === "close") {
      if (e.name === "p") {
        const done = paragraphs.pop();
        if (done) finish(done);
      } else if (e.name === "t") inText = false;
      else if (e.name === "pPr") inProps = false;
      else closeTableElement(e.name, tables, emit, { lines, layout });
      continue;
    }
    if (skipped.has(e.name)) {
      if (!e.selfClosing) skip = 1;
      continue;
    }
    switch (e.name) {
      case "p":
        if (e.selfClosing) emit("");
        else paragraphs.push({ text: "", numId: null, ilvl: null, style: null });
        break;
      case "pPr":
        inProps = !e.selfClosing;
        break;
      case "pStyle":
        if (paragraph) paragraph.style = attr(e.attrs, "val");
        break;
      case "numId":
        if (paragraph) paragraph.numId = attr(e.attrs, "val");
        break;
      case "ilvl":
        if (paragraph) paragraph.ilvl = Number(attr(e.attrs, "val") ?? 0);
        break;
      case "t":
        inText = !e.selfClosing;
        break;
      case "tab":
        // Inside paragraph properties w:tab defines a tab stop, not a tab character.
        if (paragraph && !inProps) paragraph.text += "\t";
        break;
      case "br":
      case "cr": {
        const type = attr(e.attrs, "type");
        if (paragraph && (type === null || type === "textWrapping")) paragraph.text += "\n";
        break;
      }
      case "noBreakHyphen":
        if (paragraph) paragraph.text += "-";
        break;
      case "tbl":
        tables.push({ rows: [], row: null, cell: null, continues: false, span: 1 });
        break;
      case "tr":
        if (tables.length) tables[tables.length - 1]!.row = { cells: [], merged: [] };
        break;
      case "gridBefore": {
        // Cells left out at the start of a row still count as grid columns, so merges below line up.
        const row = tables[tables.length - 1]?.row;
        const n = Math.min(Number(attr(e.attrs, "val") ?? 0) || 0, 64);
        for (let i = 0; row && i < n; i++) {
          row.cells.push("");
          row.merged.push(null);
        }
        break;
      }
      case "tc":
        if (tables.length) Object.assign(tables[tables.length - 1]!, { cell: [], continues: false, span: 1 });
        break;
      case "vMerge": {
        const table = tables[tables.length - 1];
        // <w:vMerge/> or val="continue" continues the cell above; val="restart" opens a merged cell.
        if (table?.cell) table.continues = (attr(e.attrs, "val") ?? "continue") === "continue";
        break;
      }
      case "gridSpan": {
        const table = tables[tables.length - 1];
        if (table?.cell) table.span = Math.max(1, Math.min(Number(attr(e.attrs, "val") ?? 1) || 1, 64));
        break;
      }
      case "altChunk":
        warnings.push("Word 文件中嵌入的外部文档内容未读入，请把它粘贴为正文后重新上传");
        break;
    }
  }
  return { lines, warnings, tables: layout };
}

/**
 * Closes a cell, row or table: a cell's paragraphs join with a space, a row's cells with a tab. A cell continuing
 * a vertical merge is written empty and marked "up"; the grid columns a cell spans follow it, empty, marked "left".
 */
function closeTableElement(
  name: string,
  tables: Table[],
  emit: (line: string) => void,
  out: { lines: string[]; layout: BodyTables },
): void {
  const table = tables[tables.length - 1];
  if (!table) return;
  if (name === "tc" && table.cell && table.row) {
    const text = table.cell
      .map((t) => t.trim().replace(/[\t\n]+/g, " "))
      .filter(Boolean)
      .join(" ");
    table.row.cells.push(table.continues ? "" : text);
    table.row.merged.push(table.continues ? "up" : null);
    for (let i = 1; i < table.span; i++) {
      table.row.cells.push("");
      table.row.merged.push("left");
    }
    table.cell = null;
  } else if (name === "tr" && table.row) {
    table.rows.push(table.row);
    table.row = null;
  } else if (name === "tbl") {
    tables.pop();
    const rows = table.rows.map((r) => r.cells.join("\t").trimEnd());
    // A nested table's rows become paragraphs of the enclosing cell; a top-level table's rows become lines.
    if (tables.length) {
      for (const row of rows) emit(row);
      return;
    }
    const first = out.lines.length;
    out.lines.push(...rows);
    out.layout.push({
      name: `表${out.layout.length + 1}`,
      kind: "table",
      rows: table.rows.map((r, k) => ({
        line: first + k,
        row: k + 1,
        merged: r.merged.some(Boolean) ? r.merged : undefined,
      })),
    });
  }
}
