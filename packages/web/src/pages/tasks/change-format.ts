import {
  type Aggregation,
  aggregationLabels,
  type Comparator,
  comparatorSymbols,
  type PlanTreeNode,
} from "@duban/domain";
import type { PlanChange } from "../../api/decompose";
import { formatPlanDate } from "../../components/plan-format";

/** Chinese names of the fields a change record may carry. */
export const changeFieldLabels: Record<string, string> = {
  title: "标题",
  startDate: "开始日期",
  dueDate: "截止日期",
  weight: "权重",
  leadUnitId: "牵头单位",
  status: "状态",
  text: "内容",
  name: "名称",
  comparator: "比较方式",
  targetValue: "目标值",
  targetMax: "目标上限",
  unit: "单位",
  deadline: "完成时限",
  aggregation: "口径",
};

const statusLabels: Record<string, string> = { active: "进行中", closing: "已申请办结", closed: "已销号" };
const entityLabels: Record<string, string> = {
  plan_node: "任务",
  measure: "措施",
  indicator: "指标",
  milestone: "节点",
};

/** What a change did, e.g. "修改任务", "新增指标", "销号". */
export function changeTitle(change: PlanChange): string {
  if (change.action === "status:closed") return "销号";
  if (change.action === "status:active") return "退回办结申请";
  const entity = entityLabels[change.entity] ?? change.entity;
  return `${change.action === "create" ? "新增" : "修改"}${entity}`;
}

/** One field's value as users read it; unit ids become names when known. */
export function formatChangeValue(field: string, value: unknown, unitNames: Map<string, string>): string {
  if (value === null || value === undefined || value === "") return "—";
  if (field === "leadUnitId") return unitNames.get(String(value)) ?? "（未知单位）";
  if (field === "status") return statusLabels[String(value)] ?? String(value);
  if (field === "comparator") return comparatorSymbols[value as Comparator] ?? String(value);
  if (field === "aggregation") return aggregationLabels[value as Aggregation] ?? String(value);
  if (field === "startDate" || field === "dueDate" || field === "deadline")
    return formatPlanDate(String(value));
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** The fields a change touched, with before and after (before is absent on creation). */
export function changedFields(change: PlanChange): { field: string; before: unknown; after: unknown }[] {
  const before = (change.before ?? {}) as Record<string, unknown>;
  const after = (change.after ?? {}) as Record<string, unknown>;
  const order = Object.keys(changeFieldLabels);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(
    (a, b) => rank(a) - rank(b),
  );
  return fields.map((field) => ({ field, before: before[field], after: after[field] }));
}

/** The changes of one task: to the task itself and to the measures, indicators and milestones it holds. */
export function changesOfNode(changes: PlanChange[], node: PlanTreeNode): PlanChange[] {
  const items = new Set([
    ...node.measures.map((m) => `measure:${m.id}`),
    ...node.indicators.map((i) => `indicator:${i.id}`),
    ...node.milestones.map((m) => `milestone:${m.id}`),
  ]);
  return changes
    .filter(
      (c) => (c.entity === "plan_node" && c.entityId === node.id) || items.has(`${c.entity}:${c.entityId}`),
    )
    .sort((a, b) => b.at.localeCompare(a.at));
}
