// The messages between the main thread and the worker thread that owns PGlite. Everything here crosses a
// MessagePort, so it holds only what the structured clone algorithm copies: no functions, no class instances
// other than Error, Date, Uint8Array and ArrayBuffer.

/** How the worker opens PGlite (its `workerData`). */
export interface PgliteWorkerInit {
  /** Data directory on disk; absent means in memory. */
  dataDir?: string;
  /** In memory only: a tar dump of a data directory to start from. */
  loadDataDir?: ArrayBuffer;
  /** PGlite's WebAssembly, already compiled by the main thread (a `WebAssembly.Module`). */
  wasmModule?: object;
}

/** A query as the driver sends it; `parserOids` are the types whose text the main thread parses itself. */
export interface QueryRequest {
  op: "query";
  id: number;
  sql: string;
  params: unknown[];
  rowMode?: "array" | "object";
  parserOids?: number[];
  /** The open transaction it runs in, or none. */
  tx?: number;
}

/** Any request the main thread sends; `id` pairs it with its reply. */
export type WorkerRequest =
  | QueryRequest
  | { op: "exec"; id: number; sql: string; tx?: number }
  /** Opens a transaction; the reply comes once PGlite has begun it, and its id names it afterwards. */
  | { op: "begin"; id: number }
  /** Ends the transaction `tx`: commit unless `commit` is false (the main thread's callback threw). */
  | { op: "end"; id: number; tx: number; commit: boolean }
  /** The transaction object's own `rollback()`: ends it now, the callback still returns. */
  | { op: "rollback"; id: number; tx: number }
  | { op: "dump"; id: number; compression: "none" | "gzip" | "auto" }
  | { op: "close"; id: number };

/** An error as it crosses the port: the PostgreSQL fields (code, constraint, detail…) kept as they were. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

/** The worker's answer to one request, or its first message (`id` 0) saying it is ready or failed to open. */
export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SerializedError };

/** Field values that cross the port unchanged. */
function cloneable(value: unknown): boolean {
  const t = typeof value;
  if (value === null || t === "string" || t === "number" || t === "boolean" || t === "bigint") return true;
  if (value instanceof Date || value instanceof Uint8Array) return true;
  return Array.isArray(value) && value.every(cloneable);
}

/** Copies an error's own fields that can cross the port (PGlite's `queryOptions` holds functions: left out). */
export function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { name: "Error", message: String(err), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(err)) if (cloneable(value)) fields[key] = value;
  return { name: err.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}), fields };
}

/**
 * A PostgreSQL error raised in the worker, rebuilt on the main thread with the same fields (code, constraint,
 * detail, table, column, position…), so callers tell errors apart exactly as with PGlite in process.
 */
export class DatabaseError extends Error {
  [field: string]: unknown;

  constructor(serialized: SerializedError) {
    super(serialized.message);
    Object.assign(this, serialized.fields);
    this.name = serialized.name;
    // Where PGlite raised it, as with PGlite in process (Drizzle's wrapper carries the caller's frames).
    if (serialized.stack) this.stack = serialized.stack;
  }
}
