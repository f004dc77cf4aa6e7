import {
  aggregate,
  countLight,
  emptyLightTally,
  expectedProgress,
  indicatorStatus,
  knownPlanDate,
  type Light,
  lightOf,
  type NoticeTally,
  type PlanSnapshot,
  planDateLastDay,
  type ReportStanding,
  type SnapshotAssignment,
  type SnapshotIndicator,
  type SnapshotTask,
  type SnapshotUnit,
  weightedProgress,
} from "@duban/domain";
import { type ComputedPoint, computedIndicatorNow } from "../indicator-formulas/index.js";
import type { findSnapshotSources } from "./snapshots.repository.js";

/** The rows a snapshot is built from, with the computed indicators' figures as of its moment. */
type Sources = Awaited<ReturnType<typeof findSnapshotSources>> & { computed?: ComputedPoint[] };
type NodeRow = Sources["nodes"][number];

/** The plan fields a snapshot needs. */
export interface SnapshotPlan {
  id: string;
  year: number;
  lightTolerance: number;
}

/** One decimal: the precision users see, and it keeps a stored day small. */
function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * The window of a task or assignment on the plan's calendar. Same rule as the plan page's lights: without dates
 * the plan year is the window, and a stored date that is no date counts as none.
 */
function windowOf(startDate: string | null, dueDate: string | null, year: number) {
  return {
    start: knownPlanDate(startDate) ?? `${year}-01-01`,
    due: knownPlanDate(dueDate) ?? `${year}-12-31`,
  };
}

/** Light and 序时进度 of one task or assignment on `day`. */
function standing(
  subject: { startDate: string | null; dueDate: string | null; progress: number; done: boolean },
  plan: SnapshotPlan,
  day: string,
) {
  const window = windowOf(subject.startDate, subject.dueDate, plan.year);
  const progress = Math.min(100, Math.max(0, subject.progress));
  const light: Light = lightOf({
    ...window,
    today: day,
    progress,
    done: subject.done,
    tolerance: plan.lightTolerance,
  });
  return {
    light,
    expected: round1(expectedProgress({ ...window, today: day })),
    dueDate: planDateLastDay(window.due),
  };
}

/** Tasks and subtasks in plan order, each with the section above it. */
function tasksOf(nodes: NodeRow[], plan: SnapshotPlan, day: string): SnapshotTask[] {
  const children = new Map<string, NodeRow[]>();
  for (const n of nodes) children.set(n.parentId ?? "", [...(children.get(n.parentId ?? "") ?? []), n]);
  const tasks: SnapshotTask[] = [];
  const walk = (parentId: string, section: NodeRow | null) => {
    for (const n of children.get(parentId) ?? []) {
      if (n.level === "task" || n.level === "subtask") {
        // Same "done" as the plan page: closed out, or reported complete.
        const s = standing({ ...n, done: n.status === "closed" || n.progress >= 100 }, plan, day);
        tasks.push({
          nodeId: n.id,
          code: n.label ?? (n.number === null ? null : String(n.number)),
          ordinal: tasks.length + 1,
          title: n.title,
          sectionId: section?.id ?? null,
          sectionTitle: section?.title ?? null,
          leadUnitId: n.leadUnitId,
          weight: n.weight,
          status: n.status,
          light: s.light,
          progress: n.progress,
          expectedProgress: s.expected,
          dueDate: s.dueDate,
          overdue: s.light === "red",
        });
      }
      walk(n.id, n.level === "section" ? n : section);
    }
  };
  walk("", null);
  return tasks;
}

/** Each node's place in the plan read top to bottom (depth first). */
function nodeOrder(nodes: NodeRow[]): Map<string, number> {
  const children = new Map<string, NodeRow[]>();
  for (const n of nodes) children.set(n.parentId ?? "", [...(children.get(n.parentId ?? "") ?? []), n]);
  const order = new Map<string, number>();
  const walk = (parentId: string) => {
    for (const n of children.get(parentId) ?? []) {
      order.set(n.id, order.size);
      walk(n.id);
    }
  };
  walk("");
  return order;
}

