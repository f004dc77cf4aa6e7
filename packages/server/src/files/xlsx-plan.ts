import type { CellMerge, PlanLayout } from "@duban/plan-parser";
import type ExcelJS from "exceljs";
import { AppError } from "../errors.js";
import { loadExcel } from "./excel-module.js";
import { composeLines, type DocumentLines } from "./plan-layout.js";
import { findOverlappingMerge } from "./xlsx-merges.js";

/** Text of a workbook, one line per non-empty row with its cells tab-joined, sheets apart by a blank line. */
export interface XlsxText {
  text: string;
  warnings: string[];
  layout: PlanLayout | null;
}

// A 分解表 has a dozen columns and a few hundred rows; beyond these a sheet is a data dump, not a plan.
const MAX_COLUMNS = 40;
const MAX_ROWS = 5000;

/** Whether a ZIP upload is an Excel workbook: its directory names the workbook part and no Word document. */
export function isWorkbookZip(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return b.includes("xl/workbook.xml") && !b.includes("word/document.xml");
}

/** Reads every visible sheet of an .xlsx 分解表 into text and the parser's table layout. */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxText> {
  // Loaded on first use: exceljs is large, and the worker reading Word, PDF and text must stay within its heap.
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (err) {
    const overlap = await findOverlappingMerge(bytes).catch(() => null);
    if (overlap)
      throw new AppError(
        "bad_request",
        `工作表“${overlap.sheet}”第${overlap.row}行：合并单元格相互重叠，请在 Excel 中取消这些合并后重新合并，再上传`,
      );
    throw new AppError(
      "bad_request",
      "Excel 文件已损坏或不完整，无法打开，请在 Excel 中另存后重新上传",
      undefined,
      {
        cause: err,
      },
    );
  }

  const doc: DocumentLines = { lines: [], tables: [] };
  const warnings: string[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== "visible") {
      warnings.push(`已跳过隐藏的工作表“${sheet.name}”`);
      continue;
    }
    readSheet(sheet, doc, warnings);
  }
  if (doc.tables.length === 0) throw new AppError("bad_request", "Excel 文件中没有可读取的工作表");
  if (doc.tables.every((t) => t.rows.length === 0))
    throw new AppError(
      "bad_request",
      `Excel 文件中没有内容：${doc.tables.map((t) => `工作表“${t.name}”`).join("、")}是空的，请填写任务分解表后上传`,
    );
  return { ...composeLines(doc), warnings };
}

/** Appends a sheet's rows as lines and its layout; a merged cell's other cells are written empty and marked. */
function readSheet(sheet: ExcelJS.Worksheet, doc: DocumentLines, warnings: string[]): void {
  const where = `工作表“${sheet.name}”`;
  const rows: PlanLayout["tables"][number]["rows"] = [];
  if (doc.lines.length) doc.lines.push("");
  const width = Math.min(sheet.columnCount, MAX_COLUMNS);
  if (sheet.columnCount > MAX_COLUMNS) warnings.push(`${where}超过 ${MAX_COLUMNS} 列，后面的列未读入`);
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    if (r > MAX_ROWS) return;
    const cells: string[] = [];
    const merged: CellMerge[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const m = mergeOf(cell);
      merged.push(m);
      cells.push(m ? "" : cellText(cell, `${where}第${r}行第${c}列`, warnings));
    }
    if (!cells.some((t) => t.trim())) return;
    rows.push({ line: doc.lines.length, row: r, merged: merged.some(Boolean) ? merged : undefined });
    doc.lines.push(cells.join("\t").trimEnd());
  });
  if (sheet.rowCount > MAX_ROWS) warnings.push(`${where}超过 ${MAX_ROWS} 行，后面的行未读入`);
  for (const image of sheet.getImages())
    warnings.push(`${where}第${Math.floor(image.range.tl.nativeRow) + 1}行有图片，图片中的内容未读入`);
  doc.tables.push({ name: sheet.name, kind: "sheet", rows });
}

/** How a cell continues a merged range: from above when the range started in an earlier row, else from the left. */
function mergeOf(cell: ExcelJS.Cell): CellMerge {
  if (!cell.isMerged || cell.master === cell) return null;
  const master = cell.master;
  return Number(master.row) < Number(cell.row) ? "up" : "left";
}

/** What a cell shows: a formula's cached result, rich text joined, a date as 2023年6月30日; line breaks as spaces. */
function cellText(cell: ExcelJS.Cell, where: string, warnings: string[]): string {
  const v = cell.value;
  let out: string;
  if (v === null || v === undefined) out = "";
  else if (v instanceof Date) out = dayText(v);
  else if (typeof v !== "object") out = String(v);
  else if ("formula" in v || "sharedFormula" in v) {
    const result = (v as { result?: unknown }).result;
    if (result === undefined || result === null || (typeof result === "object" && "error" in result)) {
      warnings.push(
        `${where}是公式，但文件中没有它的计算结果，已按空单元格读取；请在 Excel 中重新计算并保存`,
      );
      out = "";
    } else out = result instanceof Date ? dayText(result) : String(result);
  } else if ("richText" in v) out = v.richText.map((t) => t.text).join("");
  else if ("error" in v) {
    warnings.push(`${where}是错误值 ${v.error}，已按空单元格读取`);
    out = "";
  } else if ("text" in v) out = String((v as { text: unknown }).text);
  else out = "";
  return out.replace(/[\t\r\n\v\f\u2028\u2029]+/g, " ").trim();
}

/** A date cell as the day Excel shows (exceljs reads Excel's zone-less dates as UTC). */
function dayText(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
