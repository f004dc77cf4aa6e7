// GB/T 9704-2012 Word documents: the one builder every 公文 the platform issues (督查通报, 督办通知单) goes through,
// run with every other document builder in the document worker.

import { buildOffThread, documentBuilder } from "./off-thread.js";
import type { OfficialDocument } from "./official-document.js";

export { chineseDate } from "./gbt9704.js";
export {
  buildOffThread,
  closeDocumentWorkers,
  type DocumentBuilder,
  documentBuilder,
  documentGate,
  documentWorkers,
} from "./off-thread.js";
export type { OfficialBodyBlock, OfficialDocument, OfficialTableCell } from "./official-document.js";
export { DOCX_TYPE, type DocxFile, sendDocx } from "./send-docx.js";

const officialDocument = documentBuilder<typeof import("./official-document.js"), "writeOfficialDocument">(
  new URL("./official-document.js", import.meta.url),
  "writeOfficialDocument",
);

/** Lays out a 公文 to GB/T 9704-2012 (`writeOfficialDocument`) in the document worker; returns the .docx bytes. */
export function buildOfficialDocument(doc: OfficialDocument): Promise<Buffer> {
  return buildOffThread(officialDocument, doc);
}
