import type { PlanTreeNode } from "@duban/domain";

/** A row of the plan table: a node of the tree, or the detail row under an expanded task. */
export type PlanRow =
  | { key: string; kind: "node"; node: PlanTreeNode; children?: PlanRow[] }
  | { key: string; kind: "detail"; node: PlanTreeNode };

/** Filters of the plan table. */
export interface PlanRowFilters {
  q: string;
  leadUnitId: string | undefined;
  /** Only tasks with this light. */
  light?: string | undefined;
  /** Only overdue (red) tasks: 仅看逾期. */
  overdue?: boolean;
}

const isTask = (node: PlanTreeNode) => node.level === "task" || node.level === "subtask";

function matches(node: PlanTreeNode, filters: PlanRowFilters): boolean {
  const q = filters.q.trim();
  if (filters.leadUnitId && node.leadUnit?.id !== filters.leadUnitId) return false;
  if (filters.light && node.light !== filters.light) return false;
  if (filters.overdue && node.light !== "red") return false;
  if (!q) return true;
  return [node.title, node.text, ...node.measures.map((m) => m.text)].some((text) => text.includes(q));
}

/**
 * Builds the table rows: sections hold their tasks as children, a task holds its detail row (measures,
 * indicators, milestones) and its subtasks. With a filter set only matching tasks and their sections remain.
 */
export function planRowsOf(nodes: PlanTreeNode[], filters: PlanRowFilters): PlanRow[] {
  const filtering =
    filters.q.trim() !== "" ||
    filters.leadUnitId !== undefined ||
    filters.light !== undefined ||
    filters.overdue === true;
  return nodes.flatMap((node): PlanRow[] => {
    const children = planRowsOf(node.children, filters);
    if (isTask(node)) {
      if (filtering && !matches(node, filters) && children.length === 0) return [];
      const detail: PlanRow = { key: `${node.id}:detail`, kind: "detail", node };
      return [{ key: node.id, kind: "node", node, children: [detail, ...children] }];
    }
    if (filtering && children.length === 0) return [];
    return [{ key: node.id, kind: "node", node, children: children.length ? children : undefined }];
  });
}

/** Keys of the section and subsection rows, which open by default. */
export function structureKeysOf(nodes: PlanTreeNode[]): string[] {
  return nodes.flatMap((node) => (isTask(node) ? [] : [node.id, ...structureKeysOf(node.children)]));
}

/** Counts of indicators in a node and below it. */
export function indicatorCountOf(node: PlanTreeNode): number {
  return node.indicators.length + node.children.reduce((sum, child) => sum + indicatorCountOf(child), 0);
}
