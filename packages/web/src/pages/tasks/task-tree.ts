import type { PlanTreeNode } from "@duban/domain";

/** The node with `id` anywhere in the tree, or null. */
export function findNode(nodes: PlanTreeNode[], id: string): PlanTreeNode | null {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return null;
}
