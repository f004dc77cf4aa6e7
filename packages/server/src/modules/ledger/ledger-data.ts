import {
  comparatorSymbols,
  type Indicator,
  type IndicatorStatus,
  indicatorStatusLabels,
  type Light,
  type PlanDetail,
  type PlanSnapshot,
  type PlanTreeNode,
  weightedProgress,
} from "@duban/domain";
import type { LedgerAssignmentRow } from "./ledger.repository.js";

/** An assignment line of the ledger: one unit's share of a task. */
export interface LedgerAssignment {
  unitName: string;
  role: string;
  measureText: string | null;
  dueDate: string | null;
  progress: number;
  light: Light;
  doneText: string;
  problemsText: string;
  nextText: string;
  lastReportAt: Date | null;
}

/** A task (or subtask) line of the ledger, with its assignments under it. */
export interface LedgerTask {
  kind: "task";
  /** A subtask's progress is already inside its task's, so only tasks are weighed for a section. */
  level: "task" | "subtask";
  weight: number;
  code: string;
  title: string;
  measures: string;
  indicators: string;
  leadUnit: string;
  coUnits: string;
  deadline: string;
  progress: number;
  light: Light;
  lastReportAt: Date | null;
  assignments: LedgerAssignment[];
}

/** A merged title line: a section's 分项 inside its sheet. */
export interface LedgerHeading {
  kind: "heading";
  title: string;
}

/** One sheet of the ledger: a section（部分）, or the tasks hung directly under the plan. */
export interface LedgerSection {
  title: string;
  progress: number;
  lines: (LedgerTask | LedgerHeading)[];
}

/** What the workbook prints: the plan, its day, its sections. */
export interface LedgerData {
  planTitle: string;
  /** The day the figures are of (today, or the asOf day). */
  day: string;
  /** The day of the snapshot the figures come from (the asOf day or the latest recorded before it); null: live. */
  snapshotDay: string | null;
  progress: number;
  sections: LedgerSection[];
}

/** The live figures of each assignment and the latest report texts, keyed by assignment id. */
export interface AssignmentFacts {
  rows: LedgerAssignmentRow[];
  lightOf(row: LedgerAssignmentRow): Light;
  latest: Map<string, { doneText: string; problemsText: string; nextText: string }>;
  lastReportAt: Map<string, Date>;
}

/** Chinese names of an assignment's role, as the ledger prints them beside the unit. */
const roleLabels: Record<string, string> = { lead: "牵头", executor: "落实", cooperator: "配合" };

/** A number as the ledger prints it: at most two decimals, no trailing zeros. */
function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** One indicator as a line: target, current value with coverage, status. */
function indicatorLine(
  i: Pick<Indicator, "name" | "comparator" | "targetValue" | "targetMax" | "unit">,
  now: { actual: number | null; reported: number; expected: number; status: IndicatorStatus },
): string {
  const target =
    i.comparator === "range" && i.targetMax !== null
      ? `${num(i.targetValue)}–${num(i.targetMax)}${i.unit}`
      : `${comparatorSymbols[i.comparator]}${num(i.targetValue)}${i.unit}`;
  const current = now.actual === null ? "暂无" : `${num(now.actual)}${i.unit}`;
  return `${i.name}：目标${target}；当前${current}（已报 ${now.reported}/${now.expected}）；${indicatorStatusLabels[now.status]}`;
}

/** The figures of the day: today's from the plan tree, or those a snapshot kept. */
interface DayFigures {
  task(node: PlanTreeNode): { progress: number; light: Light };
  assignment(row: LedgerAssignmentRow): { progress: number; light: Light } | null;
  indicator(i: Indicator): {
    actual: number | null;
    reported: number;
    expected: number;
    status: IndicatorStatus;
  };
}

/** Figures from today's plan tree and assignments. */
function liveFigures(facts: AssignmentFacts): DayFigures {
  return {
    task: (node) => ({ progress: node.progress, light: node.light ?? "grey" }),
    assignment: (row) => ({ progress: row.progress, light: facts.lightOf(row) }),
    indicator: (i) => ({ actual: i.actual, ...i.coverage, status: i.status }),
  };
}

/**
 * Figures as a snapshot kept them. An object the snapshot does not know did not exist that day: an assignment
 * is left out; a task or indicator (the plan's own rows, never deleted) shows as not started or without data.
 */
