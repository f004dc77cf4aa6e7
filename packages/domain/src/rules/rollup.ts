import type { Aggregation } from "../plans.js";
import { dayNumber, isCalendarDate } from "./calendar.js";
import { type Light, lightColors } from "./lights.js";

/** One assignment's (or measure's) progress and its weight in its task. */
export interface WeightedProgressItem {
  /** Progress 0–100. */
  progress: number;
  /** Non-negative weight; only ratios between weights matter. */
  weight: number;
}

/**
 * Task progress as the weighted mean of its parts, rounded half up to one decimal (the precision shown to users
 * and stored). All weights zero → plain mean, so unweighted parts still count; no parts → 0.
 * Throws RangeError on a non-finite progress or a negative or non-finite weight.
 */
export function weightedProgress(items: readonly WeightedProgressItem[]): number {
  const sums: ProgressSums = {
    count: items.length,
    totalWeight: 0,
    weightedSum: 0,
    plainSum: 0,
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
  };
  for (const { progress, weight } of items) {
    if (!Number.isFinite(progress)) throw new RangeError(`进度应为有限数值：${progress}`);
    if (!(weight >= 0 && Number.isFinite(weight))) throw new RangeError(`权重应为非负数：${weight}`);
    sums.totalWeight += weight;
    sums.weightedSum += progress * weight;
    sums.plainSum += progress;
    sums.min = Math.min(sums.min, progress);
    sums.max = Math.max(sums.max, progress);
  }
  return weightedProgressOfSums(sums);
}

/** The sums `weightedProgress` needs, as a database aggregate can return them without reading every row. */
export interface ProgressSums {
  count: number;
  /** Σ weight. */
  totalWeight: number;
  /** Σ progress × weight. */
  weightedSum: number;
  /** Σ progress. */
  plainSum: number;
  /** Smallest and largest progress: the mean never leaves them, whatever the rounding of the sums. */
  min: number;
  max: number;
}

/** `weightedProgress` from precomputed sums (count 0 → 0). */
export function weightedProgressOfSums(s: ProgressSums): number {
  if (s.count === 0) return 0;
  const mean = s.totalWeight > 0 ? s.weightedSum / s.totalWeight : s.plainSum / s.count;
  return roundTo1(Math.min(Math.max(mean, s.min), s.max));
}

/** One unit's approved value of an indicator and when it was reported. */
export interface AggregateValue {
  value: number;
  /** When it was reported or approved: a Date, an ISO 8601 date-time with `Z` or offset, or a Shanghai `YYYY-MM-DD`. */
  at: Date | string;
}

/**
 * An indicator's value across units: sum, average (not rounded), latest (newest `at`; on a tie the later item
 * in the list wins), min or max. No values → null, so "nothing reported" never reads as 0.
 * Throws RangeError on a non-finite value or an unreadable `at`.
 */
export function aggregate(values: readonly AggregateValue[], aggregation: Aggregation): number | null {
  if (values.length === 0) return null;
  const nums = values.map(({ value }) => {
    if (!Number.isFinite(value)) throw new RangeError(`数值应为有限数：${value}`);
    return value;
  });
  switch (aggregation) {
    case "sum":
      return nums.reduce((a, b) => a + b, 0);
    case "average":
      return clampToInputs(nums.reduce((a, b) => a + b, 0) / nums.length, nums);
    case "min":
      return nums.reduce((a, b) => Math.min(a, b));
    case "max":
      return nums.reduce((a, b) => Math.max(a, b));
    case "latest":
      return latestOf(values);
  }
}

/** Lights of a section or plan: the overall light and how many of each colour. */
export interface LightRollup {
  /** Null for no lights. */
  worst: Light | null;
  counts: Record<Light, number>;
}

/**
 * Rolls lights up to a section or plan: any red → red; else any yellow → yellow; all blue → blue; all grey →
 * grey; any other mix (green, or grey with blue) → green. That is worst-of by red > yellow > green > grey > blue,
 * except that done and not-yet-started tasks together read as a section under way and on track, not as
 * "未开始". Rolling up rolled-up lights gives the same answer as rolling up all of them at once.
 */
export function rollupLights(lights: readonly Light[]): LightRollup {
  const counts = Object.fromEntries(lightColors.map((c) => [c, 0])) as Record<Light, number>;
  for (const light of lights) counts[light] += 1;
  return { worst: overallLight(counts, lights.length), counts };
}

function overallLight(counts: Record<Light, number>, total: number): Light | null {
  if (total === 0) return null;
  if (counts.red > 0) return "red";
  if (counts.yellow > 0) return "yellow";
  if (counts.blue === total) return "blue";
  if (counts.grey === total) return "grey";
  return "green";
}

function latestOf(values: readonly AggregateValue[]): number {
  let best = values[0]!;
  let bestAt = timeOf(best.at);
  for (const item of values.slice(1)) {
    const at = timeOf(item.at);
    if (at >= bestAt) {
      best = item;
      bestAt = at;
    }
  }
  return best.value;
}

// Only unambiguous strings: a date-time without an offset, or a free-form date, would be read in the process
// time zone, so it is refused rather than guessed.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

function timeOf(at: Date | string): number {
  if (at instanceof Date) return checkedTime(at.getTime(), at);
  // A bare date is a Shanghai calendar day and means its start, 00:00 UTC+8.
  if (isCalendarDate(at)) return dayNumber(at) * DAY_MS - SHANGHAI_OFFSET_MS;
  return checkedTime(ISO_INSTANT.test(at) ? Date.parse(at) : Number.NaN, at);
}

function checkedTime(ms: number, at: Date | string): number {
  if (Number.isNaN(ms)) throw new RangeError(`无法识别的时间：${String(at)}`);
  return ms;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

// Floating-point sums can land a hair outside the inputs (three 0.1s average to 0.10000000000000002).
function clampToInputs(x: number, inputs: readonly number[]): number {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of inputs) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return Math.min(Math.max(x, lo), hi);
}

function roundTo1(x: number): number {
  // Scaling by 10 and rounding is exact enough for 0–100 with one decimal; + 0 turns -0 into 0.
  return Math.round(x * 10) / 10 + 0;
}
