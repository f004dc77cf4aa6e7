import { dayNumber, planDateLastDay, planDateStart } from "./calendar.js";
import { expectedProgress } from "./expected-progress.js";

/** Light colours, most severe first: red overdue, yellow behind, green on track, grey not started, blue done. */
export const lightColors = ["red", "yellow", "green", "grey", "blue"] as const;
/** A status light（亮灯）of a task, measure or assignment. */
export type Light = (typeof lightColors)[number];

/** Chinese names of the colours, as printed on 督办单 and dashboards. */
export const lightColorNames: Record<Light, string> = {
  red: "红",
  yellow: "黄",
  green: "绿",
  grey: "灰",
  blue: "蓝",
};

/** Chinese meanings of the lights. */
export const lightLabels: Record<Light, string> = {
  red: "逾期",
  yellow: "滞后",
  green: "正常",
  grey: "未开始",
  blue: "已完成",
};

/**
 * Severity of each light for sorting by urgency and for worst-of: red 4 > yellow 3 > green 2 > grey 1 > blue 0.
 * Grey outranks blue because a task that has not started still needs doing; a done one needs nothing.
 */
export const lightSeverity: Record<Light, number> = { red: 4, yellow: 3, green: 2, grey: 1, blue: 0 };

/** Default points a task may lag behind 序时进度 before it turns yellow (a plan may configure its own). */
export const defaultLightTolerance = 10;

/** What a light is computed from; dates as in `expectedProgress`. */
export interface LightInput {
  start: string;
  due: string;
  /** The Asia/Shanghai calendar date, `YYYY-MM-DD`. */
  today: string;
  /** Reported progress, 0–100. */
  progress: number;
  /** Closed out（办结/销号）. */
  done: boolean;
  /** Points below 序时进度 tolerated before yellow; defaults to 10. */
  tolerance?: number;
}

/**
 * The light of a task or assignment, first match wins: blue if done; red if today is after the due day; grey if
 * today is before the start day; yellow if progress < 序时进度 − tolerance; otherwise green.
 * Throws RangeError on a progress outside 0–100, a negative tolerance or a malformed date.
 */
export function lightOf(input: LightInput): Light {
  const tolerance = input.tolerance ?? defaultLightTolerance;
  if (!(input.progress >= 0 && input.progress <= 100)) {
    throw new RangeError(`进度应在 0–100 之间：${input.progress}`);
  }
  if (!(tolerance >= 0 && Number.isFinite(tolerance))) throw new RangeError(`容差应为非负数：${tolerance}`);
  // Dates are checked even when done, so bad data surfaces at once rather than the day the task reopens.
  const today = dayNumber(input.today);
  const start = dayNumber(planDateStart(input.start));
  const due = dayNumber(planDateLastDay(input.due));
  if (input.done) return "blue";
  if (today > due) return "red";
  if (today < start) return "grey";
  const expected = expectedProgress(input);
  return input.progress < expected - tolerance ? "yellow" : "green";
}

/** Orders lights most urgent first (red before yellow …), for sorting lists. */
export function compareLightSeverity(a: Light, b: Light): number {
  return lightSeverity[b] - lightSeverity[a];
}
