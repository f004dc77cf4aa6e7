import { storableText } from "@duban/domain";
import type { MultipartFile } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { AppError, invalid } from "../errors.js";
import type { FileStore, StoredFile } from "../files/file-store.js";

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

/**
 * Maps an error raised while parsing the form to the envelope; the body came from the client, so it is a 400.
 * `messages` names a form's own limits, in place of those of a single-file upload.
 */
function formError(
  err: unknown,
  options: { what: string; tooLarge: AppError; messages?: Record<string, string> },
): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code ?? "";
  if (code === "FST_REQ_FILE_TOO_LARGE") return options.tooLarge;
  const limit = options.messages?.[code] ?? limitMessages[code];
  return limit ? new AppError("bad_request", limit) : malformed(options.what);
}

/** The refusal of a file larger than `maxBytes`. */
function fileTooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `文件不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`);
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
  const tooLarge = fileTooLarge(options.maxBytes);
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
  return { name: cleanName(part.filename), body };
}

/** The name comes from the client's file system (or a crafted form): it is stored, so it must be storable. */
function cleanName(filename: string): string {
  return storableText(filename)
    .replace(/[\t\n\r\v\f]+/g, " ")
    .trim();
}

/** Checks an upload's bytes as they stream into the store; throwing refuses the upload before anything is kept. */
export interface UploadInspector {
  /** Sees each chunk before the store does. */
  push(chunk: Uint8Array): void;
  /** Sees the size once the last chunk has passed, before the store keeps the file. */
  end(size: number): void;
}

/** A failure of the store itself (not of the client's body): passed on as it is, a 500. */
class StoreFailure extends Error {}

/**
 * Streams the single uploaded file of a multipart request (field `file`) into the file store while it is hashed
 * and inspected, so no upload is held whole in memory. The size limit holds mid-stream and the inspector may
 * refuse at any chunk: either way the store keeps nothing of it. The same form rules as `readUpload` apply.
 */
export async function storeUpload(
  request: FastifyRequest,
  options: { maxBytes: number; what: string; files: FileStore; inspect?: UploadInspector },
): Promise<{ name: string; stored: StoredFile }> {
  const tooLarge = fileTooLarge(options.maxBytes);
  if (!request.isMultipart())
    throw new AppError("unsupported_media_type", `请以表单（multipart/form-data）方式上传${options.what}`);
  let upload: { name: string; stored: StoredFile } | undefined;
  try {
    const parts = request.parts({
      limits: { fileSize: options.maxBytes, files: 1, fields: MAX_FIELDS, parts: MAX_FIELDS + 1 },
    });
    for await (const part of parts) {
      if (part.type !== "file") continue;
      if (part.fieldname !== "file") {
        part.file.resume();
        throw missingFile(options.what);
      }
      upload = { name: cleanName(part.filename), stored: await storePart(part, options, tooLarge) };
    }
  } catch (err) {
    if (err instanceof StoreFailure) throw err.cause;
    throw formError(err, { what: options.what, tooLarge });
  }
  if (!upload) throw missingFile(options.what);
  return upload;
}

/** Streams one file part into the store through the size limit and the inspector. */
async function storePart(
  part: MultipartFile,
  options: { maxBytes: number; what: string; files: FileStore; inspect?: UploadInspector },
  tooLarge: AppError,
): Promise<StoredFile> {
  async function* checked(): AsyncGenerator<Uint8Array> {
    let size = 0;
    try {
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.byteLength;
        if (size > options.maxBytes) throw tooLarge;
        options.inspect?.push(chunk);
        yield chunk;
      }
    } catch (err) {
      // A body cut off or over the limit is the client's doing: the form's refusal, never the store's failure.
      throw formError(err, { what: options.what, tooLarge });
    }
    // A truncated stream is the other way the size limit shows.
    if (part.file.truncated) throw tooLarge;
    options.inspect?.end(size);
  }
  try {
    return await options.files.put(checked());
  } catch (err) {
    // Drained, so a refused part never holds the parser up.
    part.file.resume();
    if (err instanceof AppError) throw err;
    throw new StoreFailure("文件存储写入失败", { cause: err });
  }
}

