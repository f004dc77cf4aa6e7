import { PassThrough } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
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

/**
 * Rows written between yields to the event loop. The workbook is streamed (each row rendered to XML as it is
 * committed, the zip deflated as it goes) in the document worker (`ledger.service.ts`); the yields keep it fair
 * wherever else it runs (the print tests call it directly).
 */
const ROWS_PER_TURN = 100;

/** The streaming writer and its worksheets. */
type Writer = ExcelJS.stream.xlsx.WorkbookWriter;
type Sheet = ReturnType<Writer["addWorksheet"]>;

/** A3 landscape, fit to one page wide, title and header repeated on every page and frozen on screen. */
const sheetOptions: Partial<ExcelJS.AddWorksheetOptions> = {
  pageSetup: {
    paperSize: 8 as ExcelJS.PaperSize, // 8 is A3 in the SpreadsheetML paper table.
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    // 0: as many pages tall as the rows need.
    fitToHeight: 0,
    printTitlesRow: `1:${HEAD_ROWS}`,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  },
  views: [{ state: "frozen", ySplit: HEAD_ROWS }],
};

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, "").slice(0, 28) || "部分";
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

/** A solid cell fill. */
function solid(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

/** A 0–100 progress as the fraction a "0.0%" cell shows, without float noise (1.3 → 0.013). */
function share(progress: number): number {
  return Number((progress / 100).toFixed(4));
}

/** The day part of an instant, Shanghai time, or blank. */
function dayOf(at: Date | null): string {
  return at ? shanghaiDate(at) : "";
}

/** Commits a row and, every few hundred rows, lets other requests run. */
async function commit(row: ExcelJS.Row): Promise<void> {
  row.commit();
  if (row.number % ROWS_PER_TURN === 0) await nextTurn();
}

/** A merged title line across `width` columns. */
async function mergedLine(
  sheet: Sheet,
  text: string,
  options: { size: number; width: number; fill?: string },
) {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, options.width);
  row.font = { bold: true, size: options.size };
  row.alignment = { vertical: "middle", horizontal: options.size > 12 ? "center" : "left", wrapText: true };
  if (options.fill) row.getCell(1).fill = solid(options.fill);
  await commit(row);
}

/** The sheet's merged title and its header row (left uncommitted for the caller to colour). */
async function head(sheet: Sheet, title: string, header: string[]): Promise<ExcelJS.Row> {
  await mergedLine(sheet, title, { size: 16, width: header.length });
  const row = sheet.addRow(header);
  row.font = { bold: true };
  row.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  row.eachCell((cell) => {
    cell.fill = solid("FFE8E8E8");
  });
  return row;
}

/** A data row: top-aligned, wrapped, its progress cell as a percentage. */
function dataRow(sheet: Sheet, values: unknown[], progressColumn: number): ExcelJS.Row {
  const row = sheet.addRow(values);
  row.alignment = { vertical: "top", wrapText: true };
  row.getCell(progressColumn).numFmt = "0.0%";
  return row;
}

/** A light cell: its colour name and meaning, filled with its colour. */
function paintLight(cell: ExcelJS.Cell, light: Light): void {
  cell.value = `${lightColorNames[light]}·${lightLabels[light]}`;
  cell.fill = solid(lightFills[light]);
  cell.alignment = { vertical: "top", horizontal: "center" };
}

/** A task's line and one line per assignment under it. */
async function addTask(sheet: Sheet, task: LedgerTask): Promise<void> {
  const { code, title, measures, indicators, leadUnit, coUnits, deadline } = task;
  const row = dataRow(
    sheet,
    [code, title, measures, indicators, leadUnit, coUnits, deadline, share(task.progress), "", "", "", ""],
    8,
  );
  row.getCell(13).value = dayOf(task.lastReportAt);
  row.font = { bold: true };
  paintLight(row.getCell(9), task.light);
  await commit(row);
  // "9." numbers its units 9-1, 9-2: the plan's own punctuation would read "9.-1".
  const prefix = code.replace(/[.、．]$/, "");
  for (const [i, a] of task.assignments.entries()) {
    const line = dataRow(
      sheet,
      [
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
      ],
      8,
    );
    paintLight(line.getCell(9), a.light);
    await commit(line);
  }
}

/** One section's sheet: its title line, then its tasks under merged 分项 headings. */
async function addSection(workbook: Writer, data: LedgerData, section: LedgerSection, taken: Set<string>) {
  const sheet = workbook.addWorksheet(sheetName(section.title, taken), sheetOptions);
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  const header = COLUMNS.map((c) => c.header);
  await commit(await head(sheet, `${data.planTitle}工作台账（截至${data.day}）`, header));
  const width = COLUMNS.length;
  await mergedLine(sheet, section.title, { size: 12, width, fill: "FFDCE6F1" });
  for (const line of section.lines) {
    if (line.kind === "heading") await mergedLine(sheet, line.title, { size: 11, width });
    else await addTask(sheet, line);
  }
  sheet.commit();
}

/** Task lines of a section. */
function tasksOf(section: LedgerSection): LedgerTask[] {
  return section.lines.filter((l): l is LedgerTask => l.kind === "task");
}

/** The summary sheet: counts by light and progress, overall and per section. */
async function addSummary(workbook: Writer, data: LedgerData): Promise<void> {
  const sheet = workbook.addWorksheet("汇总", sheetOptions);
  const lights = lightColors.map((l) => `${lightColorNames[l]}灯（${lightLabels[l]}）`);
  const header = ["部分", "任务数", ...lights, "进度"];
  sheet.columns = header.map((_, i) => ({ width: i === 0 ? 44 : 12 }));
  const note = data.snapshotDay ? `，按${data.snapshotDay}进度记录` : "";
  const headRow = await head(sheet, `${data.planTitle}工作台账汇总（截至${data.day}${note}）`, header);
  lightColors.forEach((l, i) => {
    headRow.getCell(3 + i).fill = solid(lightFills[l]);
  });
  await commit(headRow);
  const counts = (tasks: LedgerTask[]) => lightColors.map((l) => tasks.filter((t) => t.light === l).length);
  for (const section of data.sections) {
    const tasks = tasksOf(section);
    await commit(dataRow(sheet, [section.title, tasks.length, ...counts(tasks), share(section.progress)], 8));
  }
  const all = data.sections.flatMap(tasksOf);
  const total = dataRow(sheet, ["合计", all.length, ...counts(all), share(data.progress)], 8);
  total.font = { bold: true };
  await commit(total);
  sheet.commit();
}

/** The whole 工作台账 as an .xlsx file: the summary first, then one sheet per section. */
export async function writeLedgerWorkbook(data: LedgerData): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  workbook.creator = "Duban 督办";
  await addSummary(workbook, data);
  const taken = new Set(["汇总"]);
  for (const section of data.sections) await addSection(workbook, data, section, taken);
  await workbook.commit();
  return Buffer.concat(chunks);
}
