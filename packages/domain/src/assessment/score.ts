import { fromHundredths, pointsSuffix, toHundredths } from "./points.js";
import { gradeCategory, rankCategory, standingOf, type UnitStanding } from "./rank.js";
import {
  clampWithFact,
  entryFacts,
  fact,
  type ItemScore,
  scoreIndicators,
  scoreRectification,
  scoreReporting,
  scoreSupervision,
  scoreTaskCompletion,
} from "./score-items.js";
import { assessmentAdjustmentSourceLabels } from "./states.js";
import type {
  AssessmentAdjustment,
  AssessmentBreakdownItem,
  AssessmentCategory,
  AssessmentFacts,
  AssessmentItem,
  AssessmentScheme,
  AssessmentUnitResult,
  UnitAssessmentFacts,
} from "./types.js";

/**
 * The category a unit is assessed in: the first one of its kind that (for a school) lists its school type.
 * `undefined`: the unit is not assessed.
 */
export function categoryOf(
  scheme: AssessmentScheme,
  unit: { unitKind: "department" | "school"; schoolType?: string | null },
): AssessmentCategory | undefined {
  return scheme.categories.find((category) =>
    category.unitKind === "department"
      ? unit.unitKind === "department"
      : unit.unitKind === "school" &&
        unit.schoolType != null &&
        (category.schoolTypes as string[] | undefined)?.includes(unit.schoolType) === true,
  );
}

/** The item's own score before adjustments. */
function scoreItem(item: AssessmentItem, unit: UnitAssessmentFacts, asOf: string): ItemScore {
  const max = toHundredths(item.points);
  switch (item.kind) {
    case "task_completion":
      return scoreTaskCompletion(item, max, unit.assignments);
    case "reporting":
      return scoreReporting(item, max, unit.reports);
    case "supervision":
      return scoreSupervision(item, max, unit.notices, asOf);
    case "rectification":
      return scoreRectification(max, unit.rectifications);
    case "indicators":
      return scoreIndicators(max, unit.indicators);
    case "manual": {
      const entries = entryFacts(unit.entries.filter((e) => e.itemKey === item.key));
      return entries.facts.length > 0 ? entries : { hundredths: 0, facts: [fact("本年度无加减分事项")] };
    }
    case "veto": {
      const entries = unit.entries.filter((e) => e.itemKey === item.key);
      if (entries.length === 0) return { hundredths: 0, facts: [fact("无一票否决事项")] };
      const facts = entries.map((e) =>
        fact(`一票否决：${e.reason}`, undefined, { kind: "entry", id: e.entryId }),
      );
      return { hundredths: 0, facts };
    }
  }
}

/** The item with the adjustments made to it, clamped: a scored item to [0, points], a manual one to its caps. */
function adjustedItem(
  item: AssessmentItem,
  unit: UnitAssessmentFacts,
  asOf: string,
  adjustments: readonly AssessmentAdjustment[],
): AssessmentBreakdownItem {
  const own = scoreItem(item, unit, asOf);
  let score: ItemScore = own;
  for (const adjustment of adjustments) {
    const points = toHundredths(adjustment.points);
    const label = assessmentAdjustmentSourceLabels[adjustment.source];
    score = {
      hundredths: score.hundredths + points,
      facts: [...score.facts, fact(`${label}：${adjustment.reason}${pointsSuffix(points)}`, points)],
    };
  }
  const max = toHundredths(item.points);
  const [low, high] =
    item.kind === "manual" ? [-toHundredths(item.maxDeduction), toHundredths(item.maxBonus)] : [0, max];
  const clamped = clampWithFact(score, low, high);
  return {
    itemKey: item.key,
    item: item.label,
    kind: item.kind,
    points: fromHundredths(clamped.hundredths),
    maxPoints: item.points,
    facts: clamped.facts,
  };
}

/** One unit's breakdown, total (hundredths) and veto reasons within its category. */
function scoreUnit(
  category: AssessmentCategory,
  unit: UnitAssessmentFacts,
  asOf: string,
  adjustments: readonly AssessmentAdjustment[],
): UnitStanding {
  const breakdown = category.items.map((item) =>
    adjustedItem(
      item,
      unit,
      asOf,
      adjustments.filter((a) => a.unitId === unit.unitId && a.itemKey === item.key),
    ),
  );
  const total = breakdown.reduce((sum, b) => sum + toHundredths(b.points), 0);
  const vetoKeys = new Set(category.items.filter((i) => i.kind === "veto").map((i) => i.key));
  const vetoReasons = unit.entries.filter((e) => vetoKeys.has(e.itemKey)).map((e) => e.reason);
  return standingOf(unit, breakdown, total, vetoReasons);
}

/**
 * Scores every unit of the facts under the scheme: each unit in its category (`categoryOf`; a unit no category
 * takes is left out), every item explained by facts whose points add up to the item's, the total exactly the sum
 * of the items (computed in hundredths). Within a category units are ranked (total, then the category's
 * tie-breaks, then sortKey and id: a strict order; vetoed units after all others) and graded by band in rank
 * order under the quotas. Results come in the scheme's category order, then by rank.
 */
export function scoreAssessment(
  scheme: AssessmentScheme,
  facts: AssessmentFacts,
  adjustments: readonly AssessmentAdjustment[] = [],
): AssessmentUnitResult[] {
  const results: AssessmentUnitResult[] = [];
  for (const category of scheme.categories) {
    const units = facts.units.filter((unit) => categoryOf(scheme, unit) === category);
    const standings = rankCategory(
      units.map((unit) => scoreUnit(category, unit, facts.asOf, adjustments)),
      category.tieBreaks,
    );
    const grades = gradeCategory(category.bands, standings);
    standings.forEach((standing, i) => {
      const grade = grades[i] as { grade: string; note?: string };
      results.push({
        unitId: standing.unit.unitId,
        unitName: standing.unit.unitName,
        category: category.key,
        categoryLabel: category.label,
        total: fromHundredths(standing.total),
        rank: i + 1,
        grade: grade.grade,
        vetoed: standing.vetoReasons.length > 0,
        ...(grade.note ? { gradeNote: grade.note } : {}),
        breakdown: standing.breakdown,
      });
    });
  }
  return results;
}