/** Where an assignment's report of the cycle stands on `day`. */
function reportStanding(
  report: { status: string; late: boolean } | undefined,
  cycle: { dueDate: string },
  day: string,
): ReportStanding {
  if (report && (report.status === "submitted" || report.status === "approved"))
    return report.late ? "late" : "on_time";
  return day > cycle.dueDate ? "missing" : "pending";
}

function assignmentsOf(sources: Sources, plan: SnapshotPlan, day: string): SnapshotAssignment[] {
  const nodes = new Map(sources.nodes.map((n) => [n.id, n]));
  const reports = new Map(sources.reportRows.map((r) => [r.assignmentId, r]));
  return sources.assignmentRows.flatMap((a) => {
    const node = nodes.get(a.nodeId);
    if (!node) return [];
    // As the task page lights an assignment: its own due date first, done when complete or the task closed.
    const s = standing(
      {
        startDate: node.startDate,
        dueDate: a.dueDate ?? node.dueDate,
        progress: a.progress,
        done: a.progress >= 100 || node.status === "closed",
      },
      plan,
      day,
    );
    const { cycle } = sources;
    return [
      {
        assignmentId: a.id,
        nodeId: a.nodeId,
        unitId: a.unitId,
        role: a.role,
        light: s.light,
        progress: a.progress,
        expectedProgress: s.expected,
        report: cycle ? reportStanding(reports.get(a.id), cycle, day) : null,
      },
    ];
  });
}

function indicatorsOf(sources: Sources, plan: SnapshotPlan, day: string): SnapshotIndicator[] {
  // The latest approved value of each unit, as the plan page builds an indicator's actual.
  const latest = new Map<string, { unitId: string; value: number; at: Date }>();
  for (const v of sources.values) {
    const key = `${v.indicatorId}:${v.unitId}`;
    const seen = latest.get(key);
    if (!seen || (v.at && v.at > seen.at))
      latest.set(key, { unitId: v.unitId, value: v.value, at: v.at ?? new Date(0) });
  }
  const byIndicator = new Map<string, { unitId: string; value: number; at: Date }[]>();
  for (const [key, v] of latest) {
    const id = key.slice(0, key.indexOf(":"));
    byIndicator.set(id, [...(byIndicator.get(id) ?? []), v]);
  }
  const expectedUnits = new Map<string, Set<string>>();
  for (const r of sources.indicatorUnits)
    expectedUnits.set(r.indicatorId, (expectedUnits.get(r.indicatorId) ?? new Set()).add(r.unitId));
  // In plan order, as the plan page lists them under their tasks.
  const order = nodeOrder(sources.nodes);
  const rows = [...sources.indicatorRows].sort(
    (a, b) => (order.get(a.nodeId) ?? 0) - (order.get(b.nodeId) ?? 0) || a.position - b.position,
  );
  const computed = new Map((sources.computed ?? []).map((p) => [p.indicatorId, p]));
  return rows.map((i) => {
    const definition = {
      indicatorId: i.id,
      nodeId: i.nodeId,
      name: i.name,
      comparator: i.comparator,
      target: i.targetValue,
      targetMax: i.targetMax,
      unit: i.unit,
      aggregation: i.aggregation,
    };
    const point = computed.get(i.id);
    // A computed indicator（计算指标）is its formula's value over the form's approved data, as the plan page shows it.
    if (point) {
      const now = computedIndicatorNow(i, point, {
        year: plan.year,
        today: day,
        tolerance: plan.lightTolerance,
      });
      return { ...definition, value: now.actual, status: now.status, ...now.coverage };
    }
    const unitValues = byIndicator.get(i.id) ?? [];
    const expected = expectedUnits.get(i.id) ?? new Set<string>();
    const reported = unitValues.filter((v) => expected.has(v.unitId)).length;
    const value = aggregate(unitValues, i.aggregation);
    const status = indicatorStatus({
      coverage: { reported, expected: expected.size },
      aggregation: i.aggregation,
      comparator: i.comparator,
      target: i.targetValue,
      targetMax: i.targetMax,
      actual: value,
      due: knownPlanDate(i.deadline) ?? String(plan.year),
      today: day,
      tolerance: plan.lightTolerance,
    });
    return { ...definition, value, status, reported, expected: expected.size };
  });
}

