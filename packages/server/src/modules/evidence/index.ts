// Public face of the evidence module: the only file that other modules, jobs/, cli/ and seed/ import from it.

export { type FileAttachment, findFileAttachments, findFilesByIds } from "./evidence.repository.js";
export {
  assertAttachable,
  EVIDENCE_MAX_BYTES,
  evidenceUploadCheck,
  type FileRow,
  findAttachableFiles,
  findTenantFiles,
  isPreviewable,
  ownsFile,
  precheckUploadQuota,
  recordEvidenceRow,
  toFileRef,
} from "./evidence.service.js";