function snapshotFigures(snapshot: PlanSnapshot): DayFigures {
  const tasks = new Map(snapshot.tasks.map((t) => [t.nodeId, t]));
  const assignments = new Map(snapshot.assignments.map((a) => [a.assignmentId, a]));
  const indicators = new Map(snapshot.indicators.map((i) => [i.indicatorId, i]));
  return {
    task: (node) => {
      const t = tasks.get(node.id);
      return { progress: t?.progress ?? 0, light: t?.light ?? "grey" };
    },
    assignment: (row) => {
      const a = assignments.get(row.id);
      return a ? { progress: a.progress, light: a.light } : null;
    },
    indicator: (i) => {
      const s = indicators.get(i.id);
      return s
        ? { actual: s.value, reported: s.reported, expected: s.expected, status: s.status }
        : { actual: null, reported: 0, expected: 0, status: "no_data" };
    },
  };
}

/** The node's number as the plan prints it. */
function codeOf(node: PlanTreeNode): string {
  return node.label ?? (node.number === null ? "" : String(node.number));
}

/** The node's title with its number, for headings and sheet names. */
export function headingOf(node: PlanTreeNode): string {
  return `${node.label ?? ""}${node.title}`;
}

/** Assembles the ledger from the plan tree, the assignments and, for a past day, the snapshot. */
export function buildLedgerData(
  plan: PlanDetail,
  facts: AssignmentFacts,
  day: { day: string; snapshot: PlanSnapshot | null },
): LedgerData {
  const figures = day.snapshot ? snapshotFigures(day.snapshot) : liveFigures(facts);
  const byNode = new Map<string, LedgerAssignmentRow[]>();
  for (const row of facts.rows) {
    const list = byNode.get(row.nodeId);
    if (list) list.push(row);
    else byNode.set(row.nodeId, [row]);
  }

  const assignmentLine = (row: LedgerAssignmentRow): LedgerAssignment | null => {
    const f = figures.assignment(row);
    if (!f) return null;
    const latest = facts.latest.get(row.id);
    return {
      unitName: row.unitName,
      role: roleLabels[row.role] ?? row.role,
      measureText: row.measureText,
      dueDate: row.dueDate,
      ...f,
      doneText: latest?.doneText ?? "",
      problemsText: latest?.problemsText ?? "",
      nextText: latest?.nextText ?? "",
      lastReportAt: facts.lastReportAt.get(row.id) ?? null,
    };
  };
  const taskLine = (node: PlanTreeNode): LedgerTask => {
    const assignments = (byNode.get(node.id) ?? []).map(assignmentLine).filter((a) => a !== null);
    const dates = assignments.flatMap((a) => (a.lastReportAt ? [a.lastReportAt.getTime()] : []));
    return {
      kind: "task",
      level: node.level === "subtask" ? "subtask" : "task",
      weight: node.weight,
      code: codeOf(node),
      title: node.title,
      measures: node.measures.map((m) => m.text).join("\n"),
      indicators: node.indicators.map((i) => indicatorLine(i, figures.indicator(i))).join("\n"),
      leadUnit: node.leadUnit?.name ?? "",
      coUnits: node.coUnits.map((u) => u.name).join("、"),
      deadline: node.deadline ?? "",
      ...figures.task(node),
      lastReportAt: dates.length ? new Date(Math.max(...dates)) : null,
      assignments,
    };
  };
  // Tasks and subtasks become lines; a 分项 between section and task becomes a merged heading.
  const linesOf = (nodes: PlanTreeNode[]): (LedgerTask | LedgerHeading)[] =>
    nodes.flatMap((node) =>
      node.level === "task" || node.level === "subtask"
        ? [taskLine(node), ...linesOf(node.children)]
        : [{ kind: "heading" as const, title: headingOf(node) }, ...linesOf(node.children)],
    );
  const sections: LedgerSection[] = [];
  const loose: PlanTreeNode[] = [];
  for (const node of plan.nodes) {
    if (node.level === "section") sections.push(sectionOf(headingOf(node), linesOf(node.children)));
    else loose.push(node);
  }
  // A plan without 部分 (or with tasks outside them) still prints every task, on one sheet of its own.
  if (loose.length) sections.push(sectionOf("其他任务", linesOf(loose)));
  return {
    planTitle: plan.title,
    day: day.day,
    snapshotDay: day.snapshot?.day ?? null,
    progress: weightedProgress(sections.flatMap((s) => s.lines.filter(isTask))),
    sections,
  };
}

/** Whether a line is a task (not a heading) of the task level. */
function isTask(line: LedgerTask | LedgerHeading): line is LedgerTask {
  return line.kind === "task" && line.level === "task";
}

/** A section with its progress: its tasks' weighted mean, as the plan page weighs a task's parts. */
function sectionOf(title: string, lines: (LedgerTask | LedgerHeading)[]): LedgerSection {
  return { title, progress: weightedProgress(lines.filter(isTask)), lines };
}
