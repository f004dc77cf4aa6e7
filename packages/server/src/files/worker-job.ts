import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, type Transferable } from "node:worker_threads";
import type { ErrorCode } from "@duban/domain";
import { AppError } from "../errors.js";

/**
 * What a pooled worker answers for one job: its value, a refusal as an AppError's parts (its cause as text, for
 * the server log only), or a crash for the log.
 */
export type WorkerAnswer<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: ErrorCode; message: string; details?: unknown; cause?: string } }
  | { ok: false; error: null; crash: string };

/** The answer for one job; an AppError travels as its parts, anything else as a message for the server log. */
async function answer<J, T>(handle: (job: J) => Promise<T>, job: J): Promise<WorkerAnswer<T>> {
  try {
    return { ok: true, value: await handle(job) };
  } catch (err) {
    return err instanceof AppError
      ? {
          ok: false,
          error: {
            code: err.code,
            message: err.message,
            details: err.details,
            ...(err.cause === undefined ? {} : { cause: String(err.cause) }),
          },
        }
      : { ok: false, error: null, crash: String((err as Error)?.stack ?? err) };
  }
}

/** Lowers this thread's scheduling priority, so on a busy machine the server's own thread always runs first. */
function yieldToServer(): void {
  try {
    // On Linux a thread has its own id (the end of /proc/thread-self) and its own nice value.
    setPriority(Number(readlinkSync("/proc/thread-self").split("/").pop()), 10);
  } catch {
    // Elsewhere the worker keeps normal priority; the pool's time and memory limits still hold.
  }
}

/**
 * Makes this worker thread answer the pool's jobs with `handle`, at low priority. `transfer` names the buffers of
 * a value that move to the server's thread instead of being copied (the worker must not touch them afterwards).
 */
export function serveJobs<J, T>(
  handle: (job: J) => Promise<T>,
  transfer?: (value: T) => Transferable[],
): void {
  yieldToServer();
  // The pool sends one job at a time and waits for its answer before sending the next.
  parentPort?.on("message", async (job: J) => {
    const result = await answer(handle, job);
    parentPort?.postMessage(result, result.ok && transfer ? transfer(result.value) : []);
  });
}
