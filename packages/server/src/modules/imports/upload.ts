import { limits } from "@duban/domain";
import type { FastifyRequest } from "fastify";
import { AppError, invalid } from "../../errors.js";

/** Reads the uploaded import file (multipart field `file`), enforcing the import size limit. */
export async function readImportUpload(request: FastifyRequest): Promise<{ name: string; body: Buffer }> {
  const part = await request.file({ limits: { fileSize: limits.importFileBytes, files: 1 } });
  if (part?.fieldname !== "file")
    throw invalid([{ path: "file", message: "请选择要导入的 Excel 文件" }], "请选择要导入的 Excel 文件");
  const body = await part.toBuffer();
  // toBuffer() throws when the limit is hit; a truncated stream is the other way the limit shows.
  if (part.file.truncated)
    throw new AppError(
      "payload_too_large",
      `文件不能超过 ${limits.importFileBytes / 1024 / 1024} MB，请拆分后分批导入`,
    );
  return { name: part.filename, body };
}
