import type { FastifyReply } from "fastify";
import { loadExcel } from "../../files/excel-module.js";

/** The MIME type of an .xlsx workbook. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** One column of an import template. */
export interface TemplateColumn {
  header: string;
  width: number;
  /** Whether the import refuses a row that leaves this column blank; marked in the 说明 sheet. */
  required: boolean;
  /** How to fill the column, shown in the 说明 sheet. */
  note: string;
}

/** What an import template holds: the data sheet's columns, one example row and general notes. */
export interface TemplateSpec {
  sheetName: string;
  columns: TemplateColumn[];
  example: string[];
  notes: string[];
}

/** Builds an .xlsx template: a data sheet with a header row and one example row, and a 说明 sheet. */
export async function buildTemplate(spec: TemplateSpec): Promise<Buffer> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = "Duban 督办";
  const sheet = workbook.addWorksheet(spec.sheetName);
  sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  // Text format keeps phone numbers and codes from turning into numbers when people type into the sheet.
  spec.columns.forEach((_, i) => {
    sheet.getColumn(i + 1).numFmt = "@";
  });
  sheet.addRow(spec.example);
  sheet.views = [{ state: "frozen", ySplit: 1 }];

  const help = workbook.addWorksheet("说明");
  help.columns = [
    { header: "列名", width: 16 },
    { header: "是否必填", width: 10 },
    { header: "填写说明", width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of spec.columns) help.addRow([c.header, c.required ? "必填" : "选填", c.note]);
  help.addRow([]);
  for (const note of spec.notes) help.addRow(["", "", note]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sends a workbook as a download; the Chinese filename is encoded per RFC 5987 with an ASCII fallback. */
export function sendXlsx(reply: FastifyReply, file: { name: string; asciiName: string; body: Buffer }) {
  return reply
    .header("content-type", XLSX_TYPE)
    .header(
      "content-disposition",
      `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .header("cache-control", "no-store")
    .send(file.body);
}
