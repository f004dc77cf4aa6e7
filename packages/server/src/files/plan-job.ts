import type { PlanDraft } from "@duban/plan-parser";
import type { PlanDocument } from "./read-plan-document.js";

/** What a worker is asked to do: read an uploaded file, or parse pasted text. */
export type PlanJob = { bytes: Uint8Array; filename?: string } | { text: string };

/** A document read (null for pasted text) and its parsed draft. */
export interface PlanReading {
  document: PlanDocument | null;
  draft: PlanDraft;
}
