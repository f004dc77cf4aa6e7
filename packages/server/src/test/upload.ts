import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { LightMyRequestResponse } from "fastify";
import type { TestSession } from "./session.js";

/** A tiny but real PNG, as a phone photo would start. */
export const png = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

/** The MIME type of an .xlsx workbook. */
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Builds a multipart/form-data body with one file field, by hand, as a browser's FormData would. */
export function multipartBody(file: { field?: string; name: string; type?: string; content: Buffer }) {
  const boundary = `----duban${Math.random().toString(16).slice(2)}`;
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="${file.field ?? "file"}"; filename="${file.name}"\r\n` +
    `Content-Type: ${file.type ?? XLSX_TYPE}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), file.content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Builds a multipart/form-data body of fields (a string as it is, anything else as JSON) followed by files, in that
 * order, as FormData would send it.
 */
export function multipartForm(
  fields: Record<string, unknown>,
  files: { field?: string; name: string; type?: string; content: Buffer }[],
) {
  const boundary = `----duban${Math.random().toString(16).slice(2)}`;
  const text = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));
  const parts = [
    ...Object.entries(fields).map(([name, value]) =>
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${text(value)}\r\n`,
      ),
    ),
    ...files.map((file) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? "file"}"; filename="${file.name}"\r\n` +
            `Content-Type: ${file.type ?? XLSX_TYPE}\r\n\r\n`,
        ),
        file.content,
        Buffer.from("\r\n"),
      ]),
    ),
  ];
  const body = Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads a file as the multipart field `file` (or `field`) with the session's cookie and CSRF header. */
export function uploadFile(
  session: TestSession,
  url: string,
  file: { field?: string; name?: string; type?: string; content: Buffer },
): Promise<LightMyRequestResponse> {
  const { body, contentType } = multipartBody({ name: "import.xlsx", ...file });
  return session.request("POST", url, body, { "content-type": contentType });
}

/** Builds an .xlsx with one sheet: a header row then the data rows. */
export async function buildXlsx(sheetName: string, header: string[], rows: (string | number)[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads a downloaded .xlsx: every sheet's rows as cell texts. */
export async function readXlsx(content: Buffer): Promise<Record<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheets: Record<string, string[][]> = {};
  for (const sheet of workbook.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells.push(cell.text);
      });
      rows.push(cells);
    });
    sheets[sheet.name] = rows;
  }
  return sheets;
}

/** Every file under the app's disk store (`DATA_DIR/files`), temporary ones included, by name. */
export function filesOnDisk(dataDir: string): string[] {
  const dir = path.join(dataDir, "files");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
}

/** Uploads a small PNG as evidence (POST /api/files) and answers the stored file's id; fails unless 201. */
export async function uploadPhoto(session: TestSession, name = "现场照片.png"): Promise<string> {
  const res = await uploadFile(session, "/api/files", { name, type: "image/png", content: png });
  if (res.statusCode !== 201) throw new Error(`upload of ${name}: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}
