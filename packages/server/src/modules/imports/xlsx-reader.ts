import { limits } from "@duban/domain";
import type ExcelJS from "exceljs";
import { AppError } from "../../errors.js";
import { loadExcel } from "../../files/excel-module.js";
import { badFile, ImportProblems } from "./import-problems.js";

/** One filled-in data row: its Excel row number and its cells by column header. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

/** Every .xlsx is a ZIP archive, which starts with a local file header. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const notXlsx = () =>
  new AppError("unsupported_media_type", "文件不是有效的 Excel（.xlsx）文件，请使用下载的模板填写后上传");

/** "名称*" or "类型（科室/学校）" → "名称", "类型": people annotate headers, the import should not mind. */
function headerKey(text: string): string {
  return text
    .replace(/[（(].*[)）]/, "")
    .replace(/[*＊]/g, "")
    .trim();
}

/** Opens the workbook, refusing anything that is not a readable .xlsx. */
async function openWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  if (buffer.length < ZIP_MAGIC.length || !buffer.subarray(0, 4).equals(ZIP_MAGIC)) throw notXlsx();
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw notXlsx();
  }
  return workbook;
}

/**
 * Reads the data sheet (the one named `sheetName`, else the first that is not 说明) into rows keyed by header.
 * Blank rows are skipped; a missing required column or an empty sheet is refused.
 */
export async function readSheet(
  buffer: Buffer,
  options: { sheetName: string; headers: string[]; required: string[] },
): Promise<SheetRow[]> {
  const workbook = await openWorkbook(buffer);
  const sheet =
    workbook.getWorksheet(options.sheetName) ?? workbook.worksheets.find((s) => s.name !== "说明");
  if (!sheet) throw badFile("文件中没有工作表，请使用下载的模板填写后上传");

  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const key = headerKey(cell.text);
    if (options.headers.includes(key) && !columns.has(key)) columns.set(key, col);
  });
  const missing = options.required.filter((h) => !columns.has(h));
  if (missing.length > 0) {
    const problems = new ImportProblems();
    problems.add(1, `表头缺少列：${missing.join("、")}，请使用下载的模板`);
    problems.throwIfAny();
  }

  const rows: SheetRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Record<string, string> = {};
    for (const [key, col] of columns) cells[key] = row.getCell(col).text.trim();
    if (Object.values(cells).every((v) => v === "")) continue;
    rows.push({ row: r, cells });
    if (rows.length > limits.importRowsMax)
      throw badFile(`一次最多导入 ${limits.importRowsMax} 行，请拆分文件后分批导入`);
  }
  if (rows.length === 0) throw badFile("文件中没有可导入的数据行，请在表头下方填写后再上传");
  return rows;
}
