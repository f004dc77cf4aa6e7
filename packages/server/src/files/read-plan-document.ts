import { storableText } from "@duban/domain";
import type { PlanLayout } from "@duban/plan-parser";
import { AppError } from "../errors.js";
import { readDocx } from "./docx.js";
import { readPdf } from "./pdf.js";
import { documentTooLarge, planDocumentLimits } from "./plan-document-limits.js";
import { isEncryptedOffice, sniffKind } from "./sniff.js";
import { decodeText } from "./text.js";
import { isWorkbookZip, readXlsx } from "./xlsx-plan.js";

/** The largest plan document accepted for import: 20 MB. */
export const planFileMaxBytes = planDocumentLimits.fileBytes;

/** A plan document's text, ready for the parser, with the format it was read as and notes for the reviewer. */
export interface PlanDocument {
  text: string;
  format: "txt" | "docx" | "pdf" | "xlsx";
  warnings: string[];
  /** The tables of a Word or Excel document: which lines are rows of which table, and the merged cells. */
  layout: PlanLayout | null;
}

const formatNames = { txt: "文本", docx: "Word", pdf: "PDF", xlsx: "Excel" } as const;

/**
 * Reads an uploaded 工作要点 (.txt, .docx, .xlsx or .pdf, sniffed from content) into plain text, or throws an AppError.
 * It runs on the calling thread: servers and the CLI call it through `readPlanOffThread`, which bounds time and memory.
 */
export async function readPlanDocument(input: {
  bytes: Uint8Array;
  filename?: string;
}): Promise<PlanDocument> {
  const { bytes } = input;
  if (bytes.byteLength > planFileMaxBytes)
    throw new AppError("payload_too_large", "文件超过 20 MB，请删除其中的图片或拆分后再上传");
  if (bytes.byteLength === 0) throw emptyError();
  const read = await readByKind(bytes);
  const text = normaliseText(read.text);
  assertTextLength(text.length);
  if (!/[\p{L}\p{N}]/u.test(text)) throw emptyError();
  const warnings = [...read.warnings];
  const extension = /\.([a-z0-9]+)$/i.exec(input.filename ?? "")?.[1]?.toLowerCase();
  // The content decides the format; a misleading extension is only worth a note to the reviewer.
  if (extension && extension in formatNames && extension !== read.format)
    warnings.push(
      `文件扩展名为 .${extension}，但内容是${formatNames[read.format]}格式，已按${formatNames[read.format]}读取`,
    );
  return { text, format: read.format, warnings, layout: read.layout };
}

/** Dispatches on the sniffed type. */
async function readByKind(bytes: Uint8Array): Promise<PlanDocument> {
  const kind = sniffKind(bytes);
  if (kind === "pdf") return { format: "pdf", layout: null, ...(await readPdf(bytes)) };
  if (kind === "zip" && isWorkbookZip(bytes)) return { format: "xlsx", ...(await readXlsx(bytes)) };
  if (kind === "zip") return { format: "docx", ...(await readDocx(bytes)) };
  if (kind === "ole") {
    if (isEncryptedOffice(bytes))
      throw new AppError("bad_request", "文件已加密，请在 Word 中去除密码后重新上传");
    // Without an EncryptionInfo stream this is a legacy binary .doc/.xls, which Duban does not read.
    throw new AppError(
      "unsupported_media_type",
      "这是旧版 Office 文件（如 .doc），请在 Word 中另存为 .docx 后上传；若文件设有密码，请先去除密码",
    );
  }
  if (kind !== "text")
    throw new AppError(
      "unsupported_media_type",
      `这是${kind.unsupported}，无法读取其中的文字，请上传 .docx、.xlsx、.pdf 或 .txt 格式的工作要点`,
    );
  return { format: "txt", layout: null, ...decodeText(bytes) };
}

/** Refuses text longer than any real plan; the parser and the review screen are not built for more. */
export function assertTextLength(chars: number): void {
  if (chars > planDocumentLimits.textChars) throw documentTooLarge("这份文档超过 200 万字");
}

/**
 * Unifies line ends and strips characters that only confuse the parser (BOM, soft hyphen, zero-width space) or
 * cannot be stored (NUL and other control characters, lone surrogates: a UTF-16 file or a PDF may carry them).
 */
export function normaliseText(text: string): string {
  return storableText(text.replace(/\r\n?|[\u2028\u2029\f\v]/g, "\n"))
    .replace(/[\ufeff\u00ad\u200b]/g, "")
    .replace(/\n+$/, "");
}

/** The error for a file without any readable words. */
function emptyError(): AppError {
  return new AppError("bad_request", "文件是空的，没有可读取的文字，请检查后重新上传");
}
