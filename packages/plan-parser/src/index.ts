import { parseDocument } from "./parse.js";
import type { PlanDraft } from "./types.js";

export type {
  Comparator,
  Measure,
  Milestone,
  Owners,
  PlanDraft,
  PlanKind,
  PlanLevel,
  PlanNode,
  PlanNotice,
  PlanPreamble,
  Span,
  Target,
} from "./types.js";

/**
 * Turns the text of a 工作要点 (or a notice, explanation or summary) into a PlanDraft for review.
 * Pure and total: it never throws; an internal failure comes back as an empty draft with a warning.
 */
export function parsePlan(text: string): PlanDraft {
  try {
    return parseDocument(typeof text === "string" ? text : String(text ?? ""));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      kind: "unknown",
      title: null,
      issuer: null,
      year: null,
      notice: null,
      preamble: null,
      nodes: [],
      warnings: [`解析出错，请检查文档格式：${message}`],
    };
  }
}