/** What `storeFormWithFiles` reads: one JSON field, checked before any file, then the files. */
export interface FormWithFilesOptions<T> {
  /** The name of the JSON field, which must come first. */
  field: string;
  /** What the field holds, for messages. */
  fieldWhat: string;
  /** Checks the field's value (parsed JSON) before any file is stored; throwing refuses the request. */
  accept: (value: unknown) => Promise<T>;
  maxFiles: number;
  maxBytes: number;
  /** What the files are, for messages. */
  what: string;
  files: FileStore;
  /** A new inspector for each file. */
  inspect: () => UploadInspector;
  /** Runs before the file numbered `index` (from 0) is stored; throwing refuses the request. */
  beforeFile?: (index: number) => Promise<void>;
}

/** Largest JSON field of a form with files: the JSON routes' own body limit. */
const FORM_FIELD_BYTES = 1024 * 1024;

/**
 * Reads a multipart form of one JSON field (`field`) followed by up to `maxFiles` files in fields `file`: the
 * field is checked by `accept` before the first file arrives, so a request refused on its content stores no byte;
 * each file then streams into the store through its inspector, as `storeUpload` does. Answers the accepted value
 * and the stored files, in the order sent; the caller records them. A refusal after some files were stored leaves
 * their bytes unreferenced, as a refused `storeUpload` does.
 */
export async function storeFormWithFiles<T>(
  request: FastifyRequest,
  options: FormWithFilesOptions<T>,
): Promise<{ value: T; uploads: { name: string; stored: StoredFile }[] }> {
  const { field, fieldWhat, what, maxFiles } = options;
  const named = `${fieldWhat}（字段 ${field}）`;
  const tooLarge = fileTooLarge(options.maxBytes);
  if (!request.isMultipart())
    throw new AppError(
      "unsupported_media_type",
      `请以表单（multipart/form-data）方式提交${fieldWhat}和${what}`,
    );
  const messages = {
    FST_FILES_LIMIT: `一次最多附上 ${maxFiles} 个文件`,
    FST_FIELDS_LIMIT: `表单中只能有一项${named}`,
    FST_PARTS_LIMIT: `表单内容过多：一项${named}，最多 ${maxFiles} 个文件`,
    FST_INVALID_JSON_FIELD_ERROR: `${named}不是有效的 JSON`,
  };
  let accepted: { value: T } | undefined;
  const uploads: { name: string; stored: StoredFile }[] = [];
  try {
    const parts = request.parts({
      limits: {
        fileSize: options.maxBytes,
        files: maxFiles,
        fields: 1,
        // One over fields and files: the limits of either name what went wrong first.
        parts: maxFiles + 2,
        fieldSize: FORM_FIELD_BYTES,
      },
    });
    for await (const part of parts) {
      if (part.type === "field") {
        if (part.fieldname !== field)
          throw new AppError("bad_request", `表单中除文件外只能有${named}，不能有“${part.fieldname}”`);
        if (part.valueTruncated) throw new AppError("payload_too_large", `${named}过长`);
        accepted = { value: await options.accept(jsonOf(part.value, named)) };
        continue;
      }
      // Drained, so a refused part never holds the parser up.
      if (!accepted) {
        part.file.resume();
        throw new AppError("bad_request", `表单的第一项须是${named}，${what}随后`);
      }
      if (part.fieldname !== "file") {
        part.file.resume();
        throw new AppError("bad_request", `${what}须放在字段 file 中`);
      }
      if (options.beforeFile)
        await options.beforeFile(uploads.length).catch((err) => {
          part.file.resume();
          throw err;
        });
      const stored = await storePart(
        part,
        { maxBytes: options.maxBytes, what, files: options.files, inspect: options.inspect() },
        tooLarge,
      );
      uploads.push({ name: cleanName(part.filename), stored });
    }
  } catch (err) {
    if (err instanceof StoreFailure) throw err.cause;
    throw formError(err, { what, tooLarge, messages });
  }
  if (!accepted) throw invalid([{ path: field, message: `请填写${fieldWhat}` }], `请填写${named}`);
  return { value: accepted.value, uploads };
}

/** A form field's value as JSON: parsed already when it was sent as application/json, else parsed here. */
function jsonOf(value: unknown, named: string): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    throw new AppError("bad_request", `${named}不是有效的 JSON`);
  }
}