const emptyNotices = (): NoticeTally => ({ blue: 0, yellow: 0, red: 0 });

/** The units the plan touches: those assigned, and the departments that lead its tasks. */
function unitsOf(sources: Sources, tasks: SnapshotTask[], assignments: SnapshotAssignment[]): SnapshotUnit[] {
  const ids = new Set([...assignments.map((a) => a.unitId), ...tasks.flatMap((t) => t.leadUnitId ?? [])]);
  const out = new Map<string, SnapshotUnit>();
  for (const u of sources.unitRows) {
    if (!ids.has(u.id)) continue;
    out.set(u.id, {
      unitId: u.id,
      name: u.name,
      kind: u.kind,
      schoolType: u.schoolType,
      township: u.township,
      assignments: emptyLightTally(),
      reports: { due: 0, onTime: 0, late: 0, missing: 0, approved: 0 },
      openNotices: emptyNotices(),
      openRectifications: 0,
      overdueRectifications: 0,
    });
  }
  const approved = new Set(
    sources.reportRows.filter((r) => r.status === "approved").map((r) => r.assignmentId),
  );
  for (const a of assignments) {
    const u = out.get(a.unitId);
    if (!u) continue;
    countLight(u.assignments, a.light);
    if (a.report === null) continue;
    u.reports.due += 1;
    if (approved.has(a.assignmentId)) u.reports.approved = (u.reports.approved ?? 0) + 1;
    if (a.report === "on_time") u.reports.onTime += 1;
    else if (a.report === "late") u.reports.late += 1;
    else if (a.report === "missing") u.reports.missing += 1;
  }
  for (const n of sources.notices) {
    const u = out.get(n.unitId);
    if (u) u.openNotices[n.level] += n.n;
  }
  for (const r of sources.rectificationRows) {
    const u = out.get(r.unitId);
    if (!u) continue;
    u.openRectifications = r.open;
    u.overdueRectifications = r.overdue;
  }
  return [...out.values()];
}

/** A plan's whole state on `day` from the rows read for it. */
export function buildSnapshot(
  sources: Sources,
  plan: SnapshotPlan,
  at: { day: string; takenAt: Date },
): PlanSnapshot {
  const { day } = at;
  const tasks = tasksOf(sources.nodes, plan, day);
  const assignments = assignmentsOf(sources, plan, day);
  const units = unitsOf(sources, tasks, assignments);
  const openNotices = emptyNotices();
  for (const n of sources.notices) openNotices[n.level] += n.n;
  return {
    planId: plan.id,
    day,
    takenAt: at.takenAt.toISOString(),
    totals: {
      taskCount: tasks.length,
      tasks: tasks.reduce((t, x) => countLight(t, x.light), emptyLightTally()),
      assignments: assignments.reduce((t, x) => countLight(t, x.light), emptyLightTally()),
      progress: weightedProgress(tasks.map((t) => ({ progress: t.progress, weight: t.weight }))),
      expectedProgress: tasks.length
        ? round1(tasks.reduce((s, t) => s + t.expectedProgress, 0) / tasks.length)
        : 0,
      overdueTasks: tasks.filter((t) => t.overdue).length,
      openNotices,
      averageReplyDays: sources.averageReplyDays === null ? null : round1(Number(sources.averageReplyDays)),
      overdueRectifications: units.reduce((s, u) => s + u.overdueRectifications, 0),
      unacknowledgedInstructions: sources.unacknowledgedInstructions,
    },
    cycle: sources.cycle
      ? {
          cycleId: sources.cycle.id,
          name: sources.cycle.name,
          startDate: sources.cycle.startDate,
          dueDate: sources.cycle.dueDate,
        }
      : null,
    tasks,
    assignments,
    indicators: indicatorsOf(sources, plan, day),
    units,
  };
}
