import { documentTooLarge, planDocumentLimits } from "./plan-document-limits.js";
import type { PlanJob, PlanReading } from "./plan-job.js";
import { WorkerPool } from "./worker-pool.js";

/**
 * Worker threads that read and parse plan documents (`plan-document-worker.ts`): 512 MB of heap and 30 s each
 * by default, a document past either refused as too large.
 */
export class PlanWorkerPool extends WorkerPool<PlanJob, PlanReading> {
  constructor(
    limits: { timeMs: number; heapMb: number } = {
      timeMs: planDocumentLimits.timeMs,
      heapMb: planDocumentLimits.heapMb,
    },
  ) {
    super({
      entry: new URL("./plan-document-worker.js", import.meta.url),
      ...limits,
      timedOut: () => documentTooLarge(`${Math.ceil(limits.timeMs / 1000)} 秒内未能读完`),
      outOfMemory: () => documentTooLarge("读取它所需的内存超过上限"),
    });
  }
}
