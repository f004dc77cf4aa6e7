import { parseDocument } from "./parse.js";
import type { PlanDraft, PlanLayout } from "./types.js";

export { similarity } from "./table-merge.js";
export type {
  CellMerge,
  Comparator,
  FieldSource,
  Measure,
  Milestone,
  NodeSources,
  Owners,
  PlanDraft,
  PlanKind,
  PlanLayout,
  PlanLevel,
  PlanNode,
  PlanNotice,
  PlanPreamble,
  RowRef,
  Span,
  Target,
} from "./types.js";

/**
 * Turns the text of a 工作要点 (or a notice, explanation or summary) into a PlanDraft for review.
 * Tables (a 任务分解表 in Word or Excel, or pasted with tabs) become tasks and measures; `layout` tells which
 * lines of the text are rows of which table and which cells are merged, when the reader knows.
 * Pure and total: it never throws; an internal failure comes back as an empty draft with a warning.
 */
export function parsePlan(text: string, layout: PlanLayout | null = null): PlanDraft {
  try {
    return parseDocument(typeof text === "string" ? text : String(text ?? ""), layout);
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
