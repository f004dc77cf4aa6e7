import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";

const run = promisify(execFile);

/** The XML parts of a .docx that layout tests read: body, styles, settings, and each footer by file name. */
export async function docxParts(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`the document has no ${name}`);
    return file.async("string");
  };
  const footers: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)))
    footers[name.slice("word/".length)] = await read(name);
  return {
    document: await read("word/document.xml"),
    styles: await read("word/styles.xml"),
    settings: await read("word/settings.xml"),
    rels: await read("word/_rels/document.xml.rels"),
    footers,
  };
}

/** Throws a message naming the Debian package when a program the document tests need is not installed. */
export function requireProgram(program: string, debianPackage: string): void {
  try {
    execFileSync("sh", ["-c", `command -v ${program}`], { stdio: "ignore" });
  } catch {
    throw new Error(`${program} is missing: install the Debian package ${debianPackage} (.ci/run does)`);
  }
}

/**
 * Converts .docx files (and .xlsx ones, named with their extension, e.g. `results.xlsx`) to PDF with LibreOffice
 * headless in one start, under a private profile so parallel runs do not share (and lock) one. Returns the PDF
 * paths by the names given (without the extension).
 */
export async function convertToPdf(files: Record<string, Buffer>): Promise<Record<string, string>> {
  requireProgram("soffice", "libreoffice-writer-nogui");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-docx-"));
  const inputs = Object.entries(files).map(([name, bytes]) => {
    const file = path.join(dir, name.endsWith(".xlsx") ? name : `${name}.docx`);
    fs.writeFileSync(file, bytes);
    return file;
  });
  const profile = `file://${path.join(dir, "profile")}`;
  await run(
    "soffice",
    [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, ...inputs],
    { timeout: 120_000 },
  );
  return Object.fromEntries(
    Object.keys(files).map((name) => {
      const base = name.replace(/\.xlsx$/, "");
      return [base, path.join(dir, `${base}.pdf`)];
    }),
  );
}

/** A PDF's page count and page size line, from pdfinfo. */
export async function pdfInfo(file: string): Promise<{ pages: number; pageSize: string }> {
  requireProgram("pdfinfo", "poppler-utils");
  const { stdout } = await run("pdfinfo", [file]);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, "m").exec(stdout)?.[1] ?? "";
  return { pages: Number(field("Pages")), pageSize: field("Page size") };
}

/** A PDF's text per page (pdftotext, form feeds between pages), spaces removed so CJK runs compare whole. */
export async function pdfPagesText(file: string): Promise<string[]> {
  requireProgram("pdftotext", "poppler-utils");
  const { stdout } = await run("pdftotext", [file, "-"]);
  return stdout
    .split("\f")
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, ""));
}

/**
 * A PDF's text per page as pdftotext lays it out (`-layout`): one string per printed line, each run of spaces
 * between cells shortened to one, so a table row reads as its cells in order.
 */
export async function pdfLayoutLines(file: string): Promise<string[][]> {
  requireProgram("pdftotext", "poppler-utils");
  const { stdout } = await run("pdftotext", ["-layout", file, "-"]);
  return stdout
    .split("\f")
    .slice(0, -1)
    .map((page) =>
      page
        .split("\n")
        .map((line) => line.trim().replace(/\s+/g, " "))
        .filter(Boolean),
    );
}

/** Removes the working directory `convertToPdf` made (the .docx copies, the PDFs and the private profile). */
export function removeConverted(pdfs: Record<string, string>): void {
  const dirs = new Set(Object.values(pdfs).map((file) => path.dirname(file)));
  for (const dir of dirs)
    if (path.basename(dir).startsWith("duban-docx-")) fs.rmSync(dir, { recursive: true, force: true });
}
