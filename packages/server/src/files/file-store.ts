import { createHash } from "node:crypto";
import type { Readable } from "node:stream";

/** Bytes to store: whole, or streamed in chunks (an upload, another store's download). */
export type FileSource = Uint8Array | AsyncIterable<Uint8Array>;

/** What a store holds for one hash. */
export interface StoredFile {
  sha256: string;
  size: number;
}

/** Which kind of store serves the files. */
export type FileStoreKind = "disk" | "postgres" | "s3";

/**
 * Content-addressed storage of uploaded bytes: one object per sha256, written once, never changed. Every
 * implementation passes the same contract suite (`file-store.contract.ts`): storing the same bytes twice keeps one
 * copy, a reader never sees half a file, a source that fails or does not match its expected hash leaves nothing.
 */
export interface FileStore {
  readonly kind: FileStoreKind;
  /** Where the bytes live, for log lines and messages: a folder, a table, a bucket and prefix. */
  readonly location: string;
  /**
   * Stores bytes while hashing them and returns their sha256. With `sha256` given, bytes hashing to anything else
   * are refused (`FileHashMismatchError`). A source that throws part-way (a size limit, a refused type) stores
   * nothing and its error is passed on.
   */
  put(source: FileSource, options?: { sha256?: string }): Promise<StoredFile>;
  /** Opens stored bytes for streaming: a download costs a chunk in memory, not the whole file. */
  open(sha256: string): Promise<{ stream: Readable; size: number }>;
  /** Reads stored bytes whole; for small documents that are parsed, never for downloads. */
  get(sha256: string): Promise<Buffer>;
  /** Whether the store holds the bytes of this hash (whole: a write in progress does not count). */
  has(sha256: string): Promise<boolean>;
  /** Releases what the store holds open (clients, sockets); the database is closed by its owner. */
  close(): Promise<void>;
}

/** The bytes of a hash are not in the store. */
export class FileMissingError extends Error {
  constructor(
    readonly sha256: string,
    readonly where: string,
  ) {
    super(`文件 ${sha256} 不在文件存储 ${where} 中`);
    this.name = "FileMissingError";
  }
}

/** Bytes given with an expected hash hashed to another one: refused, nothing stored. */
export class FileHashMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`文件内容的 sha256 为 ${actual}，与应有的 ${expected} 不符，已拒绝写入`);
    this.name = "FileHashMismatchError";
  }
}

/** Throws unless `sha256` is 64 lowercase hex digits: a hash names a path or key, so it must be one. */
export function assertSha256(sha256: string): void {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("invalid sha256");
}

/** The source as chunks; a whole buffer is one chunk. */
export async function* chunksOf(source: FileSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  for await (const chunk of source) yield chunk;
}

/**
 * Passes chunks through while hashing and counting them; `result()` is the hash and size once the source has
 * ended, checked against the expected hash when one was given.
 */
export function hashing(source: FileSource, expected?: string) {
  const hash = createHash("sha256");
  let size = 0;
  return {
    chunks: (async function* () {
      for await (const chunk of chunksOf(source)) {
        hash.update(chunk);
        size += chunk.byteLength;
        yield chunk;
      }
    })(),
    result(): StoredFile {
      const sha256 = hash.digest("hex");
      if (expected !== undefined && expected !== sha256) throw new FileHashMismatchError(expected, sha256);
      return { sha256, size };
    },
  };
}

/** Regroups chunks into pieces of exactly `size` bytes (the last one shorter), holding at most one piece. */
export async function* rechunk(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Buffer> {
  let parts: Uint8Array[] = [];
  let held = 0;
  for await (const chunk of source) {
    let rest = chunk;
    while (held + rest.byteLength >= size) {
      const take = size - held;
      parts.push(rest.subarray(0, take));
      yield Buffer.concat(parts, size);
      rest = rest.subarray(take);
      parts = [];
      held = 0;
    }
    if (rest.byteLength > 0) {
      parts.push(rest);
      held += rest.byteLength;
    }
  }
  if (held > 0) yield Buffer.concat(parts, held);
}

/** Reads a stream whole. */
export async function readWhole(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of stream) parts.push(chunk);
  return Buffer.concat(parts);
}
