import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";
import { AppError } from "../errors.js";
import type { WorkerAnswer } from "./worker-job.js";

// An idle worker is kept this long for the next job, then ended so its heap is given back.
const idleMs = 60_000;

/** What a pool runs and within which bounds. */
export interface WorkerPoolOptions {
  /** The worker's entry as compiled JavaScript (`new URL("./x-worker.js", import.meta.url)`); sources use its .ts. */
  entry: URL;
  timeMs: number;
  heapMb: number;
  /** The error of a job still running after `timeMs` (its worker is terminated). */
  timedOut: () => Error;
  /** The error of a job whose worker ran out of heap. */
  outOfMemory: () => Error;
}

/**
 * Worker threads that run one kind of job (the entry's `serveJobs`), each with a bounded heap; a job past the
 * time limit has its worker terminated. A worker whose job succeeded is kept for the next one (starting one costs
 * up to a second); after any failure it is ended, so a hostile input never leaves a bloated heap behind. How many
 * jobs run at once is the caller's gate's business.
 */
export class WorkerPool<Job, Value> {
  private readonly idle: { worker: Worker; timer: NodeJS.Timeout }[] = [];
  /** Jobs a worker answered, and the thread that answered the last one: what tests and logs look at. */
  readonly stats = { answered: 0, lastThreadId: -1 };

  constructor(private readonly options: WorkerPoolOptions) {}

  /**
   * Runs one job in an idle or new worker; refusals come back as AppErrors, crashes as plain errors. Buffers in
   * `transfer` move to the worker instead of being copied, so the caller must own them outright.
   */
  run(job: Job, transfer: ArrayBuffer[] = []): Promise<Value> {
    const kept = this.idle.pop();
    if (kept) clearTimeout(kept.timer);
    const worker = kept?.worker ?? this.spawn();
    worker.ref();
    return new Promise<Value>((resolve, reject) => {
      const finish = (outcome: { value: Value } | { error: Error }) => {
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
        if ("value" in outcome) {
          this.keep(worker);
          resolve(outcome.value);
        } else {
          void worker.terminate();
          reject(outcome.error);
        }
      };
      const timer = setTimeout(() => finish({ error: this.options.timedOut() }), this.options.timeMs);
      const onMessage = (result: WorkerAnswer<Value>) => {
        this.stats.answered++;
        this.stats.lastThreadId = worker.threadId;
        if (result.ok) finish({ value: result.value });
        else if (result.error)
          finish({
            error: new AppError(result.error.code, result.error.message, result.error.details, {
              cause: result.error.cause,
            }),
          });
        else finish({ error: new Error(`worker ${this.entryName} failed: ${result.crash}`) });
      };
      const onError = (err: Error & { code?: string }) =>
        finish({ error: err.code === "ERR_WORKER_OUT_OF_MEMORY" ? this.options.outOfMemory() : err });
      const onExit = (code: number) =>
        finish({ error: new Error(`worker ${this.entryName} exited with ${code}`) });
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
      worker.postMessage(job, transfer);
    });
  }

  /**
   * Ends the idle workers (server shutdown). A job still running keeps its worker until it answers; a later job
   * starts a fresh one, so a process that builds several apps (the tests) may close after each.
   */
  async close(): Promise<void> {
    const ending = this.idle.splice(0).map(({ worker, timer }) => {
      clearTimeout(timer);
      return worker.terminate();
    });
    await Promise.all(ending);
  }

  /** How many workers wait idle for the next job. */
  get idleWorkers(): number {
    return this.idle.length;
  }

  private get entryName(): string {
    return this.options.entry.pathname.split("/").pop() ?? "";
  }

  /** Starts a worker that leaves the idle list if it ever ends on its own. */
  private spawn(): Worker {
    const worker = spawnWorker(this.options.entry, this.options.heapMb);
    // Between jobs nobody else listens: an idle worker's end must neither crash the server nor be handed a job.
    worker.on("error", () => {});
    worker.on("exit", () => {
      const at = this.idle.findIndex((e) => e.worker === worker);
      if (at >= 0) clearTimeout(this.idle.splice(at, 1)[0]!.timer);
    });
    return worker;
  }

  /** Parks a worker for the next job; an idle worker never keeps the process alive. */
  private keep(worker: Worker): void {
    worker.unref();
    const entry: { worker: Worker; timer: NodeJS.Timeout } = {
      worker,
      // Off the idle list before it is told to end: a job arriving while it shuts down gets another worker.
      timer: setTimeout(() => {
        const at = this.idle.indexOf(entry);
        if (at >= 0) this.idle.splice(at, 1);
        void worker.terminate();
      }, idleMs).unref(),
    };
    this.idle.push(entry);
  }
}

/** Starts a worker from compiled JavaScript, or from the TypeScript sources (tests, tsx) through tsx's loader. */
function spawnWorker(entry: URL, heapMb: number): Worker {
  const options: WorkerOptions = {
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(32, heapMb / 4) },
  };
  if (!import.meta.url.endsWith(".ts")) return new Worker(entry, options);
  // Sources resolve workspace packages through the `source` condition and need tsx to load .ts files.
  const source = entry.href.replace(/\.js$/, ".ts");
  const tsxApi = createRequire(import.meta.url)
    .resolve("tsx/esm/api")
    .replace(/\.cjs$/, ".mjs");
  const boot = `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { ...options, eval: true, execArgv: ["--conditions=source"] });
}
