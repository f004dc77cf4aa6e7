// GB/T 9704-2012 Word documents: the one builder every 公文 the platform issues (督查通报, 督办通知单) goes through.

export { chineseDate } from "./gbt9704.js";
export {
  buildOfficialDocument,
  type OfficialBodyBlock,
  type OfficialDocument,
  type OfficialTableCell,
} from "./official-document.js";
export { DOCX_TYPE, type DocxFile, sendDocx } from "./send-docx.js";
