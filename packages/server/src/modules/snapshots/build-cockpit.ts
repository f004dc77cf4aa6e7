import {
  type Cockpit,
  type CockpitAttention,
  type CockpitGroupRow,
  type CockpitHeatmap,
  type CockpitScope,
  compareLightSeverity,
  countLight,
  daysBetween,
  emptyLightTally,
  lightColors,
  type PlanSnapshot,
  rollupLights,
  type SchoolType,
  type SnapshotAssignment,
  type SnapshotTask,
  type SnapshotTrendPoint,
  weightedProgress,
} from "@duban/domain";

/** Whose part of the plan a cockpit shows. */
export interface CockpitView {
  kind: CockpitScope;
  /** The department or school for a scoped view; null for the whole plan. */
  unitId: string | null;
}

/** The tasks and assignments a view covers: a department's tasks, or a school's own assignments. */
export function scopeSnapshot(snapshot: PlanSnapshot, view: CockpitView) {
  if (view.kind === "plan") return { tasks: snapshot.tasks, assignments: snapshot.assignments };
  if (view.kind === "department") {
    const tasks = snapshot.tasks.filter((t) => t.leadUnitId === view.unitId);
    const ids = new Set(tasks.map((t) => t.nodeId));
    return { tasks, assignments: snapshot.assignments.filter((a) => ids.has(a.nodeId)) };
  }
  const assignments = snapshot.assignments.filter((a) => a.unitId === view.unitId);
  const ids = new Set(assignments.map((a) => a.nodeId));
  return { tasks: snapshot.tasks.filter((t) => ids.has(t.nodeId)), assignments };
}

// One collator for every sort: localeCompare with a locale builds a new one per call, thousands per answer.
const zh = new Intl.Collator("zh-CN").compare;

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function mean(values: number[]): number {
  return values.length ? round1(values.reduce((s, v) => s + v, 0) / values.length) : 0;
}

/**
 * The units a view counts progress in: a school's summary is of its own assignments (their lights and progress),
 * everyone else's of tasks.
 */
function progressItems(view: CockpitView, tasks: SnapshotTask[], assignments: SnapshotAssignment[]) {
  if (view.kind === "school")
    return assignments.map((a) => ({
      light: a.light,
      progress: a.progress,
      expected: a.expectedProgress,
      weight: 1,
    }));
  return tasks.map((t) => ({
    light: t.light,
    progress: t.progress,
    expected: t.expectedProgress,
    weight: t.weight,
  }));
}

/** Lights, progress against 序时进度 and counts of one view of a snapshot: a trend point or the completion block. */
export function scopedTotals(snapshot: PlanSnapshot, view: CockpitView) {
  const { tasks, assignments } = scopeSnapshot(snapshot, view);
  const items = progressItems(view, tasks, assignments);
  return {
    tasks: items.reduce((t, i) => countLight(t, i.light), emptyLightTally()),
    taskCount: items.length,
    light: rollupLights(items.map((i) => i.light)).worst,
    progress: weightedProgress(items),
    expectedProgress: mean(items.map((i) => i.expected)),
    overdueTasks: items.filter((i) => i.light === "red").length,
    assignments: assignments.reduce((t, a) => countLight(t, a.light), emptyLightTally()),
  };
}

/** A trend point of one view of a snapshot. */
export function scopedTrendPoint(snapshot: PlanSnapshot, view: CockpitView): SnapshotTrendPoint {
  const t = scopedTotals(snapshot, view);
  return { day: snapshot.day, progress: t.progress, expectedProgress: t.expectedProgress, tasks: t.tasks };
}

