import { daysBetween } from "../rules/calendar.js";
import { pointsText } from "./points.js";
import { reportTiming } from "./score-items.js";
import type {
  AssessmentBreakdownItem,
  AssessmentGradeBand,
  AssessmentTieBreak,
  UnitAssessmentFacts,
} from "./types.js";

/** A scored unit with what ranking and grading look at. */
export interface UnitStanding {
  unit: UnitAssessmentFacts;
  breakdown: AssessmentBreakdownItem[];
  /** Hundredths. */
  total: number;
  vetoReasons: string[];
  red: number;
  missingReports: number;
  /** Days submitted after the due day (negative: before), summed over the submitted reports, and their count. */
  reportDays: { sum: number; count: number };
  notices: number;
}

/** The standing of a scored unit. */
export function standingOf(
  unit: UnitAssessmentFacts,
  breakdown: AssessmentBreakdownItem[],
  total: number,
  vetoReasons: string[],
): UnitStanding {
  const reportDays = { sum: 0, count: 0 };
  for (const report of unit.reports)
    if (report.submittedOn !== undefined) {
      reportDays.sum += daysBetween(report.dueDate, report.submittedOn);
      reportDays.count++;
    }
  return {
    unit,
    breakdown,
    total,
    vetoReasons,
    red: unit.assignments.filter((a) => a.light === "red").length,
    missingReports: unit.reports.filter((r) => reportTiming(r) === "missing").length,
    reportDays,
    notices: unit.notices.length,
  };
}

/** Earlier mean submission first, compared exactly as fractions; a unit with nothing submitted last. */
function compareReportDays(a: UnitStanding["reportDays"], b: UnitStanding["reportDays"]): number {
  if (a.count === 0 || b.count === 0) return (a.count === 0 ? 1 : 0) - (b.count === 0 ? 1 : 0);
  return a.sum * b.count - b.sum * a.count;
}

const tieBreakCompare: Record<AssessmentTieBreak, (a: UnitStanding, b: UnitStanding) => number> = {
  fewer_red: (a, b) => a.red - b.red,
  fewer_missing_reports: (a, b) => a.missingReports - b.missingReports,
  earlier_reports: (a, b) => compareReportDays(a.reportDays, b.reportDays),
  fewer_notices: (a, b) => a.notices - b.notices,
};

const codeOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The ranking order: units not vetoed before vetoed ones, then total descending, then the tie-breaks in order,
 * then sortKey, then unit id. Negative when `a` ranks before `b`; 0 only for the same unit.
 */
export function compareStandings(tieBreaks: readonly AssessmentTieBreak[]) {
  return (a: UnitStanding, b: UnitStanding): number => {
    const vetoed = Number(a.vetoReasons.length > 0) - Number(b.vetoReasons.length > 0);
    if (vetoed !== 0) return vetoed;
    if (a.total !== b.total) return b.total - a.total;
    for (const rule of tieBreaks) {
      const order = tieBreakCompare[rule](a, b);
      if (order !== 0) return order;
    }
    return codeOrder(a.unit.sortKey, b.unit.sortKey) || codeOrder(a.unit.unitId, b.unit.unitId);
  };
}

/** The category's units in rank order. */
export function rankCategory(
  standings: UnitStanding[],
  tieBreaks: readonly AssessmentTieBreak[],
): UnitStanding[] {
  return [...standings].sort(compareStandings(tieBreaks));
}

/** Places a band holds among `size` units; `undefined`: no quota. The lowest band never has one. */
export function bandQuota(band: AssessmentGradeBand, size: number, lowest: boolean): number | undefined {
  if (lowest || band.quotaPercent === undefined) return undefined;
  // The epsilon keeps 10 × 30 / 100 at 3 where the float product lands a hair below.
  return Math.floor((size * band.quotaPercent) / 100 + 1e-9);
}

/**
 * Grades of ranked units, in the same order: each unit takes the highest band its total reaches that still has a
 * quota place, given in rank order, so a better-ranked unit never has a lower grade; a vetoed unit takes the
 * lowest band.
 */
export function gradeCategory(
  bands: readonly AssessmentGradeBand[],
  ranked: readonly UnitStanding[],
): { grade: string; note?: string }[] {
  const lowest = bands.length - 1;
  const quotas = bands.map((band, i) => bandQuota(band, ranked.length, i === lowest));
  const used = bands.map(() => 0);
  return ranked.map((standing) => {
    const lowestGrade = (bands[lowest] as AssessmentGradeBand).grade;
    if (standing.vetoReasons.length > 0)
      return { grade: lowestGrade, note: `一票否决：${standing.vetoReasons.join("；")}` };
    const reached = bands.findIndex((band) => standing.total >= Math.round(band.min * 100));
    const natural = reached === -1 ? lowest : reached;
    let index = natural;
    while (
      index < lowest &&
      quotas[index] !== undefined &&
      (used[index] as number) >= (quotas[index] as number)
    )
      index++;
    used[index] = (used[index] as number) + 1;
    const band = bands[index] as AssessmentGradeBand;
    if (index === natural) return { grade: band.grade };
    const full = bands[natural] as AssessmentGradeBand;
    const limit = `本类 ${ranked.length} 个单位的 ${full.quotaPercent}%，至多 ${quotas[natural]} 个`;
    const note = `总分 ${pointsText(standing.total)} 分达到“${full.grade}”分数线，受${full.grade}比例限制（${limit}），评为“${band.grade}”`;
    return { grade: band.grade, note };
  });
}
