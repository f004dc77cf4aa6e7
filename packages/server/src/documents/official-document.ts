import {
  AlignmentType,
  BorderStyle,
  DocumentGridType,
  Document as DocxDocument,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type Table,
  TextRun,
} from "docx";
import { bodyBlocks, type OfficialBodyBlock } from "./body-blocks.js";
import { docketTable } from "./docket.js";
import { finishDocx } from "./docx-finish.js";
import {
  CHAR,
  chineseDate,
  FONT,
  fontOf,
  GRID,
  mm,
  PAGE,
  RED,
  SIZE,
  TABLE_TEXT_STYLE,
  TEXT_WIDTH,
} from "./gbt9704.js";
import { run } from "./text-run.js";

export type { OfficialBodyBlock, OfficialTableCell } from "./body-blocks.js";

/** A 公文 to lay out: the elements of GB/T 9704-2012 the platform issues (版头, 主体, 版记). */
export interface OfficialDocument {
  /** 发文机关标志, printed red at the head: "瓦房店市教育局督查室" or "瓦房店市教育局文件". */
  issuerMark: string;
  /** 发文字号, centred under the mark: "瓦教督通〔2023〕3号"; omitted while a draft has none. */
  documentNumber?: string | null;
  /** 标题, in 2号小标宋. */
  title: string;
  /** 主送机关, flush left under the title ("各学校、各科室"); the full-width colon is added. */
  addressee?: string | null;
  /** 正文 blocks in order. */
  body: readonly OfficialBodyBlock[];
  /** 发文机关署名, centred over the 成文日期. */
  signature: string;
  /** 成文日期, "YYYY-MM-DD". */
  date: string;
  /** 抄送机关, in the 版记. */
  copyTo?: readonly string[] | null;
  /** 印发机关, in the 版记; with 印发日期 it makes the 版记, which a document without them (a 通知单) leaves out. */
  printedBy?: string | null;
  /** 印发日期, "YYYY-MM-DD". */
  printedOn?: string | null;
  /**
   * `document` (default): the full 版头, its mark 35 mm under the 版心's top. `form`: a one-page 通知单 whose mark
   * opens the 版心 with the number right under it, and with one blank line (not two) before the signature.
   * `draft`: a text for the bureau to edit (a 总结 初稿), with no 版头 at all: it opens with its title.
   */
  layout?: "document" | "form" | "draft";
}

/** Width of a line of text in characters: CJK characters count one, ASCII digits and letters about half. */
const charsOf = (text: string, ascii = 0.5) =>
  [...text].reduce((n, c) => n + (c.charCodeAt(0) < 0x80 ? ascii : 1), 0);

/** Empty lines of the grid, the standard's "空一行". */
const blankLines = (n: number) => Array.from({ length: n }, () => new Paragraph({ children: [] }));

/** Word ends a body with a paragraph, never a table: this one is a twip high, so it never opens a page. */
const endMark = () =>
  new Paragraph({
    style: TABLE_TEXT_STYLE,
    spacing: { line: 20, lineRule: LineRuleType.EXACT },
    children: [],
  });

/** The mark's size: as large as 42 pt (about 15 mm a character) while it still fits on one line of the 版心. */
function markSize(mark: string): number {
  // Latin letters of a fallback font run wider than half a character; 5 % spare keeps the mark on one line.
  return Math.min(42, Math.floor((0.95 * TEXT_WIDTH) / 20 / Math.max(1, charsOf(mark, 0.65))));
}

/** 版头: the red mark, the number two lines under it, and under the number the red line as wide as the 版心. */
function head(doc: OfficialDocument): Paragraph[] {
  const form = doc.layout === "form";
  const redLine = { style: BorderStyle.SINGLE, size: 18, color: RED, space: 11 } as const;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      // The mark's top edge sits 35 mm below the 版心's top; a 42 pt line leaves ~7 mm over the glyphs itself.
      spacing: { before: form ? 0 : mm(28) },
      children: [run(doc.issuerMark, FONT.小标宋, markSize(doc.issuerMark), { color: RED })],
    }),
    ...blankLines(form ? 0 : 1),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      // The separator line: 4 mm under the number (11 pt of border spacing), red, the full width of the 版心.
      border: { bottom: redLine },
      children: [run(doc.documentNumber ?? "", FONT.仿宋, SIZE.三号)],
    }),
    new Paragraph({ children: [] }),
  ];
}

