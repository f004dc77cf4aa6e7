import type { AssessmentUnitResult, UnitAssessmentFacts } from "../types.js";

/** A primary school with nothing on record (full points everywhere), overridden as a test needs. */
export function school(unitId: string, overrides: Partial<UnitAssessmentFacts> = {}): UnitAssessmentFacts {
  return {
    unitId,
    unitName: `学校 ${unitId}`,
    sortKey: unitId,
    unitKind: "school",
    schoolType: "primary",
    assignments: [],
    reports: [],
    notices: [],
    rectifications: [],
    indicators: [],
    entries: [],
    ...overrides,
  };
}

/** The breakdown item of a result by key; throws when absent so a test fails clearly. */
export function itemOf(result: AssessmentUnitResult | undefined, itemKey: string) {
  const item = result?.breakdown.find((b) => b.itemKey === itemKey);
  if (!item) throw new Error(`no item ${itemKey}`);
  return item;
}

/** Sum of the points the facts carry, in hundredths. */
export const factHundredths = (facts: { points?: number }[]): number =>
  facts.reduce((sum, f) => sum + Math.round((f.points ?? 0) * 100), 0);
