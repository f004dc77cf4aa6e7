import type { Aggregation, Comparator } from "../plans.js";
import { dayNumber, planDateLastDay, planDateStart } from "./calendar.js";
import { expectedProgress } from "./expected-progress.js";
import { defaultLightTolerance } from "./lights.js";

/** Statuses of an indicator against its target, best first. */
export const indicatorStatuses = ["met", "on_track", "no_data", "at_risk", "missed"] as const;
/** The status of an indicator. */
export type IndicatorStatus = (typeof indicatorStatuses)[number];

/** Chinese labels of indicator statuses. */
export const indicatorStatusLabels: Record<IndicatorStatus, string> = {
  met: "已达成",
  on_track: "进展正常",
  no_data: "无数据",
  at_risk: "有风险",
  missed: "未达成",
};

/** A target and the value reached so far. */
export interface TargetCheckInput {
  comparator: Comparator;
  /** The target; the lower bound for "range". */
  target: number;
  /** Upper bound for "range"; ignored otherwise. A range without one means "at least target". */
  targetMax?: number | null;
  /** The aggregated actual value, or null when no approved value exists yet. */
  actual: number | null;
}

/** How many of the units expected to report an indicator have an approved value in. */
export interface IndicatorCoverage {
  reported: number;
  expected: number;
}

/** What an indicator's status is computed from. */
export interface IndicatorStatusInput extends TargetCheckInput {
  /** Who has reported so far; without it the actual is taken as complete. */
  coverage?: IndicatorCoverage | null;
  /** How units' values combine; with the comparator it says whether a partial total can already be final. */
  aggregation?: Aggregation;
  /** Due date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (coarse dates mean their last day). */
  due: string;
  /** The Asia/Shanghai calendar date, `YYYY-MM-DD`. */
  today: string;
  /** Start of the window for 序时进度; defaults to 1 January of the due year, since 工作要点 are annual. */
  start?: string | null;
  /** Value at the start of the window, the zero of "share achieved"; defaults to 0. */
  baseline?: number | null;
  /** Points the share achieved may trail 序时进度 and stay on track; defaults to 10, as for lights. */
  tolerance?: number;
}

// Relative slack for "eq" and the bounds, so 0.1 + 0.2 reported as parts still equals a target of 0.3.
const EPSILON = 1e-9;

/**
 * Whether a value satisfies a target: gte/lte/eq with a 1e-9 relative slack, gt/lt strictly, range inclusive.
 * A null actual is never met; throws RangeError on a non-finite number.
 */
export function isTargetMet(input: TargetCheckInput): boolean {
  const { actual, target } = input;
  assertFinite("目标值", target);
  if (input.targetMax != null) assertFinite("目标上限", input.targetMax);
  if (actual === null) return false;
  assertFinite("实际值", actual);
  switch (input.comparator) {
    case "gte":
      return actual >= target - slack(target);
    case "gt":
      return actual > target;
    case "lte":
      return actual <= target + slack(target);
    case "lt":
      return actual < target;
    case "eq":
      return Math.abs(actual - target) <= slack(target);
    case "range": {
      const [lo, hi] = rangeBounds(input);
      return actual >= lo - slack(lo) && actual <= hi + slack(hi);
    }
  }
}

/**
 * Whether a value met with only some units in stays met whatever the rest report: one bureau-wide figure
 * (latest), a sum or maximum that must reach a floor (values are never negative), a minimum under a ceiling.
 */
export function isSettledEarly(aggregation: Aggregation, comparator: Comparator): boolean {
  if (aggregation === "latest") return true;
  const upward = comparator === "gte" || comparator === "gt";
  const downward = comparator === "lte" || comparator === "lt";
  return ((aggregation === "sum" || aggregation === "max") && upward) || (aggregation === "min" && downward);
}

