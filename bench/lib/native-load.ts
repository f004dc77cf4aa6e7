// A load client in a separate process: the bench's own event loop (seeding, bookkeeping, CPU sampling) never
// delays a measured request, and the figures are the server's, not the client's. The child uses node:http with
// keep-alive agents; bodies (JSON, multipart with unique random files) are encoded before the burst starts.
//
//   const result = await runLoad({ base, flows: [[{ method: "GET", path: "/api/health" }]], concurrency: "all" });
//   const step = new Step(); for (const f of result.flows) step.add(f.requests[0]!);
//
// A flow is a list of requests sent one after the other on behalf of one user; a later request may use a field
// of an earlier answer through a placeholder `{{k.field}}` (k = index of the earlier request in the flow):
//   [{ method: "POST", path: "/api/files", multipart: {...}, expect: 201 },
//    { method: "POST", path: "/api/x/reports", json: { fileIds: ["{{0.id}}"] }, expect: 201, keepBody: true }]
// A string that is exactly one placeholder takes the value with its type; inside a longer string it is text.
// A flow stops at its first request that is not ok (the rest would depend on it).
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A file part of a multipart body: given bytes, or `randomBytes` unique bytes after an optional `prefixHex`. */
export interface MultipartFile {
  field: string;
  filename: string;
  contentType: string;
  data?: Buffer;
  randomBytes?: number;
  prefixHex?: string;
}

/** One request. Headers carry the session (cookie, x-csrf-token) as the caller signed it in. */
export interface RequestSpec {
  method: string;
  /** Path and query, appended to the base URL; may contain placeholders. */
  path: string;
  headers?: Record<string, string>;
  /** Sent as application/json; strings inside may be placeholders. */
  json?: unknown;
  /** Sent as is (set content-type in headers). */
  body?: Buffer | string;
  multipart?: { fields?: Record<string, string>; files: MultipartFile[] };
  /** The status that counts as ok; any 2xx when not given. */
  expect?: number;
  /** Return the parsed answer to the caller (off by default: bodies stay in the child). */
  keepBody?: boolean;
}

/** Requests sent in order for one user. */
export type Flow = RequestSpec[];

export interface LoadOptions {
  /** e.g. http://127.0.0.1:3000 */
  base: string;
  flows: Flow[];
  /** Flows in flight at once; "all" (the default) starts every flow at the same instant. */
  concurrency?: number | "all";
  /** When > 0, flow i of n starts at i/n × spreadMs instead of all at once (only with concurrency "all"). */
  spreadMs?: number;
  /** When set, flows are repeated in turn until this many ms have passed (a steady load, e.g. concurrency 50). */
  durationMs?: number;
  /** Slowest single request before it counts as an error (default 120 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** What one request came back with; times in ms since the burst began, on the child's clock. */
export interface RequestResult {
  status: number;
  ok: boolean;
  start: number;
  end: number;
  error?: string;
  body?: unknown;
}

/** One run of a flow: its index in `flows` and the requests it sent (fewer than the flow's when one failed). */
export interface FlowResult {
  flow: number;
  requests: RequestResult[];
}

export interface LoadResult {
  /** In start order; with `durationMs`, a flow appears once per repetition. */
  flows: FlowResult[];
  /** From the burst's first request to its last answer. */
  wallMs: number;
  /** CPU the client process used during the burst (user + system), to show it is not the bottleneck. */
  clientCpuMs: number;
}

/** A load client whose bodies are encoded and ready; `run` starts the burst. */
export interface PreparedLoad {
  run(): Promise<LoadResult>;
  close(): void;
}

/** Messages between parent and child. */
export type ToChild =
  | { type: "prepare"; options: Omit<LoadOptions, "signal"> }
  | { type: "run" }
  | { type: "abort" };
export type FromChild =
  | { type: "ready" }
  | { type: "done"; result: LoadResult }
  | { type: "error"; message: string };

const childFile = fileURLToPath(new URL("./native-load-child.ts", import.meta.url));

/** Spawns the client process and has it encode every body; resolves when it is ready to fire. */
export async function prepareLoad(options: LoadOptions): Promise<PreparedLoad> {
  const { signal, ...rest } = options;
  // The parent runs under tsx (`--import tsx`); the child inherits its flags so it can load TypeScript.
  const child: ChildProcess = fork(childFile, [], {
    execArgv: process.execArgv,
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  const onAbort = () => child.send({ type: "abort" } satisfies ToChild);
  signal?.addEventListener("abort", onAbort, { once: true });
  const close = () => {
    signal?.removeEventListener("abort", onAbort);
    process.off("exit", kill);
    if (child.connected) child.disconnect();
    child.kill();
  };
  const next = () =>
    new Promise<FromChild>((resolve, reject) => {
      const onMessage = (m: FromChild) => {
        child.off("exit", onExit);
        resolve(m);
      };
      const onExit = (code: number | null, sig: string | null) => {
        child.off("message", onMessage);
        reject(new Error(`load client exited with ${code ?? sig}`));
      };
      child.once("message", onMessage);
      child.once("exit", onExit);
    });
  const ready = next();
  child.send({ type: "prepare", options: rest } satisfies ToChild);
  const first = await ready.catch((e: Error) => ({ type: "error", message: e.message }) as FromChild);
  if (first.type !== "ready") {
    close();
    throw new Error(`load client: ${first.type === "error" ? first.message : first.type}`);
  }
  return {
    async run() {
      const done = next();
      child.send({ type: "run" } satisfies ToChild);
      try {
        const m = await done;
        if (m.type !== "done") throw new Error(`load client: ${m.type === "error" ? m.message : m.type}`);
        return m.result;
      } finally {
        close();
      }
    },
    close,
  };
}

/** Prepares and runs in one call, when nothing needs sampling between the two. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  return (await prepareLoad(options)).run();
}

/** The k-th request of every flow run (those that got that far), e.g. to feed a `Step`. */
export function requestsAt(result: LoadResult, k: number): RequestResult[] {
  return result.flows.flatMap((f) => (f.requests[k] ? [f.requests[k]] : []));
}
