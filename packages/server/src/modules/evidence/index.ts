// The evidence module's public face: what other modules, jobs, the CLI and the seed may use. Its repositories stay private.

export { type FileAttachment, findFileAttachments, findFilesByIds } from "./evidence.repository.js";
export {
  type FileRow,
  findAttachableFiles,
  findTenantFiles,
  isPreviewable,
  ownsFile,
  toFileRef,
} from "./evidence.service.js";
