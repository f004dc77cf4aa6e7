import type { PlanLayout } from "@duban/plan-parser";
import JSZip from "jszip";
import { AppError } from "../errors.js";
import { documentLines, parseStyleNumbering } from "./docx-body.js";
import { NumberingCounter, parseNumbering } from "./docx-numbering.js";
import { documentTooLarge, planDocumentLimits } from "./plan-document-limits.js";
import { composeLines } from "./plan-layout.js";
import { attr, walkXml } from "./xml.js";

/** Text of a .docx, one paragraph (or table row) per line, with Word's list numbers written out. */
export interface DocxText {
  text: string;
  warnings: string[];
  /** Which lines are rows of which table, and the merged cells; null without tables. */
  layout: PlanLayout | null;
}

/** What is left of the inflated-bytes allowance, shared by every part read from one file. */
interface InflateBudget {
  left: number;
}

/** Reads a ZIP upload as a Word document, or explains which other format it is. */
export async function readDocx(bytes: Uint8Array): Promise<DocxText> {
  const zip = await openZip(bytes);
  // A 20 MB upload of compressed XML may inflate a thousandfold; past the allowance it is a zip bomb, not a plan.
  const budget: InflateBudget = { left: planDocumentLimits.docxInflatedBytes };
  // Only a package that declares a WordprocessingML main part, and has it, is Word: any zip can hold a
  // `word/document.xml` entry.
  const documentPath = await wordMainPart(zip, budget);
  if (!documentPath || !zip.file(documentPath)) throw otherZipError(zip);
  const dir = documentPath.slice(0, documentPath.lastIndexOf("/") + 1);
  const relsPath = `${dir}_rels/${documentPath.slice(dir.length)}.rels`;
  const numberingPath =
    (await relationshipTarget(zip, budget, { relsPath, baseDir: dir, type: "numbering" })) ??
    `${dir}numbering.xml`;
  const stylesPath =
    (await relationshipTarget(zip, budget, { relsPath, baseDir: dir, type: "styles" })) ?? `${dir}styles.xml`;
  // One part after another, so the shared allowance is counted exactly.
  const documentXml = await readPart(zip, documentPath, budget);
  const numberingXml = await readPart(zip, numberingPath, budget);
  const stylesXml = await readPart(zip, stylesPath, budget);
  const counter = new NumberingCounter(parseNumbering(numberingXml));
  const body = documentLines(documentXml ?? "", counter, parseStyleNumbering(stylesXml));
  if (!body.lines.some((l) => l.trim()))
    throw new AppError(
      "bad_request",
      "Word 文件中没有文字（可能只有图片），请上传含文字的 Word、PDF 或文本版本",
    );
  return { ...composeLines(body), warnings: body.warnings };
}

/** Loads the ZIP directory, turning a damaged archive into a user-facing error. */
async function openZip(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch (err) {
    throw new AppError(
      "bad_request",
      "Word 文件已损坏或不完整，无法打开，请在 Word 中另存后重新上传",
      undefined,
      {
        cause: err,
      },
    );
  }
}

/** Names the format of a ZIP that is not a Word document, so the user knows what to upload instead. */
function otherZipError(zip: JSZip): AppError {
  const what = zip.file("xl/workbook.xml")
    ? "Excel 表格（.xlsx）"
    : zip.file("ppt/presentation.xml")
      ? "PowerPoint 演示文稿（.pptx）"
      : zip.file("OFD.xml")
        ? "OFD 版式文件"
        : zip.file("content.xml")
          ? "OpenDocument 文档（如 WPS/LibreOffice 的 .odt）"
          : "ZIP 压缩包";
  return new AppError(
    "unsupported_media_type",
    `这是${what}，不是 Word 文档，请上传 .docx、.xlsx、.pdf 或 .txt 格式的工作要点`,
  );
}

/** The main part's path as [Content_Types].xml declares it (.docx, .docm, .dotx), or null when none is declared. */
async function wordMainPart(zip: JSZip, budget: InflateBudget): Promise<string | null> {
  const xml = await readPart(zip, "[Content_Types].xml", budget);
  if (!xml) return null;
  for (const e of walkXml(xml)) {
    if (e.type !== "open" || e.name !== "Override") continue;
    // Only a WordprocessingML main part makes a Word document; an .xlsx declares a spreadsheet main part.
    if (
      /wordprocessingml\.(document|template)\.main|ms-word\.(document|template)\.macroEnabled/.test(
        attr(e.attrs, "ContentType") ?? "",
      )
    )
      return (attr(e.attrs, "PartName") ?? "").replace(/^\//, "");
  }
  return null;
}

/** Finds the target of the first relationship of a type (e.g. "numbering") in a .rels part, as a ZIP path. */
async function relationshipTarget(
  zip: JSZip,
  budget: InflateBudget,
  { relsPath, baseDir, type }: { relsPath: string; baseDir: string; type: string },
): Promise<string | null> {
  const xml = await readPart(zip, relsPath, budget);
  if (!xml) return null;
  for (const e of walkXml(xml)) {
    if (e.type !== "open" || e.name !== "Relationship") continue;
    if (!attr(e.attrs, "Type")?.endsWith(`/${type}`)) continue;
    const target = attr(e.attrs, "Target") ?? "";
    return target.startsWith("/") ? target.slice(1) : normalisePath(baseDir + target);
  }
  return null;
}

/** Resolves `..` and `.` segments of a relative part path. */
function normalisePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split("/"))
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  return out.join("/");
}

/** Inflates one part as UTF-8, refusing it when its declared or actual size passes what is left of the budget. */
async function readPart(zip: JSZip, path: string, budget: InflateBudget): Promise<string | null> {
  const file = zip.file(path);
  if (!file) return null;
  const declared =
    (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (declared > budget.left) throw inflatedTooLarge();
  try {
    return await inflateCapped(file, budget);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      "bad_request",
      "Word 文件已损坏或不完整，无法读取，请在 Word 中另存后重新上传",
      undefined,
      {
        cause: err,
      },
    );
  }
}

/** Streams a part out of the ZIP, giving up as soon as it passes the budget (the declared size may lie). */
function inflateCapped(file: JSZip.JSZipObject, budget: InflateBudget): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const stream = file.nodeStream("nodebuffer");
    stream.on("data", (chunk: Buffer) => {
      budget.left -= chunk.length;
      if (budget.left >= 0) return void chunks.push(chunk);
      stream.pause();
      reject(inflatedTooLarge());
    });
    stream.on("error", reject);
    stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

/** The refusal of a .docx whose XML inflates past the allowance. */
function inflatedTooLarge() {
  return documentTooLarge(
    `Word 文件解压后超过 ${planDocumentLimits.docxInflatedBytes / 1024 / 1024} MB（可能是压缩炸弹或嵌入了大量内容）`,
  );
}
