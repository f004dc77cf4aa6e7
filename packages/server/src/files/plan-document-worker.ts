import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { type PlanDraft, type PlanNode, parsePlan } from "@duban/plan-parser";
import { AppError } from "../errors.js";
import { documentTooLarge, planDocumentLimits } from "./plan-document-limits.js";
import type { PlanJob, PlanJobResult } from "./plan-job.js";
import { assertTextLength, readPlanDocument } from "./read-plan-document.js";

// Entry of the worker thread that reads and parses one plan document, away from the server's event loop.

/** Reads the document (or takes the pasted text) and parses it, within the text and item limits. */
async function run(job: PlanJob): Promise<PlanJobResult> {
  if ("text" in job) {
    assertTextLength(job.text.length);
    return { ok: true, document: null, draft: parseBounded(job.text) };
  }
  const document = await readPlanDocument(job);
  return { ok: true, document, draft: parseBounded(document.text) };
}

/** Parses text, refusing a tree with more items than any real plan (the review screen would stall on it). */
function parseBounded(text: string): PlanDraft {
  const draft = parsePlan(text);
  const count = (nodes: PlanNode[]): number => nodes.reduce((n, node) => n + 1 + count(node.children), 0);
  const nodes = count(draft.nodes);
  if (nodes > planDocumentLimits.planNodes)
    throw documentTooLarge(`识别出 ${nodes} 个条目，超过 ${planDocumentLimits.planNodes} 个`);
  return draft;
}

/** The outcome of one job; an AppError travels as its parts, anything else as a message for the server log. */
async function outcome(job: PlanJob): Promise<PlanJobResult> {
  try {
    return await run(job);
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
    // Elsewhere the worker keeps normal priority; the time and memory limits still hold.
  }
}

yieldToServer();

// The pool sends one job at a time and waits for its answer before sending the next.
parentPort?.on("message", async (job: PlanJob) => parentPort?.postMessage(await outcome(job)));
