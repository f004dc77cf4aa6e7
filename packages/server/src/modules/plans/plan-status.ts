import {
  type Aggregation,
  aggregate,
  type Comparator,
  indicatorStatus,
  knownPlanDate,
  type Light,
  type PlanTreeNode,
  rollupLights,
  shanghaiDate,
} from "@duban/domain";
import { type ComputedPoint, computedIndicatorNow } from "../indicator-formulas/index.js";
import type { findApprovedValues } from "./approved-values.repository.js";
import { lightToday } from "./lights.js";

type ApprovedValue = Awaited<ReturnType<typeof findApprovedValues>>[number];

/** One unit's latest approved value of an indicator. */
export interface UnitValue {
  unitId: string;
  value: number;
  at: Date;
}

/** The latest approved value of each unit, per indicator: what an indicator's actual is built from. */
export function latestPerUnit(values: ApprovedValue[]): Map<string, UnitValue[]> {
  const latest = new Map<string, ApprovedValue>();
  for (const v of values) {
    const key = `${v.indicatorId}:${v.unitId}`;
    const seen = latest.get(key);
    if (!seen || (v.at && seen.at && v.at > seen.at)) latest.set(key, v);
  }
  const byIndicator = new Map<string, UnitValue[]>();
  for (const v of latest.values()) {
    const list = byIndicator.get(v.indicatorId) ?? [];
    list.push({ unitId: v.unitId, value: v.value, at: v.at ?? new Date(0) });
    byIndicator.set(v.indicatorId, list);
  }
  return byIndicator;
}

/** The units expected to report each indicator, as sets by indicator id. */
export function unitsPerIndicator(rows: { indicatorId: string; unitId: string }[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const r of rows) map.set(r.indicatorId, (map.get(r.indicatorId) ?? new Set()).add(r.unitId));
  return map;
}

/**
 * An indicator's actual value, how many expected units have reported, and its status today. A computed
 * indicator（计算指标, in `computed`）takes its latest computed value and the form's coverage instead.
 */
export function indicatorNow(
  indicator: {
    id: string;
    comparator: Comparator;
    targetValue: number;
    targetMax: number | null;
    deadline: string | null;
    aggregation: Aggregation;
  },
  values: Map<string, UnitValue[]>,
  context: {
    year: number;
    now: Date;
    tolerance: number;
    expectedUnits: Map<string, Set<string>>;
    computed?: Map<string, ComputedPoint>;
  },
) {
  const point = context.computed?.get(indicator.id);
  if (point)
    return computedIndicatorNow(indicator, point, {
      year: context.year,
      today: shanghaiDate(context.now),
      tolerance: context.tolerance,
    });
  const unitValues = values.get(indicator.id) ?? [];
  const actual = aggregate(unitValues, indicator.aggregation);
  const expected = context.expectedUnits.get(indicator.id) ?? new Set<string>();
  // Only the units still assigned count: a withdrawn unit's old value is in the figure but owes nothing.
  const coverage = {
    reported: unitValues.filter((v) => expected.has(v.unitId)).length,
    expected: expected.size,
  };
  const status = indicatorStatus({
    coverage,
    aggregation: indicator.aggregation,
    comparator: indicator.comparator,
    target: indicator.targetValue,
    targetMax: indicator.targetMax,
    actual,
    // A deadline that is no date is unknown, as if none were set: the plan year.
    due: knownPlanDate(indicator.deadline) ?? String(context.year),
    today: shanghaiDate(context.now),
    tolerance: context.tolerance,
  });
  return { actual, coverage, status };
}

/** A node as far as lights are concerned. */
export interface LightNode {
  level: string;
  startDate: string | null;
  dueDate: string | null;
  progress: number;
  status: string;
  children: LightNode[];
  light: Light | null;
  lightCounts: Record<Light, number> | null;
}

/**
 * Lights a tree in place: tasks and subtasks from their progress and window, sections and subsections as the
 * roll-up of the tasks beneath them. Returns the roll-up of the whole plan.
 */
export function lightTree(nodes: LightNode[], plan: { year: number; lightTolerance: number }, now: Date) {
  const taskLights: Light[] = [];
  for (const node of nodes) {
    const below = lightTree(node.children, plan, now);
    if (node.level === "task" || node.level === "subtask") {
      node.light = lightToday({ ...node, done: node.status === "closed" || node.progress >= 100 }, plan, now);
      node.lightCounts = node.children.length ? below.counts : null;
      taskLights.push(node.light);
    } else {
      node.light = below.worst;
      node.lightCounts = below.counts;
    }
    // A section's own light is its tasks' roll-up: count the tasks, not the section again.
    if (node.level !== "task" && node.level !== "subtask") taskLights.push(...below.lights);
  }
  const rolled = rollupLights(taskLights);
  return { ...rolled, lights: taskLights };
}

/** A stored date of a plan tree that is no date: where it is, and the value as stored. */
export interface UnreadableDate {
  id: string;
  field: string;
  value: string;
}

/** The dates of a built tree that readers treated as unknown, for the log: someone should correct them. */
export function findUnreadableDates(nodes: PlanTreeNode[]): UnreadableDate[] {
  const found: UnreadableDate[] = [];
  const check = (id: string, field: string, value: string | null) => {
    if (value !== null && knownPlanDate(value) === null) found.push({ id, field, value });
  };
  for (const node of nodes) {
    check(node.id, "deadline", node.deadline);
    check(node.id, "startDate", node.startDate);
    check(node.id, "dueDate", node.dueDate);
    for (const i of node.indicators) check(i.id, "indicator.deadline", i.deadline);
    for (const m of node.milestones) check(m.id, "milestone.deadline", m.deadline);
    found.push(...findUnreadableDates(node.children));
  }
  return found;
}
