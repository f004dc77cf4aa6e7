import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from "docx";
import { CHAR, FONT, SIZE, TABLE_TEXT_STYLE, TEXT_WIDTH } from "./gbt9704.js";
import { run } from "./text-run.js";

/** A table cell: its text, and a fill colour (hex, e.g. "FF0000" for a red light) when the cell shows a light. */
export type OfficialTableCell = string | { text: string; shading?: string };

/** One block of a document's body, in reading order. */
export type OfficialBodyBlock =
  /**
   * 一级标题 "一、…" (黑体), 二级标题 "（一）…" (楷体_GB2312) or 三级标题 "1.…" (仿宋_GB2312); the numbering is part
   * of the text.
   */
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  /** A body paragraph in 仿宋_GB2312, its first line indented two characters unless `indent` is false. */
  | { kind: "paragraph"; text: string; indent?: boolean; align?: "left" | "center" | "right" }
  /** A table with one header row; `widths` are relative column widths (default: equal). */
  | { kind: "table"; header: string[]; rows: OfficialTableCell[][]; widths?: number[] };

const alignments = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };
// 首行缩进二字: the standard starts every paragraph and every level heading two characters in.
const TWO_CHARS = { firstLine: 2 * CHAR };
const thin = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const headingFonts = { 1: FONT.黑体, 2: FONT.楷体, 3: FONT.仿宋 } as const;

/** The Word paragraphs and tables of the body blocks. */
export function bodyBlocks(blocks: readonly OfficialBodyBlock[]): (Paragraph | Table)[] {
  return blocks.map((b) => {
    switch (b.kind) {
      case "heading":
        return new Paragraph({
          indent: TWO_CHARS,
          keepNext: true,
          children: [run(b.text, headingFonts[b.level], SIZE.三号)],
        });
      case "paragraph":
        return new Paragraph({
          alignment: b.align ? alignments[b.align] : AlignmentType.BOTH,
          indent: b.indent === false ? undefined : TWO_CHARS,
          children: [run(b.text, FONT.仿宋, SIZE.三号)],
        });
      default:
        return table(b);
    }
  });
}

/** A bordered table in 4号 type, the header row in 黑体 and repeated on every page it runs onto. */
function table(b: Extract<OfficialBodyBlock, { kind: "table" }>): Table {
  const columns = b.header.length;
  const weights = b.widths?.length === columns ? b.widths : b.header.map(() => 1);
  const total = weights.reduce((s, w) => s + w, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const cell = (value: OfficialTableCell, i: number, header: boolean) => {
    const text = typeof value === "string" ? value : value.text;
    const fill = typeof value === "string" ? undefined : value.shading;
    return new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      ...(fill ? { shading: { fill, color: "auto", type: ShadingType.CLEAR } } : {}),
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
          style: TABLE_TEXT_STYLE,
          children: [run(text, header ? FONT.黑体 : FONT.仿宋, SIZE.四号)],
        }),
      ],
    });
  };
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    alignment: AlignmentType.CENTER,
    borders: {
      top: thin,
      bottom: thin,
      left: thin,
      right: thin,
      insideHorizontal: thin,
      insideVertical: thin,
    },
    rows: [
      new TableRow({ tableHeader: true, children: b.header.map((h, i) => cell(h, i, true)) }),
      ...b.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: b.header.map((_, i) => cell(r[i] ?? "", i, false)),
          }),
      ),
    ],
  });
}
