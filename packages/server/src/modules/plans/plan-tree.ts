import type { Indicator, NodeStatus, PlanTreeNode, TaskAbilities } from "@duban/domain";
import type { findPlanContents } from "./plans.repository.js";

type Contents = Awaited<ReturnType<typeof findPlanContents>>;

/** Groups rows by a key, keeping their order. */
function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/** What a tree needs beyond the plan's own rows. */
export interface TreeContext {
  /** What the reader may do with each node (the plan page fills these in per reader: see `plan-page.ts`). */
  abilities(node: { leadUnitId: string | null; status: NodeStatus }): TaskAbilities;
  unitNames: Map<string, string>;
  assignmentCounts: Map<string, number>;
  indicatorNow(
    indicator: Contents["indicatorRows"][number],
  ): Pick<Indicator, "actual" | "coverage" | "status">;
}

/** Assembles the flat rows of a plan into its tree, with unit names, indicator values and assignment counts. */
export function buildPlanTree(contents: Contents, context: TreeContext): PlanTreeNode[] {
  const { unitNames } = context;
  const measuresOf = groupBy(contents.measureRows, (r) => r.nodeId);
  const indicatorsOf = groupBy(contents.indicatorRows, (r) => r.nodeId);
  const milestonesOf = groupBy(contents.milestoneRows, (r) => r.nodeId);
  const childrenOf = groupBy(contents.nodeRows, (r) => r.parentId ?? "");
  const unit = (id: string | null) => (id && unitNames.has(id) ? { id, name: unitNames.get(id)! } : null);
  const build = (parentId: string): PlanTreeNode[] =>
    (childrenOf.get(parentId) ?? []).map((n) => ({
      id: n.id,
      level: n.level,
      label: n.label,
      number: n.number,
      title: n.title,
      text: n.text,
      span: n.spanStart === null || n.spanEnd === null ? null : [n.spanStart, n.spanEnd],
      leadUnit: unit(n.leadUnitId),
      coUnits: n.coUnitIds.map(unit).filter((u) => u !== null),
      deadline: n.deadline,
      startDate: n.startDate,
      dueDate: n.dueDate,
      weight: n.weight,
      progress: n.progress,
      status: n.status,
      // Filled in by lightTree once the whole tree exists.
      light: null,
      lightCounts: null,
      assignmentCount: context.assignmentCounts.get(n.id) ?? 0,
      version: n.version,
      measures: (measuresOf.get(n.id) ?? []).map((m) => ({ id: m.id, text: m.text })),
      indicators: (indicatorsOf.get(n.id) ?? []).map((i) => ({
        id: i.id,
        name: i.name,
        comparator: i.comparator,
        targetValue: i.targetValue,
        targetMax: i.targetMax,
        unit: i.unit,
        deadline: i.deadline,
        hedge: i.hedge,
        aggregation: i.aggregation,
        sourceText: i.sourceText,
        ...context.indicatorNow(i),
      })),
      milestones: (milestonesOf.get(n.id) ?? []).map((m) => ({
        id: m.id,
        title: m.title,
        deadline: m.deadline,
        hedge: m.hedge,
        sourceText: m.sourceText,
      })),
      children: build(n.id),
      abilities: context.abilities(n),
    }));
  return build("");
}
