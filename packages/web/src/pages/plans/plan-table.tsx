import type { PlanDetail } from "@duban/domain";
import { Empty, Table } from "antd";
import { type Key, useMemo, useState } from "react";
import { planColumns } from "./plan-columns";
import { isFiltering, type PlanFilters } from "./plan-filters";
import { type PlanRow, planRowsOf, structureKeysOf } from "./plan-rows";
import { planStatusColumns } from "./plan-status-columns";

/** The plan's tree as a table (sections open, tasks with their details), narrowed by the filters. */
export function PlanTable({ plan, filters }: { plan: PlanDetail; filters: PlanFilters }) {
  const [expanded, setExpanded] = useState<readonly Key[]>(() => structureKeysOf(plan.nodes));
  const rows = useMemo(() => {
    const nodes = filters.sectionId ? plan.nodes.filter((node) => node.id === filters.sectionId) : plan.nodes;
    return planRowsOf(nodes, filters);
  }, [plan.nodes, filters]);
  const columns = useMemo(() => planColumns(plan.id, planStatusColumns()), [plan.id]);
  return (
    <Table<PlanRow>
      rowKey="key"
      size="middle"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: "max-content" }}
      expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: setExpanded, indentSize: 12 }}
      locale={{
        emptyText: <Empty description={isFiltering(filters) ? "没有符合条件的任务" : "这个计划还没有内容"} />,
      }}
    />
  );
}
