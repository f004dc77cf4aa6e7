import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Results } from "@electric-sql/pglite";
import {
  DatabaseError,
  type PgliteWorkerInit,
  type WorkerReply,
  type WorkerRequest,
} from "./pglite-protocol.js";

/** A request without its id: the proxy numbers them. */
type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, "id"> : never) : never;

/** A type parser as Drizzle passes it: PostgreSQL's text and the type's oid in, a value out. */
type Parser = (value: string, typeId: number) => unknown;

/** The query options Drizzle's PGlite driver passes. */
export interface ProxyQueryOptions {
  rowMode?: "array" | "object";
  parsers?: Record<number, Parser>;
}

/** What Drizzle's PGlite driver calls on a client and on the transaction it is given. */
export interface PgliteClientLike {
  query<T>(sql: string, params?: unknown[], options?: ProxyQueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
}

/** A transaction running in the worker, driven from here. */
export interface ProxyTransaction extends PgliteClientLike {
  rollback(): Promise<void>;
  readonly closed: boolean;
}

/** A request awaiting its answer. */
interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
}

/**
 * The worker's code: the compiled file, or under the test runner and tsx its TypeScript source, which a worker
 * cannot load by itself (it does not inherit the runner's transform), so it loads it through tsx's API.
 */
function workerSource(): { source: URL | string; eval: boolean } {
  if (!import.meta.url.endsWith(".ts"))
    return { source: new URL("./pglite-worker.js", import.meta.url), eval: false };
  const entry = new URL("./pglite-worker.ts", import.meta.url).href;
  const tsx = pathToFileURL(tsxEsmApi()).href;
  const load = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  return { source: load, eval: true };
}

/** tsx's ESM API, as its package exports it (resolving from here would pick the CommonJS build). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const { exports } = JSON.parse(fs.readFileSync(manifest, "utf8")) as {
    exports: { "./esm/api": { import: { default: string } } };
  };
  return path.join(path.dirname(manifest), exports["./esm/api"].import.default);
}

let compiledWasm: Promise<object> | undefined;

/**
 * PGlite's WebAssembly, compiled once per process and handed to each worker: a worker compiling its own 9 MB
 * module would spend seconds of CPU on every database opened (the test suite opens one per file).
 */
function pgliteWasmModule(): Promise<object> {
  compiledWasm ??= (async () => {
    const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
    const bytes = await fs.promises.readFile(path.join(path.dirname(entry), "pglite.wasm"));
    // The WebAssembly global exists in every Node.js; the compiler's library list does not declare it.
    const { WebAssembly: wasm } = globalThis as unknown as {
      WebAssembly: { compile(bytes: Uint8Array): Promise<object> };
    };
    return wasm.compile(bytes);
  })();
  return compiledWasm;
}

/**
 * PGlite in a worker thread, seen from the main thread: the same `query`, `exec` and `transaction` Drizzle's
 * PGlite driver calls, forwarded over the worker's port. The worker runs PGlite's own `transaction()`, so
 * transactions serialise and roll back on a throw exactly as in process; only the waiting happens off the
 * event loop.
 */
export class PgliteWorkerClient implements PgliteClientLike {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;
  /** Settles with the thread's exit code once the worker has ended (after `close`, or if it died). */
  readonly exited: Promise<number>;

  private constructor(private readonly worker: Worker) {
    this.exited = new Promise((resolve) => worker.once("exit", resolve));
    worker.on("message", (reply: WorkerReply) => this.onReply(reply));
    worker.on("error", (err) => this.fail(err));
    worker.on("exit", (code) => this.fail(new Error(`PGlite 工作线程已退出（代码 ${code}）`)));
    // Idle, the worker does not keep the process alive (PGlite in process did not either).
    worker.unref();
  }

