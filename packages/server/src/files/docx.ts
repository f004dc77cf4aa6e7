import JSZip from "jszip";
import { AppError } from "../errors.js";
import { documentLines, parseStyleNumbering } from "./docx-body.js";
import { NumberingCounter, parseNumbering } from "./docx-numbering.js";
import { attr, walkXml } from "./xml.js";

/** Text of a .docx, one paragraph (or table row) per line, with Word's list numbers written out. */
export interface DocxText {
  text: string;
  warnings: string[];
}

// A 20 MB upload of compressed XML may inflate far beyond that; more than this is a zip bomb, not a plan.
const maxPartBytes = 200 * 1024 * 1024;

/** Reads a ZIP upload as a Word document, or explains which other format it is. */
export async function readDocx(bytes: Uint8Array): Promise<DocxText> {
  const zip = await openZip(bytes);
  const documentPath = (await wordMainPart(zip)) ?? "word/document.xml";
  if (!zip.file(documentPath)) throw otherZipError(zip);
  const dir = documentPath.slice(0, documentPath.lastIndexOf("/") + 1);
  const relsPath = `${dir}_rels/${documentPath.slice(dir.length)}.rels`;
  const numberingPath = (await relationshipTarget(zip, relsPath, dir, "numbering")) ?? `${dir}numbering.xml`;
  const stylesPath = (await relationshipTarget(zip, relsPath, dir, "styles")) ?? `${dir}styles.xml`;
  const [documentXml, numberingXml, stylesXml] = await Promise.all([
    readPart(zip, documentPath),
    readPart(zip, numberingPath),
    readPart(zip, stylesPath),
  ]);
  const counter = new NumberingCounter(parseNumbering(numberingXml));
  const body = documentLines(documentXml ?? "", counter, parseStyleNumbering(stylesXml));
  if (!body.lines.some((l) => l.trim()))
    throw new AppError(
      "bad_request",
      "Word 文件中没有文字（可能只有图片），请上传含文字的 Word、PDF 或文本版本",
    );
  return { text: body.lines.join("\n"), warnings: body.warnings };
}

/** Loads the ZIP directory, turning a damaged archive into a user-facing error. */
async function openZip(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch (err) {
    throw new AppError("bad_request", "Word 文件已损坏或不完整，无法打开，请在 Word 中另存后重新上传", {
      reason: String(err),
    });
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
    `这是${what}，不是 Word 文档，请上传 .docx、.pdf 或 .txt 格式的工作要点`,
  );
}

/** The main part's path as [Content_Types].xml declares it (.docx, .docm, .dotx), or null when none is declared. */
async function wordMainPart(zip: JSZip): Promise<string | null> {
  const xml = await readPart(zip, "[Content_Types].xml");
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
  relsPath: string,
  baseDir: string,
  type: string,
): Promise<string | null> {
  const xml = await readPart(zip, relsPath);
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

/** Inflates one part as UTF-8, stopping early when it grows past the limit. */
async function readPart(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  if (!file) return null;
  const declared =
    (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (declared > maxPartBytes) throw new AppError("payload_too_large", "Word 文件内容过大，请拆分后再上传");
  try {
    return await inflateCapped(file);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError("bad_request", "Word 文件已损坏或不完整，无法读取，请在 Word 中另存后重新上传", {
      reason: String(err),
    });
  }
}

/** Streams a part out of the ZIP, giving up as soon as it passes the size limit (the declared size may lie). */
function inflateCapped(file: JSZip.JSZipObject): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const stream = file.nodeStream("nodebuffer");
    stream.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total <= maxPartBytes) return void chunks.push(chunk);
      stream.pause();
      reject(new AppError("payload_too_large", "Word 文件内容过大，请拆分后再上传"));
    });
    stream.on("error", reject);
    stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}
