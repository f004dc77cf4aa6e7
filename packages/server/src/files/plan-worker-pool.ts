import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";
import { AppError } from "../errors.js";
import { documentTooLarge, planDocumentLimits } from "./plan-document-limits.js";
import type { PlanJob, PlanJobResult, PlanReading } from "./plan-job.js";

// An idle worker is kept this long for the next import, then ended so its heap is given back.
const idleMs = 60_000;

/**
 * Worker threads that read plan documents, each with a bounded heap; a job past the time limit has its worker
 * terminated. A worker whose job succeeded is kept for the next one (starting one costs up to a second);
 * after any failure it is ended, so a hostile document never leaves a bloated heap behind.
 */
export class PlanWorkerPool {
  private readonly idle: { worker: Worker; timer: NodeJS.Timeout }[] = [];

  constructor(
    private readonly limits: { timeMs: number; heapMb: number } = {
      timeMs: planDocumentLimits.timeMs,
      heapMb: planDocumentLimits.heapMb,
    },
  ) {}

  /**
   * Runs one job in an idle or new worker; refusals come back as AppErrors, crashes as plain errors. Buffers in
   * `transfer` move to the worker instead of being copied, so the caller must own them outright.
   */
  run(job: PlanJob, transfer: ArrayBuffer[] = []): Promise<PlanReading> {
    const kept = this.idle.pop();
    if (kept) clearTimeout(kept.timer);
    const worker = kept?.worker ?? this.spawn();
    worker.ref();
    return new Promise<PlanReading>((resolve, reject) => {
      const finish = (outcome: { reading: PlanReading } | { error: Error }) => {
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
        if ("reading" in outcome) {
          this.keep(worker);
          resolve(outcome.reading);
        } else {
          void worker.terminate();
          reject(outcome.error);
        }
      };
      const timer = setTimeout(
        () => finish({ error: documentTooLarge(`${Math.ceil(this.limits.timeMs / 1000)} 秒内未能读完`) }),
        this.limits.timeMs,
      );
      const onMessage = (result: PlanJobResult) => {
        if (result.ok) finish({ reading: { document: result.document, draft: result.draft } });
        else if (result.error)
          finish({
            error: new AppError(result.error.code, result.error.message, result.error.details, {
              cause: result.error.cause,
            }),
          });
        else finish({ error: new Error(`plan document worker failed: ${result.crash}`) });
      };
      const onError = (err: Error & { code?: string }) =>
        finish({
          error: err.code === "ERR_WORKER_OUT_OF_MEMORY" ? documentTooLarge("读取它所需的内存超过上限") : err,
        });
      const onExit = (code: number) =>
        finish({ error: new Error(`plan document worker exited with ${code}`) });
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
      worker.postMessage(job, transfer);
    });
  }

  /** Starts a worker that leaves the idle list if it ever ends on its own. */
  private spawn(): Worker {
    const worker = spawnWorker(this.limits.heapMb);
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
function spawnWorker(heapMb: number): Worker {
  const options: WorkerOptions = {
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(32, heapMb / 4) },
  };
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./plan-document-worker.js", import.meta.url), options);
  // Sources resolve workspace packages through the `source` condition and need tsx to load .ts files.
  const entry = new URL("./plan-document-worker.ts", import.meta.url).href;
  const tsxApi = createRequire(import.meta.url)
    .resolve("tsx/esm/api")
    .replace(/\.cjs$/, ".mjs");
  const boot = `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { ...options, eval: true, execArgv: ["--conditions=source"] });
}
