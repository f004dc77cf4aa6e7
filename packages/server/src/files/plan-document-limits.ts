import { AppError } from "../errors.js";

/**
 * Bounds on reading one plan document. A real 工作要点 is 10–50 KB of text, a few hundred items and a few dozen
 * pages, so each bound is far above any real plan and far below what would stall or exhaust the server.
 */
export const planDocumentLimits = {
  /** Upload size, checked before anything is read. */
  fileBytes: 20 * 1024 * 1024,
  /** Characters of extracted text (the same bound as pasted text). */
  textChars: 2_000_000,
  /** Bytes of XML inflated from a .docx, over all parts read (declared sizes and counted bytes alike). */
  docxInflatedBytes: 50 * 1024 * 1024,
  /** Pages of a PDF. */
  pdfPages: 300,
  /** Bytes inflated from a PDF's streams (page contents, fonts, images). */
  pdfInflatedBytes: 100 * 1024 * 1024,
  /** Sections, tasks and subtasks the parser may find. */
  planNodes: 2_000,
  /** Wall-clock time one document may take to read and parse. */
  timeMs: 30_000,
  /** JS heap of the worker that reads one document. */
  heapMb: 512,
} as const;

/** The refusal of a document beyond a limit, naming the limit and what a real plan looks like. */
export function documentTooLarge(what: string): AppError {
  return new AppError(
    "payload_too_large",
    `文档过大，工作要点一般不超过 5 万字、几百项任务、几十页：${what}。请确认上传的是工作要点全文，或删去附件、图片后再上传`,
  );
}
