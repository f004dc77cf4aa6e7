import { DownloadOutlined, PlusOutlined } from "@ant-design/icons";
import {
  type Rectification,
  rectificationSourceLabels,
  rectificationSources,
  rectificationStatuses,
  rectificationStatusLabels,
} from "@duban/domain";
import { Button, Empty, Input, Select, type TableColumnsType, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import {
  type RectificationFilters,
  rectificationsExportUrl,
  useRectificationStats,
  useRectifications,
} from "../../api/rectifications";
import { useUnitOptions } from "../../api/units";
import { FilterBar, useFilterWidth } from "../../components/filter-bar";
import { RectificationStatusTag } from "../../components/notice-tags";
import { PageHeader } from "../../components/page-header";
import { formatPlanDate } from "../../components/plan-format";
import { ResponsiveTable } from "../../components/responsive-table";
import { optionsOf } from "../../components/select-options";
import { useAddressFilters } from "../../hooks/use-address-filters";
import { useFilters } from "../../hooks/use-filters";
import { useTablePaging } from "../../hooks/use-table-paging";
import { RectificationCreateDialog } from "./rectification-create-dialog";
import { RectificationStatsCards } from "./rectification-stats";

const columns: TableColumnsType<Rectification> = [
  { title: "整改单位", key: "unit", width: 150, render: (_, r) => r.unit.name },
  {
    title: "存在的问题",
    dataIndex: "problem",
    render: (v: string) => (
      <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ margin: 0, maxWidth: 360 }}>
        {v}
      </Typography.Paragraph>
    ),
  },
  {
    title: "来源",
    dataIndex: "source",
    width: 110,
    render: (v: Rectification["source"]) => rectificationSourceLabels[v],
  },
  { title: "整改时限", dataIndex: "deadline", width: 130, render: (v: string) => formatPlanDate(v) },
  { title: "责任人", dataIndex: "responsiblePerson", width: 90, render: (v: string | null) => v ?? "—" },
  {
    title: "状态",
    key: "status",
    width: 140,
    render: (_, r) => <RectificationStatusTag status={r.status} overdue={r.overdue} />,
  },
];

/** 整改台账 (`/rectifications`): items by unit, source and state, with statistics and the Excel ledger. */
export function RectificationsPage() {
  const navigate = useNavigate();
  const { paging, pagination, resetPage } = useTablePaging();
  const linked = useAddressFilters<RectificationFilters>(["unitId", "source", "status", "overdue"]);
  const { filters, setFilter } = useFilters<RectificationFilters>(linked, resetPage);
  const [creating, setCreating] = useState(false);
  const list = useRectifications(filters, paging);
  const stats = useRectificationStats(filters);
  const units = useUnitOptions();
  const width = useFilterWidth(160);
  const abilities = list.data?.abilities;
  const canCreate = abilities?.create ?? false;
  return (
    <>
      <PageHeader
        title="整改台账"
        actions={
          <>
            {(abilities?.export ?? false) && (
              <Button icon={<DownloadOutlined />} href={rectificationsExportUrl(filters)} download>
                导出 Excel
              </Button>
            )}
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建整改
              </Button>
            )}
          </>
        }
      />
      <RectificationStatsCards totals={stats.data?.totals} />
      <FilterBar>
        {(abilities?.seeAllUnits ?? false) && (
          <Select
            aria-label="按整改单位筛选"
            placeholder="整改单位"
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            style={{ width }}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            onChange={(v) => setFilter("unitId", v)}
          />
        )}
        <Select
          aria-label="按来源筛选"
          placeholder="来源"
          allowClear
          style={{ width }}
          options={optionsOf(rectificationSources, rectificationSourceLabels)}
          onChange={(v) => setFilter("source", v)}
        />
        <Select
          aria-label="按状态筛选"
          placeholder="状态"
          allowClear
          style={{ width }}
          options={optionsOf(rectificationStatuses, rectificationStatusLabels)}
          onChange={(v) => setFilter("status", v)}
        />
        <Select
          aria-label="按逾期筛选"
          placeholder="逾期"
          allowClear
          style={{ width }}
          options={[
            { value: "true", label: "已逾期" },
            { value: "false", label: "未逾期" },
          ]}
          defaultValue={linked.overdue}
          onChange={(v) => setFilter("overdue", v)}
        />
        <Input.Search
          aria-label="搜索整改事项"
          placeholder="搜索问题、要求、单位"
          allowClear
          style={{ width: 220 }}
          onSearch={(v) => setFilter("q", v.trim())}
        />
      </FilterBar>
      <ResponsiveTable<Rectification>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={pagination(list.data?.total)}
        scroll={{ x: "max-content" }}
        onRow={(r) => ({ onClick: () => navigate(`/rectifications/${r.id}`), style: { cursor: "pointer" } })}
        locale={{ emptyText: <Empty description={list.isError ? list.error.message : "暂无整改事项"} /> }}
      />
      {creating && <RectificationCreateDialog onClose={() => setCreating(false)} />}
    </>
  );
}
