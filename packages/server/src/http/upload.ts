import { storableText } from "@duban/domain";
import type { MultipartFile } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { AppError, invalid } from "../errors.js";

/** Form fields an upload form may carry beside its file; more is not a browser's upload. */
const MAX_FIELDS = 10;

/** What a client got wrong, by the multipart plugin's error code. */
const limitMessages: Record<string, string> = {
  FST_FILES_LIMIT: "一次只能上传一个文件，请逐个上传",
  FST_FIELDS_LIMIT: `表单字段过多（最多 ${MAX_FIELDS} 个），请只提交文件`,
  FST_PARTS_LIMIT: "表单内容过多，请只提交文件",
  FST_PROTO_VIOLATION: "表单字段名无效，请重新选择文件上传",
};

/** The refusal for a body that is not a well-formed multipart form. */
function malformed(what: string): AppError {
  return new AppError("bad_request", `上传的表单不完整或格式有误，请重新选择${what}后上传`);
}

/** The refusal for a form without the field `file`. */
function missingFile(what: string): AppError {
  return invalid([{ path: "file", message: `请选择${what}` }], `请选择${what}`);
}

/** Maps an error raised while parsing the form to the envelope; the body came from the client, so it is a 400. */
function formError(err: unknown, options: { what: string; tooLarge: AppError }): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code ?? "";
  if (code === "FST_REQ_FILE_TOO_LARGE") return options.tooLarge;
  const limit = limitMessages[code];
  return limit ? new AppError("bad_request", limit) : malformed(options.what);
}

/**
 * Reads the single uploaded file of a multipart request (field `file`) into memory, within a size limit.
 * The whole form is read, so a second file, too many fields or a truncated body is refused (400, 413 when
 * the file is too large) rather than silently ignored or left to fail as a 500.
 */
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
  let upload: { name: string; body: Buffer } | undefined;
  try {
    const parts = request.parts({
      limits: { fileSize: options.maxBytes, files: 1, fields: MAX_FIELDS, parts: MAX_FIELDS + 1 },
    });
    for await (const part of parts) {
      if (part.type !== "file") continue;
      upload = await readFilePart(part, options.what, tooLarge);
    }
  } catch (err) {
    throw formError(err, { what: options.what, tooLarge });
  }
  if (!upload) throw missingFile(options.what);
  return upload;
}

/** Reads the file part, which must be the field `file`. */
async function readFilePart(
  part: MultipartFile,
  what: string,
  tooLarge: AppError,
): Promise<{ name: string; body: Buffer }> {
  if (part.fieldname !== "file") {
    // Drained, so a refused part never holds the parser up.
    part.file.resume();
    throw missingFile(what);
  }
  const body = await part.toBuffer();
  // A truncated stream is the other way the size limit shows.
  if (part.file.truncated) throw tooLarge;
  // The name comes from the client's file system (or a crafted form): it is stored, so it must be storable.
  return {
    name: storableText(part.filename)
      .replace(/[\t\n\r\v\f]+/g, " ")
      .trim(),
    body,
  };
}
