import type { PlanDetail } from "@duban/domain";
import { Empty } from "antd";
import { type Key, useMemo, useState } from "react";
import { ResponsiveTable } from "../../components/responsive-table";
import { planCard } from "./plan-card";
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
  const card = useMemo(() => planCard(plan.id), [plan.id]);
  return (
    <ResponsiveTable<PlanRow>
      rowKey="key"
      size="middle"
      columns={columns}
      renderCard={card}
      dataSource={rows}
      pagination={false}
      // Titles wrap so the table fits its column (max-content pushed 时限 and 交办数 out of view at 1440 px);
      // it scrolls on its own only when the window is narrower than the fixed columns.
      scroll={{ x: true }}
      expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: setExpanded, indentSize: 12 }}
      locale={{
        emptyText: <Empty description={isFiltering(filters) ? "没有符合条件的任务" : "这个计划还没有内容"} />,
      }}
    />
  );
}