/** Whether every expected unit has reported (or none is expected, so there is no one left to wait for). */
export function isCoverageComplete(coverage: IndicatorCoverage | null | undefined): boolean {
  return !coverage || coverage.reported >= coverage.expected;
}

/**
 * The status of an indicator on a day:
 * - no_data: no approved value is in, whatever the day (an empty indicator is not judged);
 * - met: the comparator is satisfied and every expected unit has reported, or the aggregation settles it
 *   early (`isSettledEarly`); a value that looks met with units still to report is on track until the due day
 *   and at risk after it;
 * - missed: not met and today is after the due day;
 * - on_track / at_risk, before or on the due day, when not met:
 *   gte, gt and range below its lower bound (higher is better) are on track when the share achieved,
 *   (actual − baseline) / (target − baseline) · 100, is at least 序时进度 − tolerance; a target not above the
 *   baseline gives no share and is at risk. lte and lt (lower is better) are on track the same way with the
 *   share (baseline − actual) / (baseline − target) · 100 when a baseline above the target is given, otherwise
 *   at risk; eq and range above its upper bound are at risk.
 */
export function indicatorStatus(input: IndicatorStatusInput): IndicatorStatus {
  const today = dayNumber(input.today);
  const dueDate = planDateLastDay(input.due);
  // Everything is checked up front, so bad data fails the same way whatever the day.
  if (input.start != null) planDateStart(input.start);
  if (input.baseline != null) assertFinite("基期值", input.baseline);
  const tolerance = input.tolerance ?? defaultLightTolerance;
  if (!(tolerance >= 0 && Number.isFinite(tolerance))) throw new RangeError(`容差应为非负数：${tolerance}`);
  const overdue = today > dayNumber(dueDate);
  const met = isTargetMet(input);
  if (input.actual === null) return "no_data";
  if (met) {
    const settled =
      isCoverageComplete(input.coverage) ||
      (input.aggregation !== undefined && isSettledEarly(input.aggregation, input.comparator));
    if (settled) return "met";
    // The units still to report may change the figure: wait for them, and worry once the day has passed.
    return overdue ? "at_risk" : "on_track";
  }
  if (overdue) return "missed";
  const share = shareAchieved(input);
  if (share === null) return "at_risk";
  const start = input.start ?? `${dueDate.slice(0, 4)}-01-01`;
  const expected = expectedProgress({ start, due: dueDate, today: input.today });
  return share >= expected - tolerance ? "on_track" : "at_risk";
}

/** Share of the way from baseline to target, in percent; null when the comparator has no proportional path. */
function shareAchieved(input: IndicatorStatusInput): number | null {
  const actual = input.actual ?? 0;
  const baseline = input.baseline ?? null;
  switch (input.comparator) {
    case "gte":
    case "gt":
      return upwardShare(actual, input.target, baseline ?? 0);
    case "range": {
      const [lo, hi] = rangeBounds(input);
      // Above the ceiling no amount of time helps: the value has to come down.
      return actual > hi ? null : upwardShare(actual, lo, baseline ?? 0);
    }
    case "lte":
    case "lt":
      // Without a known starting point a value above a ceiling says nothing about the trend.
      if (baseline === null || baseline <= input.target) return null;
      return ((baseline - actual) / (baseline - input.target)) * 100;
    case "eq":
      return null;
  }
}

function upwardShare(actual: number, target: number, baseline: number): number | null {
  if (target <= baseline) return null;
  return ((actual - baseline) / (target - baseline)) * 100;
}

function slack(bound: number): number {
  return Number.isFinite(bound) ? EPSILON * Math.max(1, Math.abs(bound)) : 0;
}

function assertFinite(what: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${what}应为有限数值：${value}`);
}

function rangeBounds(input: TargetCheckInput): [number, number] {
  const max = input.targetMax ?? Number.POSITIVE_INFINITY;
  // A range typed upside down ("4-2个") still means between the two numbers.
  return input.target <= max ? [input.target, max] : [max, input.target];
}
