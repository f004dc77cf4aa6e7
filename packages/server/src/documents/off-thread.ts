import { availableParallelism } from "node:os";
import { AppError } from "../errors.js";
import { ImportGate } from "../files/import-gate.js";
import { WorkerPool } from "../files/worker-pool.js";

/** What the document worker is asked: run the builder `name` of `module` on `input` (plain, cloneable data). */
export interface DocumentJob {
  module: string;
  name: string;
  input: unknown;
}

/** A builder the document worker can run: an exported `(input) => Promise<Buffer>` named by module and export. */
export interface DocumentBuilder<Input> {
  module: string;
  name: string;
  /** Never set: carries the input type. */
  readonly input?: Input;
}

/**
 * Names a builder for the document worker, typed from the module it lives in, e.g.
 * `documentBuilder<typeof import("./ledger-workbook.js"), "writeLedgerWorkbook">(new URL("./ledger-workbook.js", import.meta.url), "writeLedgerWorkbook")`.
 * Only the URL is kept: the server's thread never loads the builder (nor its docx or exceljs).
 */
export function documentBuilder<Module, Name extends keyof Module & string>(
  module: URL,
  name: Name,
): DocumentBuilder<Module[Name] extends (input: infer Input) => Promise<Buffer> ? Input : never> {
  return { module: module.href, name };
}

/** Time and heap of one document: a 300-unit 台账 takes a few seconds and about 200 MB. */
const limits = { timeMs: 60_000, heapMb: 512 };

/** The process's document workers. */
export const documentWorkers = new WorkerPool<DocumentJob, Uint8Array>({
  entry: new URL("./document-worker.js", import.meta.url),
  ...limits,
  timedOut: () => new Error(`document worker: no document after ${limits.timeMs} ms`),
  outOfMemory: () => new Error(`document worker: out of its ${limits.heapMb} MB heap`),
});

const retryAfterSeconds = 10;

/**
 * The process's gate for building documents: one per spare core (one on a 2-core server, so a request always
 * finds a core for the event loop), eight waiting, then 503 with Retry-After.
 */
export const documentGate = new ImportGate({
  running: Math.max(1, Math.min(2, availableParallelism() - 1)),
  waiting: 8,
  retryAfterSeconds,
  refusal: () =>
    new AppError("server_busy", `正在生成的文档较多，请 ${retryAfterSeconds} 秒后再试`, {
      retryAfterSeconds,
    }),
});

/** Builds a document in the document worker, queued behind the gate; crashes there reject with a plain error. */
export async function buildOffThread<Input>(
  builder: DocumentBuilder<Input>,
  input: Input,
  gate: ImportGate = documentGate,
): Promise<Buffer> {
  const bytes = await gate.run(() =>
    documentWorkers.run({ module: builder.module, name: builder.name, input }),
  );
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Ends the idle document workers: the server's shutdown. */
export function closeDocumentWorkers(): Promise<void> {
  return documentWorkers.close();
}
