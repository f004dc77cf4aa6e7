import JSZip from "jszip";
import { attr, walkXml } from "./xml.js";

/** A cell range of a sheet, by 1-based rows and columns. */
interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Finds merged ranges that overlap, which Excel never writes and exceljs refuses to load: the sheet and the first
 * row where two of them meet, or null. Read from the package directly, since the workbook cannot be opened.
 */
export async function findOverlappingMerge(
  bytes: Uint8Array,
): Promise<{ sheet: string; row: number } | null> {
  const zip = await JSZip.loadAsync(bytes);
  const rels = new Map<string, string>();
  for (const e of walkXml((await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? ""))
    if (e.type === "open" && e.name === "Relationship")
      rels.set(attr(e.attrs, "Id") ?? "", (attr(e.attrs, "Target") ?? "").replace(/^\/?(?:xl\/)?/, ""));
  for (const e of walkXml((await zip.file("xl/workbook.xml")?.async("string")) ?? "")) {
    if (e.type !== "open" || e.name !== "sheet") continue;
    const target = rels.get(attr(e.attrs, "id") ?? "");
    const xml = target ? await zip.file(`xl/${target}`)?.async("string") : undefined;
    if (!xml) continue;
    const ranges: Range[] = [];
    for (const m of walkXml(xml))
      if (m.type === "open" && m.name === "mergeCell") ranges.push(rangeOf(attr(m.attrs, "ref") ?? "A1"));
    const row = firstOverlap(ranges);
    if (row !== null) return { sheet: attr(e.attrs, "name") ?? "", row };
  }
  return null;
}

/** The top row where two ranges meet, or null; a sheet has at most a few hundred merges. */
function firstOverlap(ranges: Range[]): number | null {
  let found: number | null = null;
  for (let i = 0; i < ranges.length; i++)
    for (let k = i + 1; k < ranges.length; k++) {
      const a = ranges[i]!;
      const b = ranges[k]!;
      if (a.top > b.bottom || b.top > a.bottom || a.left > b.right || b.left > a.right) continue;
      const row = Math.max(a.top, b.top);
      found = found === null ? row : Math.min(found, row);
    }
  return found;
}

/** "B3:C5" as rows and columns. */
function rangeOf(ref: string): Range {
  const [a, b] = ref.split(":");
  const cell = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s.replace(/\$/g, "").toUpperCase()) ?? ["", "A", "1"];
    return { row: Number(m[2]), col: [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
  };
  const x = cell(a ?? "A1");
  const y = cell(b ?? a ?? "A1");
  return {
    top: Math.min(x.row, y.row),
    left: Math.min(x.col, y.col),
    bottom: Math.max(x.row, y.row),
    right: Math.max(x.col, y.col),
  };
}
