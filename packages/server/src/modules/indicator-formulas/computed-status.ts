import {
  type Comparator,
  type IndicatorStatus,
  indicatorStatus,
  indicatorStatusLabels,
  knownPlanDate,
} from "@duban/domain";

/** A computed indicator's figure at a moment: value, coverage, and whether the form's latest round is closed. */
export interface ComputedFigure {
  value: number | null;
  reported: number;
  expected: number;
  closed: boolean;
}

/** The target side of an indicator, as its status needs it. */
export interface ComputedTarget {
  comparator: Comparator;
  targetValue: number;
  targetMax: number | null;
  deadline: string | null;
}

/**
 * A computed indicator's actual, coverage and status on a day: the actual is the computed value, judged with
 * the usual comparators and deadline. Only complete coverage or a closed round lets it be met — no aggregation
 * settles a ratio early, since the units still to report can move it either way.
 */
export function computedIndicatorNow(
  indicator: ComputedTarget,
  figure: ComputedFigure,
  context: { year: number; today: string; tolerance: number },
) {
  const coverage = { reported: figure.reported, expected: figure.expected };
  const status = indicatorStatus({
    coverage: figure.closed ? null : coverage,
    comparator: indicator.comparator,
    target: indicator.targetValue,
    targetMax: indicator.targetMax,
    actual: figure.value,
    // A deadline that is no date is unknown, as if none were set: the plan year.
    due: knownPlanDate(indicator.deadline) ?? String(context.year),
    today: context.today,
    tolerance: context.tolerance,
  });
  return { actual: figure.value, coverage, status };
}

/**
 * The status in words as the task page shows a computed indicator: 已达成 once met; while the round is open and
 * units are still to report, 进行中（已报 x/y） (or 有风险 / 未达成 with the same count when it is behind).
 */
export function computedStatusLabel(status: IndicatorStatus, figure: ComputedFigure): string {
  if (status === "met" || status === "no_data") return indicatorStatusLabels[status];
  const waiting = !figure.closed && figure.reported < figure.expected;
  if (!waiting) return indicatorStatusLabels[status];
  const word = status === "on_track" ? "进行中" : indicatorStatusLabels[status];
  return `${word}（已报 ${figure.reported}/${figure.expected}）`;
}