  /** Starts the worker and waits until PGlite inside it is ready. */
  static async start(options: Omit<PgliteWorkerInit, "wasmModule">): Promise<PgliteWorkerClient> {
    const init: PgliteWorkerInit = { ...options, wasmModule: await pgliteWasmModule() };
    const { source, eval: evaluate } = workerSource();
    const transferList = init.loadDataDir ? [init.loadDataDir] : [];
    const worker = new Worker(source, { eval: evaluate, workerData: init, transferList });
    const client = new PgliteWorkerClient(worker);
    // Request 0 is the worker's own announcement that PGlite opened (or why it did not).
    const ready = new Promise<unknown>((resolve, reject) => client.pending.set(0, { resolve, reject }));
    client.track();
    try {
      await ready;
    } catch (err) {
      await worker.terminate();
      throw err;
    }
    return client;
  }

  async query<T>(sql: string, params: unknown[] = [], options?: ProxyQueryOptions): Promise<Results<T>> {
    return this.runQuery<T>(undefined, sql, params, options);
  }

  async exec(sql: string): Promise<Results[]> {
    return (await this.request({ op: "exec", sql })) as Results[];
  }

  /** Runs `callback` in a transaction: committed when it returns, rolled back when it throws. */
  async transaction<T>(callback: (tx: ProxyTransaction) => Promise<T>): Promise<T> {
    const id = (await this.request({ op: "begin" })) as number;
    let closed = false;
    const tx: ProxyTransaction = {
      query: (sql, params = [], options) => this.runQuery(id, sql, params, options),
      exec: async (sql) => (await this.request({ op: "exec", sql, tx: id })) as Results[],
      rollback: async () => {
        await this.request({ op: "rollback", tx: id });
        closed = true;
      },
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (err) {
      // The callback's own error is the one to raise, even if the worker is gone by now.
      await this.request({ op: "end", tx: id, commit: false }).catch(() => undefined);
      throw err;
    }
    await this.request({ op: "end", tx: id, commit: true });
    return result;
  }

  /** A tar dump of the data directory, as PGlite's `dumpDataDir` makes it. */
  async dumpDataDir(compression: "none" | "gzip" | "auto" = "auto"): Promise<Blob> {
    return new Blob([(await this.request({ op: "dump", compression })) as ArrayBuffer]);
  }

  /** Closes PGlite and ends the worker. */
  async close(): Promise<void> {
    if (this.failure) return;
    await this.request({ op: "close" });
    this.failure = new Error("PGlite is closed");
    await this.worker.terminate();
  }

  private async runQuery<T>(
    tx: number | undefined,
    sql: string,
    params: unknown[],
    options: ProxyQueryOptions | undefined,
  ): Promise<Results<T>> {
    const parsers = options?.parsers;
    const parserOids = parsers ? Object.keys(parsers).map(Number) : undefined;
    const result = (await this.request({
      op: "query",
      sql,
      params,
      ...(options?.rowMode ? { rowMode: options.rowMode } : {}),
      ...(parserOids ? { parserOids } : {}),
      ...(tx === undefined ? {} : { tx }),
    })) as Results<T>;
    if (parsers) applyParsers(result, parsers, options?.rowMode === "array");
    return result;
  }

  private request(message: Request): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.track();
      this.worker.postMessage({ ...message, id });
    });
  }

  /** Keeps the process alive while an answer is awaited, not longer. */
  private track(): void {
    if (this.pending.size === 1) this.worker.ref();
    else if (this.pending.size === 0) this.worker.unref();
  }

  private onReply(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    this.track();
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(new DatabaseError(reply.error));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const pending of this.pending.values()) pending.reject(err);
    this.pending.clear();
  }
}

/** Runs the caller's parsers on the columns whose types it named (the worker left them as text). */
function applyParsers(result: Results<unknown>, parsers: Record<number, Parser>, arrayMode: boolean): void {
  result.fields.forEach((field, index) => {
    const parser = parsers[field.dataTypeID];
    if (!parser) return;
    const key = arrayMode ? index : field.name;
    for (const row of result.rows as Record<string | number, unknown>[]) {
      const value = row[key];
      if (typeof value === "string") row[key] = parser(value, field.dataTypeID);
    }
  });
}
