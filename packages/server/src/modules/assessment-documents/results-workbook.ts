import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";

/** One sheet of the results table: a category, its item columns and its units by rank. */
export interface ResultsSheet {
  label: string;
  /** The item columns' headers, in the scheme's order. */
  items: string[];
  lines: {
    rank: number;
    unitName: string;
    /** Points per item column; null where the unit's breakdown lacks the item. */
    points: (number | null)[];
    total: number;
    grade: string;
    note: string;
  }[];
}

/** What the document worker needs to write the results table. */
export interface ResultsWorkbookInput {
  planTitle: string;
  asOf: string;
  /** The run's state in words (待发布 / 已发布（申诉期） / 已定档), printed beside the day. */
  statusLabel: string;
  sheets: ResultsSheet[];
}

/** Rows above the data on every sheet: title, day and header, repeated on each printed page. */
const HEAD_ROWS = 3;

/** A4 landscape, one page wide, the head rows repeated on every page and frozen on screen. */
const sheetOptions: Partial<ExcelJS.AddWorksheetOptions> = {
  pageSetup: {
    paperSize: 9 as ExcelJS.PaperSize, // 9 is A4 in the SpreadsheetML paper table.
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    // 0: as many pages tall as the rows need.
    fitToHeight: 0,
    printTitlesRow: `1:${HEAD_ROWS}`,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  },
  headerFooter: { oddFooter: "第 &P 页，共 &N 页" },
  views: [{ state: "frozen", ySplit: HEAD_ROWS }],
};

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
function sheetName(label: string, taken: Set<string>): string {
  const base = label.replace(/[[\]:*?/\\]/g, "").slice(0, 28) || "类别";
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

const thin: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  bottom: { style: "thin" },
  left: { style: "thin" },
  right: { style: "thin" },
};

/** A line merged across the table: the title (large, centred) or the day (right-aligned). */
function mergedLine(sheet: ExcelJS.Worksheet, text: string, width: number, title: boolean): void {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, width);
  row.font = title ? { bold: true, size: 16 } : { size: 11 };
  row.alignment = { vertical: "middle", horizontal: title ? "center" : "right" };
  row.commit();
}

/** One category's sheet: title, day, header, then one bordered row per unit by rank. */
function addSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  input: ResultsWorkbookInput,
  s: ResultsSheet,
  taken: Set<string>,
) {
  const sheet = workbook.addWorksheet(sheetName(s.label, taken), sheetOptions);
  const header = ["排名", "单位", ...s.items, "总分", "等次", "备注"];
  // Wide enough that an item's name, a vetoed grade and a quota note each stay on one line.
  const widths = [7, 26, ...s.items.map(() => 16), 10, 20, 48];
  sheet.columns = widths.map((width) => ({ width }));
  mergedLine(sheet, `${input.planTitle}考评结果（${s.label}）`, header.length, true);
  mergedLine(sheet, `考评基准日：${input.asOf}（${input.statusLabel}）`, header.length, false);
  const head = sheet.addRow(header);
  head.font = { bold: true };
  head.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  head.eachCell((cell) => {
    cell.border = thin;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8E8E8" } };
  });
  head.commit();
  for (const line of s.lines) {
    const row = sheet.addRow([line.rank, line.unitName, ...line.points, line.total, line.grade, line.note]);
    row.alignment = { vertical: "middle", wrapText: true };
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.border = thin;
      if (column > 2 && column <= header.length - 2) cell.numFmt = "0.00";
    });
    row.commit();
  }
  sheet.commit();
}

/**
 * The results table of a run as an .xlsx: one print-ready sheet per category (rank, unit, each item's points,
 * total, grade, note). Runs in the document worker; streamed, each row written out as it is committed.
 */
export async function writeResultsWorkbook(input: ResultsWorkbookInput): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  workbook.creator = "Duban 督办";
  const taken = new Set<string>();
  for (const sheet of input.sheets) addSheet(workbook, input, sheet, taken);
  await workbook.commit();
  return Buffer.concat(chunks);
}