/** One row of the by-section or by-department table. */
function groupRow(
  id: string | null,
  name: string,
  tasks: SnapshotTask[],
  assignments: SnapshotAssignment[],
): CockpitGroupRow {
  const ids = new Set(tasks.map((t) => t.nodeId));
  const owed = assignments.filter((a) => ids.has(a.nodeId) && a.report !== null && a.report !== "pending");
  const onTime = owed.filter((a) => a.report === "on_time").length;
  return {
    id,
    name,
    light: rollupLights(tasks.map((t) => t.light)).worst,
    tasks: tasks.reduce((t, x) => countLight(t, x.light), emptyLightTally()),
    taskCount: tasks.length,
    progress: weightedProgress(tasks),
    expectedProgress: mean(tasks.map((t) => t.expectedProgress)),
    overdueTasks: tasks.filter((t) => t.overdue).length,
    reportsDue: owed.length,
    reportsOnTime: onTime,
    onTimeRate: owed.length ? round1((onTime / owed.length) * 100) : null,
  };
}

/** Groups tasks by a key in plan order. */
function groupTasks(tasks: SnapshotTask[], key: (t: SnapshotTask) => string | null) {
  const groups = new Map<string | null, SnapshotTask[]>();
  for (const t of tasks) groups.set(key(t), [...(groups.get(key(t)) ?? []), t]);
  return groups;
}

/** The units × tasks heat map of the view's school assignments, its cells column-wise (see the schema). */
function heatmapOf(
  snapshot: PlanSnapshot,
  tasks: SnapshotTask[],
  assignments: SnapshotAssignment[],
): CockpitHeatmap {
  const schools = new Map(snapshot.units.filter((u) => u.kind === "school").map((u) => [u.unitId, u]));
  // A unit with several assignments on one task (a measure each) shows its worst.
  const worst = new Map<string, SnapshotAssignment>();
  for (const a of assignments) {
    if (!schools.has(a.unitId)) continue;
    const key = `${a.unitId}:${a.nodeId}`;
    const seen = worst.get(key);
    if (!seen || compareLightSeverity(a.light, seen.light) < 0) worst.set(key, a);
  }
  const lit = [...worst.values()];
  const unitIds = new Set(lit.map((a) => a.unitId));
  const nodeIds = new Set(lit.map((a) => a.nodeId));
  const units = [...schools.values()]
    .filter((u) => unitIds.has(u.unitId))
    .sort((a, b) => zh(a.township ?? "", b.township ?? "") || zh(a.name, b.name));
  const columns = tasks.filter((t) => nodeIds.has(t.nodeId));
  const row = new Map(units.map((u, i) => [u.unitId, i]));
  const column = new Map(columns.map((t, i) => [t.nodeId, i]));
  return {
    tasks: columns.map((t) => ({ nodeId: t.nodeId, code: t.code, title: t.title, sectionId: t.sectionId })),
    units: units.map((u) => ({
      unitId: u.unitId,
      name: u.name,
      kind: u.kind,
      schoolType: u.schoolType,
      township: u.township,
    })),
    cells: {
      unit: lit.map((a) => row.get(a.unitId)!),
      task: lit.map((a) => column.get(a.nodeId)!),
      lights: lit.map((a) => lightColors.indexOf(a.light)).join(""),
      progress: lit.map((a) => a.progress),
      assignmentIds: lit.map((a) => a.assignmentId),
    },
    townships: [...new Set(units.flatMap((u) => u.township ?? []))].sort(zh),
    schoolTypes: [...new Set(units.flatMap((u) => u.schoolType ?? []))] as SchoolType[],
  };
}

/**
 * The ten most urgent items: overdue tasks (longest overdue first), then units by missing reports, then tasks
 * furthest behind 序时进度. Each carries what a one-click 督办单 needs.
 */
