import type { DraftMilestone, DraftNode, DraftTarget, PlanDraftEdit } from "@duban/domain";

/** Where a node sits: the sibling list that holds it, its index there and its ancestors. */
export interface NodePlace {
  node: DraftNode;
  siblings: DraftNode[];
  index: number;
  ancestors: DraftNode[];
}

/** Finds a node of the tree by key. */
export function findNode(nodes: DraftNode[], key: string, ancestors: DraftNode[] = []): NodePlace | null {
  for (const [index, node] of nodes.entries()) {
    if (node.key === key) return { node, siblings: nodes, index, ancestors };
    const found = findNode(node.children, key, [...ancestors, node]);
    if (found) return found;
  }
  return null;
}

/** Every node of the tree, depth first. */
export function flattenNodes(nodes: DraftNode[]): DraftNode[] {
  return nodes.flatMap((node) => [node, ...flattenNodes(node.children)]);
}

/** The node that owns a target or milestone with this key. */
export function findItemOwner(nodes: DraftNode[], itemKey: string): DraftNode | null {
  return (
    flattenNodes(nodes).find(
      (node) => node.targets.some((t) => t.key === itemKey) || node.milestones.some((m) => m.key === itemKey),
    ) ?? null
  );
}

/** Replaces the sibling list that holds `key` with what `change` makes of it. */
function changeSiblings(
  nodes: DraftNode[],
  key: string,
  change: (siblings: DraftNode[], index: number) => DraftNode[],
): DraftNode[] {
  const index = nodes.findIndex((node) => node.key === key);
  if (index >= 0) return change(nodes, index);
  return nodes.map((node) => {
    const children = changeSiblings(node.children, key, change);
    return children === node.children ? node : { ...node, children };
  });
}

/** Applies `change` to the node with this key, leaving the rest of the tree shared. */
export function updateNode(
  nodes: DraftNode[],
  key: string,
  change: (node: DraftNode) => DraftNode,
): DraftNode[] {
  return changeSiblings(nodes, key, (siblings, index) =>
    siblings.map((node, i) => (i === index ? change(node) : node)),
  );
}

/** Removes a node and everything under it. */
export function deleteNode(nodes: DraftNode[], key: string): DraftNode[] {
  return changeSiblings(nodes, key, (siblings, index) => siblings.filter((_, i) => i !== index));
}

