import type { DraftNode, PlanDraftEdit } from "@duban/domain";

/** A field the server refused, as `validation_failed` details carry it. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** A refused field in words, with the node to select when the user clicks it. */
export interface ReadableIssue extends FieldIssue {
  place: string;
  nodeKey: string | null;
}

const fieldLabels: Record<string, string> = {
  title: "标题",
  issuer: "发文单位",
  year: "年度",
  docNumber: "文号",
  preamble: "前言",
  indicator: "指标名称",
  comparator: "比较",
  value: "目标值",
  valueMax: "上限",
  unit: "单位",
  deadline: "时限",
  hedge: "表述",
  text: "原文",
  leadUnitId: "牵头单位",
  coUnitIds: "配合单位",
  label: "编号",
  nodes: "内容",
};

/** The `validation_failed` details of an error, or none. */
export function fieldIssuesOf(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details
    .filter((d): d is FieldIssue => typeof d?.path === "string")
    .map((d) => ({ path: d.path, message: String(d.message ?? "输入有误") }));
}

/** Turns `draft.nodes.2.children.0.targets.0.valueMax` into "三、… › 5. … › 指标“…” › 上限". */
export function readableIssue(draft: PlanDraftEdit, issue: FieldIssue): ReadableIssue {
  const parts = issue.path.replace(/^draft\./, "").split(".");
  const places: string[] = [];
  let nodes: DraftNode[] | null = draft.nodes;
  let node: DraftNode | null = null;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const index = Number(parts[i + 1]);
    if ((part === "nodes" || part === "children") && nodes && Number.isInteger(index)) {
      node = nodes[index] ?? null;
      places.push(node ? `${node.label ?? ""}${node.title || "（无标题）"}` : `第 ${index + 1} 项`);
      nodes = node?.children ?? null;
      i++;
    } else if (
      (part === "targets" || part === "milestones" || part === "measures") &&
      Number.isInteger(index)
    ) {
      places.push(itemName(node, part, index));
      i++;
    } else if (!Number.isInteger(Number(part))) {
      places.push(fieldLabels[part] ?? part);
    }
  }
  return { ...issue, place: places.join(" › ") || issue.path, nodeKey: node?.key ?? null };
}

function itemName(
  node: DraftNode | null,
  part: "targets" | "milestones" | "measures",
  index: number,
): string {
  if (part === "targets") return `指标“${node?.targets[index]?.indicator ?? index + 1}”`;
  if (part === "milestones") return `节点“${node?.milestones[index]?.title ?? index + 1}”`;
  return `第 ${index + 1} 条措施`;
}
