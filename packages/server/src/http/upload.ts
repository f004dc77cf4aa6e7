import type { FastifyRequest } from "fastify";
import { AppError, invalid } from "../errors.js";

/** Reads the single uploaded file of a multipart request (field `file`) into memory, within a size limit. */
export async function readUpload(
  request: FastifyRequest,
  options: { maxBytes: number; what: string },
): Promise<{ name: string; body: Buffer }> {
  const tooLarge = new AppError(
    "payload_too_large",
    `文件不能超过 ${Math.round(options.maxBytes / 1024 / 1024)} MB`,
  );
  if (!request.isMultipart())
    throw new AppError("unsupported_media_type", `请以表单（multipart/form-data）方式上传${options.what}`);
  const part = await request.file({ limits: { fileSize: options.maxBytes, files: 1 } });
  if (part?.fieldname !== "file")
    throw invalid([{ path: "file", message: `请选择${options.what}` }], `请选择${options.what}`);
  let body: Buffer;
  try {
    body = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge;
    throw err;
  }
  // A truncated stream is the other way the limit shows.
  if (part.file.truncated) throw tooLarge;
  return { name: part.filename, body };
}