function joinSpans(a: DraftNode["span"], b: DraftNode["span"]): DraftNode["span"] {
  if (!a || !b) return a ?? b;
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

/** True when the node has a previous sibling of the same level to merge into. */
export function canMergeIntoPrevious(nodes: DraftNode[], key: string): boolean {
  const place = findNode(nodes, key);
  return !!place && place.index > 0 && place.siblings[place.index - 1]!.level === place.node.level;
}

/** Merges a node into its previous sibling: text, measures, targets, milestones and children are appended. */
export function mergeIntoPrevious(nodes: DraftNode[], key: string): DraftNode[] {
  return changeSiblings(nodes, key, (siblings, index) => {
    if (index === 0) return siblings;
    const prev = siblings[index - 1]!;
    const node = siblings[index]!;
    const merged: DraftNode = {
      ...prev,
      text: [prev.text, node.text].filter(Boolean).join("\n"),
      span: joinSpans(prev.span, node.span),
      measures: [...prev.measures, ...node.measures],
      targets: [...prev.targets, ...node.targets],
      milestones: [...prev.milestones, ...node.milestones],
      coUnitIds: [...new Set([...prev.coUnitIds, ...node.coUnitIds])],
      children: [...prev.children, ...node.children],
    };
    return siblings.flatMap((item, i) => (i === index ? [] : i === index - 1 ? [merged] : [item]));
  });
}

/** The lead phrase of a sentence: the text before its first 。, as the parser titles tasks. */
export function leadPhrase(text: string): string {
  const head = text.split(/[。；;]/)[0]!.trim();
  return (head.length > 60 ? `${head.slice(0, 60)}…` : head) || "新任务";
}

/**
 * Splits a task at a measure: that measure and the ones after it become a new task right after it. Targets and
 * milestones whose text lies inside the moved measures go with them.
 */
export function splitAtMeasure(
  nodes: DraftNode[],
  key: string,
  measureKey: string,
  newKey: string,
): DraftNode[] {
  return changeSiblings(nodes, key, (siblings, index) => {
    const node = siblings[index]!;
    const at = node.measures.findIndex((m) => m.key === measureKey);
    if (at <= 0) return siblings;
    const moved = node.measures.slice(at);
    const from = moved[0]!.span?.[0];
    const goes = (span: [number, number] | null) => from !== undefined && span !== null && span[0] >= from;
    const kept: DraftNode = {
      ...node,
      measures: node.measures.slice(0, at),
      targets: node.targets.filter((t) => !goes(t.span)),
      milestones: node.milestones.filter((m) => !goes(m.span)),
      children: node.children.filter((c) => !goes(c.span)),
      span: node.span && from !== undefined ? [node.span[0], from] : node.span,
    };
    const created: DraftNode = {
      ...emptyNode(newKey, node.level, leadPhrase(moved[0]!.text)),
      text: moved.map((m) => m.text).join(""),
      span: node.span && from !== undefined ? [from, node.span[1]] : null,
      measures: moved,
      targets: node.targets.filter((t) => goes(t.span)),
      milestones: node.milestones.filter((m) => goes(m.span)),
      leadUnitId: node.leadUnitId,
      coUnitIds: node.coUnitIds,
      deadline: node.deadline,
      children: node.children.filter((c) => goes(c.span)),
    };
    return [...siblings.slice(0, index), kept, created, ...siblings.slice(index + 1)];
  });
}

/** Moves a measure from one node to the end of another. */
export function moveMeasure(
  nodes: DraftNode[],
  fromKey: string,
  measureKey: string,
  toKey: string,
): DraftNode[] {
  const measure = findNode(nodes, fromKey)?.node.measures.find((m) => m.key === measureKey);
  if (!measure || fromKey === toKey) return nodes;
  const removed = updateNode(nodes, fromKey, (node) => ({
    ...node,
    measures: node.measures.filter((m) => m.key !== measureKey),
  }));
  return updateNode(removed, toKey, (node) => ({ ...node, measures: [...node.measures, measure] }));
}

/** A node with nothing in it. */
export function emptyNode(key: string, level: DraftNode["level"], title: string): DraftNode {
  return {
    key,
    level,
    label: null,
    number: null,
    title,
    text: "",
    span: null,
    measures: [],
    targets: [],
    milestones: [],
    ownersText: null,
    leadUnitId: null,
    coUnitIds: [],
    deadline: null,
    children: [],
  };
}

/** Adds or replaces (by key) a target of a node. */
export function putTarget(nodes: DraftNode[], nodeKey: string, target: DraftTarget): DraftNode[] {
  return updateNode(nodes, nodeKey, (node) => ({ ...node, targets: upsert(node.targets, target) }));
}

/** Adds or replaces (by key) a milestone of a node. */
export function putMilestone(nodes: DraftNode[], nodeKey: string, milestone: DraftMilestone): DraftNode[] {
  return updateNode(nodes, nodeKey, (node) => ({ ...node, milestones: upsert(node.milestones, milestone) }));
}

/** Removes a target or milestone, wherever it is. */
export function deleteItem(nodes: DraftNode[], itemKey: string): DraftNode[] {
  const owner = findItemOwner(nodes, itemKey);
  if (!owner) return nodes;
  return updateNode(nodes, owner.key, (node) => ({
    ...node,
    targets: node.targets.filter((t) => t.key !== itemKey),
    milestones: node.milestones.filter((m) => m.key !== itemKey),
  }));
}

function upsert<T extends { key: string }>(items: T[], item: T): T[] {
  return items.some((i) => i.key === item.key)
    ? items.map((i) => (i.key === item.key ? item : i))
    : [...items, item];
}

/** How many sections, tasks, targets and milestones a (sub)tree holds. */
export interface DraftCounts {
  sections: number;
  tasks: number;
  targets: number;
  milestones: number;
}

/** Counts the items of a list of nodes and everything under them. */
export function countNodes(nodes: DraftNode[]): DraftCounts {
  const all = flattenNodes(nodes);
  return {
    sections: all.filter((n) => n.level === "section").length,
    tasks: all.filter((n) => n.level === "task").length,
    targets: all.reduce((sum, n) => sum + n.targets.length, 0),
    milestones: all.reduce((sum, n) => sum + n.milestones.length, 0),
  };
}

/** The counts as the review screen shows them: "6 个部分 · 24 项任务 · 9 个指标 · 1 个节点". */
export function describeCounts(counts: DraftCounts): string {
  return `${counts.sections} 个部分 · ${counts.tasks} 项任务 · ${counts.targets} 个指标 · ${counts.milestones} 个节点`;
}

/** A key no node or item of the draft uses yet. */
export function freshKey(draft: PlanDraftEdit): string {
  const used = new Set(
    flattenNodes(draft.nodes).flatMap((n) => [
      n.key,
      ...n.measures.map((m) => m.key),
      ...n.targets.map((t) => t.key),
      ...n.milestones.map((m) => m.key),
    ]),
  );
  // crypto.randomUUID needs a secure context, which a bureau's intranet server over http is not.
  for (;;) {
    const key = `new-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    if (!used.has(key)) return key;
  }
}
