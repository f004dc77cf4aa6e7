import type { PlanDraft } from "@duban/plan-parser";
import { type ImportGate, planImportGate } from "./import-gate.js";
import { PlanWorkerPool } from "./plan-worker-pool.js";
import type { PlanDocument } from "./read-plan-document.js";

// One pool per process; the gate decides how many of its workers run at once.
const pool = new PlanWorkerPool();

/** Reads and parses an uploaded plan document off the event loop, bounded in time, memory and size. */
export async function readPlanOffThread(
  input: { bytes: Uint8Array; filename?: string },
  gate: ImportGate = planImportGate,
): Promise<{ document: PlanDocument; draft: PlanDraft }> {
  // The worker gets an exact copy, moved rather than cloned: the caller still stores the upload, and a buffer
  // from Node's shared pool must never be detached.
  const bytes = new Uint8Array(input.bytes);
  const reading = await gate.run(() =>
    pool.run({ bytes, filename: input.filename }, [bytes.buffer as ArrayBuffer]),
  );
  return { document: reading.document!, draft: reading.draft };
}

/** Parses pasted plan text off the event loop, with the same bounds as an uploaded document. */
export async function parsePlanOffThread(
  text: string,
  gate: ImportGate = planImportGate,
): Promise<PlanDraft> {
  return (await gate.run(() => pool.run({ text }))).draft;
}
