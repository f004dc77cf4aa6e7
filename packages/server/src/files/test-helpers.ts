import JSZip from "jszip";

export { buildPdf, type PdfTextLine, planTextToPdf } from "./test-pdf.js";

/** A paragraph of a test .docx, optionally in a Word list, or a table given as rows of cells. */
export type DocxBlock =
  | string
  | { text: string; numId?: number; ilvl?: number; style?: string }
  | { table: string[][] };

/** One level of a Word list definition for a test .docx. */
export interface DocxListLevel {
  ilvl: number;
  numFmt: string;
  lvlText: string;
  start?: number;
  /** `w:lvlRestart`: 0 never restarts this level. */
  restart?: number;
}

/** A Word list (`w:num` over its own `w:abstractNum`), optionally restarting levels with `w:startOverride`. */
export interface DocxList {
  numId: number;
  levels: DocxListLevel[];
  /** Another list whose abstractNum this one shares (Word continues the count across them). */
  sharesWith?: number;
  startOverride?: Record<number, number>;
}

const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Builds a minimal but valid .docx (what Word needs to open it) from paragraphs, lists and tables. */
export async function buildDocx(
  blocks: DocxBlock[],
  options: { lists?: DocxList[] } = {},
): Promise<Uint8Array> {
  const lists = options.lists ?? [];
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
  );
  const body = blocks.map(blockXml).join("");
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${ns}><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
  );
  zip.file("word/numbering.xml", numberingXml(lists));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** One paragraph or table of document.xml; tabs in text become w:tab. */
function blockXml(block: DocxBlock): string {
  if (typeof block !== "string" && "table" in block) {
    const rows = block.table.map(
      (row) => `<w:tr>${row.map((c) => `<w:tc>${blockXml(c)}</w:tc>`).join("")}</w:tr>`,
    );
    return `<w:tbl><w:tblPr/>${rows.join("")}</w:tbl>`;
  }
  const p = typeof block === "string" ? { text: block } : block;
  const numPr =
    p.numId !== undefined
      ? `<w:numPr><w:ilvl w:val="${p.ilvl ?? 0}"/><w:numId w:val="${p.numId}"/></w:numPr>`
      : "";
  const style = p.style ? `<w:pStyle w:val="${p.style}"/>` : "";
  // A tab stop in the properties must not be read as text.
  const pPr = `<w:pPr>${style}${numPr}<w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>`;
  const runs = p.text.split("\t").map((part) => `<w:r><w:t xml:space="preserve">${esc(part)}</w:t></w:r>`);
  return `<w:p>${pPr}${runs.join("<w:r><w:tab/></w:r>")}</w:p>`;
}

/** numbering.xml with one abstractNum per list (unless it shares another's) and its w:num. */
function numberingXml(lists: DocxList[]): string {
  const abstracts = lists
    .filter((l) => l.sharesWith === undefined)
    .map((l) => {
      const levels = l.levels.map(
        (v) =>
          `<w:lvl w:ilvl="${v.ilvl}"><w:start w:val="${v.start ?? 1}"/><w:numFmt w:val="${v.numFmt}"/>${v.restart !== undefined ? `<w:lvlRestart w:val="${v.restart}"/>` : ""}<w:lvlText w:val="${esc(v.lvlText)}"/><w:lvlJc w:val="left"/></w:lvl>`,
      );
      return `<w:abstractNum w:abstractNumId="${l.numId}"><w:multiLevelType w:val="multilevel"/>${levels.join("")}</w:abstractNum>`;
    });
  const nums = lists.map((l) => {
    const overrides = Object.entries(l.startOverride ?? {}).map(
      ([ilvl, v]) => `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${v}"/></w:lvlOverride>`,
    );
    return `<w:num w:numId="${l.numId}"><w:abstractNumId w:val="${l.sharesWith ?? l.numId}"/>${overrides.join("")}</w:num>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${ns}>${abstracts.join("")}${nums.join("")}</w:numbering>`;
}

const chineseLabel = /^([一二三四五六七八九十]+)、/;
const chineseParenLabel = /^（([一二三四五六七八九十]+)）/;
const arabicLabel = /^(\d{1,3})[.．]/;

/**
 * Turns plan text into a .docx, one paragraph per line; with `numbering`, the 一、 and （一） labels (and
 * 1. labels when they run straight through) become real Word list numbering, removed from the text as Word
 * stores it, so a reader must render the numbers back.
 */
export async function planTextToDocx(
  text: string,
  options: { numbering?: boolean } = {},
): Promise<Uint8Array> {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (!options.numbering) return buildDocx(lines);
  const arabic = lines.map((l) => arabicLabel.exec(l)?.[1]).filter((n) => n !== undefined);
  const straight = arabic.every((n, i) => Number(n) === i + 1);
  const blocks = lines.map((line): DocxBlock => {
    if (chineseLabel.test(line)) return { text: line.replace(chineseLabel, ""), numId: 1, ilvl: 0 };
    if (chineseParenLabel.test(line)) return { text: line.replace(chineseParenLabel, ""), numId: 1, ilvl: 1 };
    if (straight && arabicLabel.test(line)) return { text: line.replace(arabicLabel, ""), numId: 2, ilvl: 0 };
    return line;
  });
  const lists: DocxList[] = [
    {
      numId: 1,
      levels: [
        { ilvl: 0, numFmt: "chineseCounting", lvlText: "%1、" },
        { ilvl: 1, numFmt: "chineseCounting", lvlText: "（%2）" },
      ],
    },
    { numId: 2, levels: [{ ilvl: 0, numFmt: "decimal", lvlText: "%1." }] },
  ];
  return buildDocx(blocks, { lists });
}

let gbTable: Map<string, number[]> | null = null;

/** Encodes text as GB18030 two-byte (GBK) codes, built by inverting Node's decoder; for test files only. */
export function encodeGb18030(text: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder("gb18030");
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (!gbTable.has(ch)) gbTable.set(ch, [lead, trail]);
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbTable.get(ch);
      if (!bytes) throw new Error(`encodeGb18030: ${ch} is outside GBK`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
