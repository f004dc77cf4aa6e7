import type { Comparator } from "../plans.js";
import { isTargetMet } from "./indicator-status.js";
import { isPercentUnit } from "./indicator-value.js";
import { type Light, lightSeverity } from "./lights.js";
import { weightedProgress } from "./rollup.js";

/**
 * How a superior bureau adds up one target across its subordinate bureaus（汇总）: `sum` of their values (所, 人,
 * 个), `ratio` — the ratio of sums, each county's percentage weighted by its base (the value of another target of
 * the same hand-down, e.g. 在园幼儿数 under 公办幼儿园在园幼儿占比; without a base every county weighs the same),
 * or `count` of the counties whose own value meets the target.
 */
export const cascadeRollups = ["sum", "ratio", "count"] as const;
/** A way of adding a target up across subordinate bureaus. */
export type CascadeRollup = (typeof cascadeRollups)[number];
/** Chinese names of the ways, as the roll-up table heads them. */
export const cascadeRollupLabels: Record<CascadeRollup, string> = {
  sum: "求和",
  ratio: "比率（加权）",
  count: "达标县数",
};

/** The way a target is added up unless the 督查室 chose another: a percentage by ratio, anything else by sum. */
export function defaultCascadeRollup(unit: string): CascadeRollup {
  return isPercentUnit(unit) ? "ratio" : "sum";
}

/** One target of a hand-down as the roll-up needs it. */
export interface CascadeRollupTarget {
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  rollup: CascadeRollup;
  /** Index of the target whose county values weigh a `ratio` target; null: every county weighs the same. */
  baseTarget: number | null;
}

/** One subordinate bureau as the roll-up sees it: null fields when it has not linked the item. */
export interface CascadeRollupCounty {
  linked: boolean;
  light: Light | null;
  progress: number | null;
  /** Whether the linked item has at least one approved report (what 已报 counts). */
  reported: boolean;
  /** The county's value for each target, by the target's index; null where it has none. */
  values: (number | null)[];
  /** Its weight in the progress (1 unless the superior set another; all 0 → the plain mean). */
  weight: number;
}

/** A hand-down's figures across its subordinate bureaus. */
export interface CascadeRollupResult {
  /** Worst light of the linked counties (red > yellow > green > grey > blue); null when none linked. */
  light: Light | null;
  /** Mean progress over every county handed to, those not linked counting 0, one decimal. */
  progress: number;
  /** 已报 x/y 县: counties with an approved report on their linked item, of all handed to. */
  coverage: { reported: number; expected: number };
  /** Per target: the aggregate (null without values) and how many counties gave a value. */
  targets: { value: number | null; reported: number }[];
}

/** Worst-of by severity; unlike a plan's section light, a done county never hides a grey one. */
function worstLight(lights: readonly Light[]): Light | null {
  let worst: Light | null = null;
  for (const l of lights) if (worst === null || lightSeverity[l] > lightSeverity[worst]) worst = l;
  return worst;
}

/** One target's aggregate over the counties' values. */
function aggregateTarget(
  target: CascadeRollupTarget,
  counties: readonly CascadeRollupCounty[],
  index: number,
): { value: number | null; reported: number } {
  const given = counties.filter((c) => c.values[index] != null);
  if (given.length === 0) return { value: null, reported: 0 };
  const countyValue = (c: CascadeRollupCounty) => c.values[index]!;
  switch (target.rollup) {
    case "sum":
      return {
        value: roundTo(
          given.reduce((a, c) => a + countyValue(c), 0),
          4,
        ),
        reported: given.length,
      };
    case "count": {
      const met = given.filter((c) =>
        isTargetMet({
          comparator: target.comparator,
          target: target.value,
          targetMax: target.valueMax,
          actual: countyValue(c),
        }),
      );
      return { value: met.length, reported: given.length };
    }
    case "ratio": {
      const base = target.baseTarget;
      // Counties without a base value cannot be weighed, so they are left out rather than guessed.
      const weighed = given.filter((c) => base === null || (c.values[base] ?? 0) > 0);
      if (weighed.length === 0) return { value: null, reported: given.length };
      const weight = (c: CascadeRollupCounty) => (base === null ? 1 : c.values[base]!);
      const num = weighed.reduce((a, c) => a + countyValue(c) * weight(c), 0);
      const den = weighed.reduce((a, c) => a + weight(c), 0);
      return { value: roundTo(num / den, 2), reported: given.length };
    }
  }
}

/**
 * The superior's roll-up（汇总）of one handed-down item over the counties it went to: worst-of lights, progress
 * weighted by each county's weight (one not yet linked counts 0, so the figure never flatters), coverage and
 * each target's aggregate. Pure: the same counties give the same figures.
 */
export function rollupCascade(
  targets: readonly CascadeRollupTarget[],
  counties: readonly CascadeRollupCounty[],
): CascadeRollupResult {
  const linked = counties.filter((c) => c.linked);
  return {
    light: worstLight(linked.flatMap((c) => (c.light ? [c.light] : []))),
    progress: weightedProgress(counties.map((c) => ({ progress: c.progress ?? 0, weight: c.weight }))),
    coverage: { reported: counties.filter((c) => c.reported).length, expected: counties.length },
    targets: targets.map((t, i) => aggregateTarget(t, counties, i)),
  };
}

function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f + 0;
}
