import type { DraftNode } from "@duban/domain";
import { Tag, Tree, type TreeDataNode, Typography } from "antd";
import { type CSSProperties, forwardRef } from "react";
import { countNodes } from "./draft-ops";
import { highlightStyles } from "./highlight";

/** A node's counts as a short suffix, e.g. "4 项任务 · 2 个指标". */
function countsText(node: DraftNode): string {
  const counts = countNodes([node]);
  const parts: string[] = [];
  if (node.level !== "task" && node.level !== "subtask" && counts.tasks) parts.push(`${counts.tasks} 项任务`);
  if (counts.targets) parts.push(`${counts.targets} 个指标`);
  if (counts.milestones) parts.push(`${counts.milestones} 个节点`);
  if ((node.level === "task" || node.level === "subtask") && node.measures.length)
    parts.push(`${node.measures.length} 条措施`);
  return parts.join(" · ");
}

function treeDataOf(nodes: DraftNode[]): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.key,
    title: (
      <span data-tree-key={node.key}>
        {node.label && <Typography.Text strong>{node.label} </Typography.Text>}
        {node.title}
        {countsText(node) && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {" "}
            （{countsText(node)}）
          </Typography.Text>
        )}
      </span>
    ),
    children: [
      ...treeDataOf(node.children),
      ...node.targets.map((t) => ({
        key: t.key,
        isLeaf: true,
        title: (
          <span data-tree-key={t.key}>
            <Tag color={highlightStyles.target.tag}>指标</Tag>
            {t.indicator}
          </span>
        ),
      })),
      ...node.milestones.map((m) => ({
        key: m.key,
        isLeaf: true,
        title: (
          <span data-tree-key={m.key}>
            <Tag color={highlightStyles.milestone.tag}>节点</Tag>
            {m.title}
          </span>
        ),
      })),
    ],
  }));
}

/** Props of the structure tree. */
export interface StructureTreeProps {
  nodes: DraftNode[];
  selectedKey: string | null;
  expandedKeys: string[];
  onExpand: (keys: string[]) => void;
  onSelect: (key: string) => void;
  style?: CSSProperties;
}

/** The plan's tree (sections → subsections → tasks → subtasks) with targets and milestones as leaves. */
export const StructureTree = forwardRef<HTMLElement, StructureTreeProps>(function StructureTree(
  { nodes, selectedKey, expandedKeys, onExpand, onSelect, style },
  ref,
) {
  return (
    <section ref={ref} aria-label="结构" style={{ overflowY: "auto", ...style }}>
      <Tree
        blockNode
        showLine
        treeData={treeDataOf(nodes)}
        selectedKeys={selectedKey ? [selectedKey] : []}
        expandedKeys={expandedKeys}
        onExpand={(keys) => onExpand(keys.map(String))}
        onSelect={(keys, info) => onSelect(String(keys[0] ?? info.node.key))}
      />
    </section>
  );
});
