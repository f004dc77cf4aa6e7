import { type Light, lightColorNames, lightColors, lightLabels, shanghaiDate } from "@duban/domain";
import ExcelJS from "exceljs";
import type { LedgerData, LedgerSection, LedgerTask } from "./ledger-data.js";

/** The columns of the 工作台账, as a 督查室 prints it. */
const COLUMNS = [
  { header: "编号", width: 7 },
  { header: "任务", width: 36 },
  { header: "措施", width: 36 },
  { header: "指标（目标/当前/状态）", width: 34 },
  { header: "牵头单位", width: 14 },
  { header: "配合单位", width: 16 },
  { header: "完成时限", width: 11 },
  { header: "进度", width: 8 },
  { header: "亮灯", width: 9 },
  { header: "最新进展", width: 34 },
  { header: "存在问题", width: 26 },
  { header: "下步计划", width: 26 },
  { header: "最近报送", width: 11 },
];

/** The light cells' fill: the colours of the web's light tags, so paper and screen agree. */
export const lightFills: Record<Light, string> = {
  red: "FFF5222D",
  yellow: "FFFAAD14",
  green: "FF52C41A",
  grey: "FFBFBFBF",
  blue: "FF1677FF",
};

/** Rows above the data on every sheet: the title and the header, repeated on each printed page. */
const HEAD_ROWS = 2;

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, "").slice(0, 28) || "部分";
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

/** A3 landscape, fit to one page wide, title and header repeated on every page. */
function printSetup(sheet: ExcelJS.Worksheet): void {
  sheet.pageSetup = {
    paperSize: 8 as ExcelJS.PaperSize, // 8 is A3 in the SpreadsheetML paper table.
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    // 0: as many pages tall as the rows need.
    fitToHeight: 0,
    printTitlesRow: `1:${HEAD_ROWS}`,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  sheet.views = [{ state: "frozen", ySplit: HEAD_ROWS }];
}

/** A merged title line across every column. */
function mergedLine(sheet: ExcelJS.Worksheet, text: string, options: { size: number; fill?: string }) {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, COLUMNS.length);
  row.font = { bold: true, size: options.size };
  row.alignment = { vertical: "middle", horizontal: options.size > 12 ? "center" : "left" };
  if (options.fill) row.getCell(1).fill = solid(options.fill);
  return row;
}

/** A solid cell fill. */
function solid(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

/** The sheet's title and header rows. */
function head(sheet: ExcelJS.Worksheet, title: string): void {
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  mergedLine(sheet, title, { size: 16 });
  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  header.eachCell((cell) => {
    cell.fill = solid("FFE8E8E8");
  });
}

/** A light cell: its colour name and meaning, filled with its colour. */
function paintLight(cell: ExcelJS.Cell, light: Light): void {
  cell.value = `${lightColorNames[light]}·${lightLabels[light]}`;
  cell.fill = solid(lightFills[light]);
  cell.alignment = { vertical: "top", horizontal: "center" };
}

/** A 0–100 progress as the fraction a "0.0%" cell shows, without float noise (1.3 → 0.013, not 0.013000000000000001). */
function share(progress: number): number {
  return Number((progress / 100).toFixed(4));
}

/** The day part of an instant, Shanghai time, or blank. */
function dayOf(at: Date | null): string {
  return at ? shanghaiDate(at) : "";
}

/** A task's line and one line per assignment under it. */
function addTask(sheet: ExcelJS.Worksheet, task: LedgerTask): void {
  const row = sheet.addRow([
    task.code,
    task.title,
    task.measures,
    task.indicators,
    task.leadUnit,
    task.coUnits,
    task.deadline,
    share(task.progress),
    "",
    "",
    "",
    "",
    dayOf(task.lastReportAt),
  ]);
  row.font = { bold: true };
  paintLight(row.getCell(9), task.light);
  // "9." numbers its units 9-1, 9-2: the plan's own punctuation would read "9.-1".
  const prefix = task.code.replace(/[.、．]$/, "");
  task.assignments.forEach((a, i) => {
    const line = sheet.addRow([
      `${prefix}-${i + 1}`,
      `${a.unitName}（${a.role}）`,
      a.measureText ?? "",
      "",
      "",
      "",
      a.dueDate ?? "",
      share(a.progress),
      "",
      a.doneText,
      a.problemsText,
      a.nextText,
      dayOf(a.lastReportAt),
    ]);
    paintLight(line.getCell(9), a.light);
  });
}

/** One section's sheet: its title line, then its tasks under merged 分项 headings. */
function addSection(
  workbook: ExcelJS.Workbook,
  data: LedgerData,
  section: LedgerSection,
  taken: Set<string>,
) {
  const sheet = workbook.addWorksheet(sheetName(section.title, taken));
  head(sheet, `${data.planTitle}工作台账（截至${data.day}）`);
  mergedLine(sheet, section.title, { size: 12, fill: "FFDCE6F1" });
  for (const line of section.lines) {
    if (line.kind === "heading") mergedLine(sheet, line.title, { size: 11 });
    else addTask(sheet, line);
  }
  const first = HEAD_ROWS + 1;
  for (let r = first; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    row.alignment = { ...row.alignment, vertical: "top", wrapText: true };
    row.getCell(8).numFmt = "0.0%";
  }
  printSetup(sheet);
}

/** Task lines of a section. */
function tasksOf(section: LedgerSection): LedgerTask[] {
  return section.lines.filter((l): l is LedgerTask => l.kind === "task");
}

/** The summary sheet: counts by light and progress, overall and per section. */
function addSummary(workbook: ExcelJS.Workbook, data: LedgerData): void {
  const sheet = workbook.addWorksheet("汇总");
  const header = [
    "部分",
    "任务数",
    ...lightColors.map((l) => `${lightColorNames[l]}灯（${lightLabels[l]}）`),
    "进度",
  ];
  sheet.columns = header.map((_, i) => ({ width: i === 0 ? 44 : 12 }));
  const title = sheet.addRow([
    `${data.planTitle}工作台账汇总（截至${data.day}${data.fromSnapshot ? "，按当日进度记录" : ""}）`,
  ]);
  sheet.mergeCells(title.number, 1, title.number, header.length);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: "center" };
  const head = sheet.addRow(header);
  head.font = { bold: true };
  const lightCells = (tasks: LedgerTask[]) =>
    lightColors.map((l) => tasks.filter((t) => t.light === l).length);
  for (const section of data.sections) {
    const tasks = tasksOf(section);
    sheet.addRow([section.title, tasks.length, ...lightCells(tasks), share(section.progress)]);
  }
  const all = data.sections.flatMap(tasksOf);
  const total = sheet.addRow(["合计", all.length, ...lightCells(all), share(data.progress)]);
  total.font = { bold: true };
  lightColors.forEach((l, i) => {
    head.getCell(3 + i).fill = solid(lightFills[l]);
  });
  for (let r = 3; r <= sheet.rowCount; r++) sheet.getRow(r).getCell(header.length).numFmt = "0.0%";
  printSetup(sheet);
}

/** The whole 工作台账 as an .xlsx workbook: the summary first, then one sheet per section. */
export async function writeLedgerWorkbook(data: LedgerData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Duban 督办";
  addSummary(workbook, data);
  const taken = new Set(["汇总"]);
  for (const section of data.sections) addSection(workbook, data, section, taken);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