function attentionOf(
  snapshot: PlanSnapshot,
  tasks: SnapshotTask[],
  assignments: SnapshotAssignment[],
): CockpitAttention[] {
  const unitNames = new Map(snapshot.units.map((u) => [u.unitId, u.name]));
  const scored: { score: number; item: CockpitAttention }[] = [];
  const taskItem = (t: SnapshotTask, reason: string): CockpitAttention => ({
    kind: "task",
    nodeId: t.nodeId,
    unitId: t.leadUnitId,
    assignmentId: null,
    title: t.title,
    unitName: t.leadUnitId ? (unitNames.get(t.leadUnitId) ?? null) : null,
    light: t.light,
    missingReports: 0,
    reason,
  });
  for (const t of tasks) {
    if (t.light === "red") {
      const days = daysBetween(t.dueDate, snapshot.day);
      scored.push({ score: 2_000_000 + days, item: taskItem(t, `已逾期 ${days} 天`) });
    } else if (t.light === "yellow") {
      const gap = round1(t.expectedProgress - t.progress);
      scored.push({ score: gap, item: taskItem(t, `落后序时进度 ${gap} 个百分点`) });
    }
  }
  const missing = new Map<string, SnapshotAssignment[]>();
  for (const a of assignments)
    if (a.report === "missing") missing.set(a.unitId, [...(missing.get(a.unitId) ?? []), a]);
  const titles = new Map(tasks.map((t) => [t.nodeId, t.title]));
  for (const [unitId, list] of missing) {
    const first = list[0]!;
    scored.push({
      score: 1_000_000 + list.length,
      item: {
        kind: "unit",
        nodeId: first.nodeId,
        unitId,
        assignmentId: first.assignmentId,
        title: titles.get(first.nodeId) ?? "",
        unitName: unitNames.get(unitId) ?? null,
        light: first.light,
        missingReports: list.length,
        reason: `缺报 ${list.length} 项`,
      },
    });
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, 10)
    .map((s) => s.item);
}

/** What a cockpit is assembled from besides the snapshot. */
export interface CockpitInput {
  plan: { id: string; title: string; year: number };
  asOf: string;
  source: "live" | "snapshot";
  view: CockpitView & { unitName: string | null };
  trend: SnapshotTrendPoint[];
  raiseNotices: boolean;
}

/** Every figure of the cockpit from one day's snapshot, limited to the view. */
export function buildCockpit(snapshot: PlanSnapshot, input: CockpitInput): Cockpit {
  const { view } = input;
  const { tasks, assignments } = scopeSnapshot(snapshot, view);
  const unitNames = new Map(snapshot.units.map((u) => [u.unitId, u.name]));
  const nodeIds = new Set(tasks.map((t) => t.nodeId));
  const titles = new Map(tasks.map((t) => [t.nodeId, t.title]));
  const unitIds = new Set(assignments.map((a) => a.unitId));
  const scopedUnits =
    view.kind === "plan" ? snapshot.units : snapshot.units.filter((u) => unitIds.has(u.unitId));
  const openNotices = { blue: 0, yellow: 0, red: 0 };
  for (const u of scopedUnits)
    for (const level of ["blue", "yellow", "red"] as const) openNotices[level] += u.openNotices[level];
  const whole = view.kind === "plan";
  return {
    planId: input.plan.id,
    planTitle: input.plan.title,
    year: input.plan.year,
    asOf: input.asOf,
    source: input.source,
    snapshotDay: snapshot.day,
    takenAt: snapshot.takenAt,
    scope: { kind: view.kind, unitId: view.unitId, unitName: view.unitName },
    completion: scopedTotals(snapshot, view),
    trend: input.trend,
    sections: [...groupTasks(tasks, (t) => t.sectionId)].map(([id, list]) =>
      groupRow(id, list[0]?.sectionTitle ?? "未分部分", list, assignments),
    ),
    departments: [...groupTasks(tasks, (t) => t.leadUnitId)].map(([id, list]) =>
      groupRow(id, id ? (unitNames.get(id) ?? "") : "未定牵头单位", list, assignments),
    ),
    heatmap: heatmapOf(snapshot, tasks, assignments),
    indicators: snapshot.indicators
      .filter((i) => nodeIds.has(i.nodeId))
      .map((i) => ({ ...i, taskTitle: titles.get(i.nodeId) ?? "" })),
    supervision: {
      openNotices: whole ? snapshot.totals.openNotices : openNotices,
      averageReplyDays: whole ? snapshot.totals.averageReplyDays : null,
      overdueRectifications: scopedUnits.reduce((s, u) => s + u.overdueRectifications, 0),
      unacknowledgedInstructions: whole ? snapshot.totals.unacknowledgedInstructions : null,
    },
    attention: attentionOf(snapshot, tasks, assignments),
    abilities: { raiseNotices: input.raiseNotices },
  };
}
