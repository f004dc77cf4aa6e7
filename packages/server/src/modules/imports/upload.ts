import { limits } from "@duban/domain";
import type { FastifyRequest } from "fastify";
import { readUpload } from "../../http/upload.js";

/** Reads the uploaded Excel file (multipart field `file`), enforcing the import size limit. */
export function readImportUpload(request: FastifyRequest): Promise<{ name: string; body: Buffer }> {
  return readUpload(request, { maxBytes: limits.importFileBytes, what: "要导入的 Excel 文件" });
}
