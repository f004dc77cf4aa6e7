import { getDocumentProxy } from "unpdf";
import { AppError } from "../errors.js";
import { assertPdfInflatedSize } from "./pdf-streams.js";
import { documentTooLarge, planDocumentLimits } from "./plan-document-limits.js";
import { type LayoutLine, reflowPages } from "./reflow.js";

/** The text of a PDF, paragraphs rebuilt, with notes about pages that could not be read. */
export interface PdfText {
  text: string;
  warnings: string[];
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/** Extracts a PDF's text page by page and joins hard-wrapped lines back into paragraphs. */
export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  assertPdfInflatedSize(bytes);
  const pdf = await openPdf(bytes);
  try {
    if (pdf.numPages > planDocumentLimits.pdfPages)
      throw documentTooLarge(`这份 PDF 有 ${pdf.numPages} 页，超过 ${planDocumentLimits.pdfPages} 页`);
    const pages: LayoutLine[][] = [];
    let chars = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const lines = await pageLines(pdf, n);
      // Stopped page by page, so a PDF of endless text is refused before all of it is held.
      chars += lines.reduce((sum, l) => sum + l.text.length + 1, 0);
      if (chars > planDocumentLimits.textChars) throw documentTooLarge("这份文档超过 200 万字");
      pages.push(lines);
    }
    const empty = pages.flatMap((lines, i) => (lines.some((l) => l.text.trim()) ? [] : [i + 1]));
    if (empty.length === pages.length)
      throw new AppError("bad_request", "该 PDF 没有可提取的文字（可能是扫描件），请上传 Word 或文本版本");
    const warnings = empty.length
      ? [`PDF 第 ${empty.join("、")} 页没有可提取的文字（可能是图片），这些页的内容未读入，请核对`]
      : [];
    return { text: reflowPages(pages), warnings };
  } finally {
    await pdf.destroy();
  }
}

/** Opens the PDF, turning pdf.js failures into the user-facing errors. */
async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  try {
    // pdf.js may transfer (detach) the buffer it is given, so it gets a copy, and a plain Uint8Array one: it
    // refuses a Node Buffer, whose own slice() is a Buffer view. verbosity 0 keeps logs quiet.
    return await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (err) {
    const name = (err as Error)?.name;
    if (name === "PasswordException")
      throw new AppError("bad_request", "PDF 文件已加密，请去除打开密码后重新上传，或上传 Word、文本版本");
    throw new AppError("bad_request", "PDF 文件已损坏或不完整，无法读取，请重新导出后上传", undefined, {
      cause: err,
    });
  }
}

/** Groups a page's text items into physical lines with their extent. */
async function pageLines(pdf: PdfDocument, pageNumber: number): Promise<LayoutLine[]> {
  const page = await pdf.getPage(pageNumber);
  const content = await page.getTextContent();
  const lines: LayoutLine[] = [];
  let current: LayoutLine | null = null;
  let ended = true;
  for (const item of content.items) {
    if (!("str" in item)) continue;
    const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
    const size = Math.hypot(a, b) || item.height || 12;
    // pdf.js flags line ends with hasEOL; a baseline jump is checked too because not every producer triggers it.
    if (!current || ended || Math.abs(current.y - y) > size * 0.6) {
      current = { text: "", x0: x, x1: x, y, size };
      lines.push(current);
    }
    if (item.str.trim() === "" && current.text === "") current.x0 = x + item.width;
    current.text = joinRun(current.text, item.str);
    current.x1 = Math.max(current.x1, x + item.width);
    ended = item.hasEOL;
  }
  page.cleanup();
  // A gap still marked ends its line: it stays the space pdf.js gave.
  return lines
    .map((l) => ({ ...l, text: l.text.replaceAll(gapMark, " ") }))
    .filter((l) => l.text.trim() !== "");
}

// Han characters and CJK punctuation: Chinese text never puts a space beside them.
const cjk = /[\p{sc=Han}\u3000-\u303f\uff00-\uffef]/u;
// Marks a space run pdf.js inserted for a gap, until the next run shows what follows it.
const gapMark = "\u0000";

/**
 * Appends a text run to a line. LibreOffice and Word set digits and Latin letters in another font with a little
 * extra room beside Chinese ("示范县教育局 2023 年"), which pdf.js reads as a space run: such a gap is dropped
 * when Chinese text is on either side of it, so titles, years and numbers read as they were typed.
 */
function joinRun(line: string, run: string): string {
  if (run === " ") return line.endsWith(gapMark) ? line : line + gapMark;
  if (!line.endsWith(gapMark)) return line + run;
  const before = line.at(-2);
  const keep = before === undefined || !(cjk.test(before) || cjk.test(run[0] ?? ""));
  return line.slice(0, -1) + (keep ? " " : "") + run;
}