/** 主体: title, 主送机关, body, then the signature centred over the date, the date four characters from the right. */
function main(doc: OfficialDocument): (Paragraph | Table)[] {
  const date = chineseDate(doc.date);
  const dateIndent = 4 * CHAR;
  const signatureIndent = Math.max(0, dateIndent + ((charsOf(date) - charsOf(doc.signature)) / 2) * CHAR);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [run(doc.title, FONT.小标宋, SIZE.二号)],
    }),
    new Paragraph({ children: [] }),
    ...(doc.addressee
      ? [new Paragraph({ children: [run(`${doc.addressee}：`, FONT.仿宋, SIZE.三号)] })]
      : []),
    ...bodyBlocks(doc.body),
    ...blankLines(doc.layout === "form" ? 1 : 2),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: signatureIndent },
      keepNext: true,
      children: [run(doc.signature, FONT.仿宋, SIZE.三号)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: dateIndent },
      children: [run(date, FONT.仿宋, SIZE.三号)],
    }),
  ];
}

/** 页码: "— 1 —" in 4号 half-width 宋体, one character in from the outer edge (odd pages right, even pages left). */
function pageFooter(side: "odd" | "even"): Footer {
  const oneChar = SIZE.四号 * 20;
  const font = fontOf(FONT.宋体);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: oneChar } : { left: oneChar },
        children: [new TextRun({ font, size: SIZE.四号 * 2, children: ["— ", PageNumber.CURRENT, " —"] })],
      }),
    ],
  });
}

/**
 * Lays out a 公文 to GB/T 9704-2012 and returns the .docx bytes: A4 with the standard's margins, a 22 × 28 grid
 * of 3号仿宋, the red 版头, page numbers on the outer side and the 版记 at the foot of the last page. Runs in
 * the document worker (`buildOfficialDocument` of `index.ts` sends it there): laying out a long 通报 takes a second.
 */
export async function writeOfficialDocument(doc: OfficialDocument): Promise<Buffer> {
  const document = new DocxDocument({
    title: doc.title,
    creator: doc.signature,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fontOf(FONT.仿宋), size: SIZE.三号 * 2, characterSpacing: GRID.characterSpacing },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
      // Word and LibreOffice take the body size from the Normal style itself, not only from the defaults.
      paragraphStyles: [
        {
          id: "Normal",
          name: "Normal",
          run: { font: fontOf(FONT.仿宋), size: SIZE.三号 * 2, characterSpacing: GRID.characterSpacing },
        },
        {
          id: TABLE_TEXT_STYLE,
          name: "Table Text",
          basedOn: "Normal",
          // An exact line keeps table rows compact and the same in every program.
          paragraph: { spacing: { line: 400, lineRule: LineRuleType.EXACT } },
          run: { size: SIZE.四号 * 2 },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            // The footer's bottom edge ~23 mm up, so the page number's top lies 7 mm under the 版心.
            margin: { ...PAGE.margin, header: mm(15), footer: mm(23) },
          },
          grid: { type: DocumentGridType.LINES, linePitch: GRID.linePitch },
        },
        footers: { default: pageFooter("odd"), even: pageFooter("even") },
        // Word wants a paragraph, not a table, as the body's last element.
        children: [
          ...(doc.layout === "draft" ? [] : head(doc)),
          ...main(doc),
          ...(doc.printedBy && doc.printedOn
            ? [
                ...blankLines(doc.layout === "form" ? 1 : 2),
                docketTable({ copyTo: doc.copyTo, printedBy: doc.printedBy, printedOn: doc.printedOn }),
                endMark(),
              ]
            : []),
        ],
      },
    ],
  });
  return finishDocx(await Packer.toBuffer(document));
}
