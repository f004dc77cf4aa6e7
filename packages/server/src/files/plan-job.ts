import type { ErrorCode } from "@duban/domain";
import type { PlanDraft } from "@duban/plan-parser";
import type { PlanDocument } from "./read-plan-document.js";

/** What a worker is asked to do: read an uploaded file, or parse pasted text. */
export type PlanJob = { bytes: Uint8Array; filename?: string } | { text: string };

/** A document read (null for pasted text) and its parsed draft. */
export interface PlanReading {
  document: PlanDocument | null;
  draft: PlanDraft;
}

/**
 * What a worker answers: the reading, a refusal as an AppError's parts (its cause as text, for the server log
 * only), or a crash for the log.
 */
export type PlanJobResult =
  | ({ ok: true } & PlanReading)
  | { ok: false; error: { code: ErrorCode; message: string; details?: unknown; cause?: string } }
  | { ok: false; error: null; crash: string };
