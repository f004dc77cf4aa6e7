import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  WidthType,
} from "docx";
import { chineseDate, FONT, SIZE, TABLE_TEXT_STYLE, TEXT_WIDTH } from "./gbt9704.js";
import { run } from "./text-run.js";

/** The 版记's values. */
export interface DocketInput {
  copyTo?: readonly string[] | null;
  printedBy: string;
  printedOn: string;
}

// 版记 lines: the first and last thick (0.35 mm ≈ 1 pt), the ones between thin (0.25 mm ≈ ¾ pt), all black.
const thick = { style: BorderStyle.SINGLE, size: 8, color: "000000" } as const;
const thin = { style: BorderStyle.SINGLE, size: 6, color: "000000" } as const;
const none = { style: BorderStyle.NONE, size: 0, color: "auto" } as const;
// 4号 type: "左右各空一字" is one 14 pt character.
const ONE_CHAR = SIZE.四号 * 20;

/** A 版记 row: one cell as wide as the 版心 holding one paragraph. */
function row(paragraph: Paragraph): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [new TableCell({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, children: [paragraph] })],
  });
}

/**
 * 版记: 抄送 and 印发机关 / 印发日期 between black lines, after the 成文日期 on the last page. It follows the text
 * rather than floating to the page's foot: LibreOffice moves a table floated there onto a page of its own.
 */
export function docketTable(doc: DocketInput): Table {
  const rows: TableRow[] = [];
  if (doc.copyTo?.length)
    rows.push(
      row(
        new Paragraph({
          style: TABLE_TEXT_STYLE,
          // A wrapped 抄送 line lines up under the first name, after the colon.
          indent: { left: ONE_CHAR + 3 * ONE_CHAR, hanging: 3 * ONE_CHAR, right: ONE_CHAR },
          children: [run(`抄送：${doc.copyTo.join("，")}。`, FONT.仿宋, SIZE.四号)],
        }),
      ),
    );
  rows.push(
    row(
      new Paragraph({
        style: TABLE_TEXT_STYLE,
        indent: { left: ONE_CHAR },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - ONE_CHAR }],
        children: [run(`${doc.printedBy}\t${chineseDate(doc.printedOn)}印发`, FONT.仿宋, SIZE.四号)],
      }),
    ),
  );
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    alignment: AlignmentType.CENTER,
    margins: { left: 0, right: 0, top: 60, bottom: 60 },
    borders: {
      top: thick,
      bottom: thick,
      insideHorizontal: thin,
      left: none,
      right: none,
      insideVertical: none,
    },
    rows,
  });
}
