import type { PlanTreeNode } from "@duban/domain";
import { Flex, Select, TreeSelect } from "antd";
import { useMemo, useState } from "react";
import { usePlan, usePlans } from "../../api/plans";

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

function treeOf(nodes: PlanTreeNode[]): TreeOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: `${node.label ?? ""}${node.title}`,
    children: treeOf(node.children),
  }));
}

/** 选择任务: a published plan, then a task anywhere in its tree. */
export function TaskPicker({
  value,
  onChange,
}: {
  value?: string;
  onChange?: (nodeId: string | undefined, node?: PlanTreeNode) => void;
}) {
  const plans = usePlans(undefined);
  const [planId, setPlanId] = useState<string | undefined>();
  const plan = usePlan(planId ?? "");
  const tree = useMemo(() => treeOf(plan.data?.nodes ?? []), [plan.data]);
  const find = (nodes: PlanTreeNode[], id: string): PlanTreeNode | undefined => {
    for (const node of nodes) {
      if (node.id === id) return node;
      const found = find(node.children, id);
      if (found) return found;
    }
    return undefined;
  };
  return (
    <Flex vertical gap={8}>
      <Select
        aria-label="选择计划"
        placeholder="先选择计划"
        loading={plans.isPending}
        value={planId}
        options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
        onChange={(id: string) => {
          setPlanId(id);
          onChange?.(undefined);
        }}
      />
      <TreeSelect
        aria-label="选择任务"
        placeholder="再选择任务"
        disabled={!planId}
        loading={!!planId && plan.isPending}
        value={value}
        treeData={tree}
        showSearch
        treeNodeFilterProp="title"
        popupMatchSelectWidth={false}
        onChange={(id: string) => onChange?.(id, find(plan.data?.nodes ?? [], id))}
      />
    </Flex>
  );
}
