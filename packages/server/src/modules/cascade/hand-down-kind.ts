import type { HandDownKind } from "@duban/domain";

/** What a hand-down carries: one indicator, one measure, or the whole task. */
export function handDownKindOf(h: { measureId: string | null; indicatorId: string | null }): HandDownKind {
  return h.indicatorId ? "indicator" : h.measureId ? "measure" : "task";
}
