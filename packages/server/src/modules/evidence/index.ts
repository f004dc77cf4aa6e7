// The evidence module's public face: what other modules, jobs, the CLI and the seed may use. Its repositories stay private.
export { type FileRow, findAttachableFiles, findTenantFiles, toFileRef } from "./evidence.service.js";
