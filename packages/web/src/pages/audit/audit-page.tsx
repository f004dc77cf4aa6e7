import {
  type AuditEntry,
  auditActionLabels,
  auditActions,
  auditEntities,
  auditEntityLabels,
} from "@duban/domain";
import { DatePicker, Empty, Input, Select, type TableColumnsType, Tag, Typography } from "antd";
import { type AuditFilters, useAuditLogs } from "../../api/audit";
import { formatDateTime } from "../../components/date-format";
import { FilterBar, useFilterWidth } from "../../components/filter-bar";
import { PageHeader } from "../../components/page-header";
import { ResponsiveTable } from "../../components/responsive-table";
import { useFilters } from "../../hooks/use-filters";
import { useTablePaging } from "../../hooks/use-table-paging";

// The filters offer the domain's lists, so an administrator picks 复制计划 instead of typing plan.copy.
const actionOptions = auditActions.map((value) => ({ value, label: auditActionLabels[value] }));
const entityOptions = auditEntities.map((value) => ({ value, label: auditEntityLabels[value] }));

const columns: TableColumnsType<AuditEntry> = [
  { title: "时间", dataIndex: "createdAt", width: 150, render: (value: string) => formatDateTime(value) },
  { title: "操作人", key: "actor", width: 110, render: (_, entry) => entry.actor?.name ?? "—" },
  {
    title: "操作",
    key: "action",
    width: 150,
    render: (_, entry) => (
      <Tag color={entry.action.endsWith("_failed") ? "error" : "default"}>{entry.actionLabel}</Tag>
    ),
  },
  {
    title: "对象",
    key: "entity",
    render: (_, entry) => (
      <>
        {entry.entityLabel}
        {entry.entityTitle ? (
          <Typography.Text style={{ marginInlineStart: 4 }}>{entry.entityTitle}</Typography.Text>
        ) : (
          entry.entityId && (
            // A record without a title (or one since deleted) is still found by its id.
            <Typography.Text
              type="secondary"
              copyable={{ text: entry.entityId }}
              style={{ marginInlineStart: 4 }}
            >
              {entry.entityId.slice(0, 8)}
            </Typography.Text>
          )
        )}
      </>
    ),
  },
  { title: "IP", dataIndex: "ip", width: 130, render: (ip: string | null) => ip ?? "—" },
];

function SummaryJson({ entry }: { entry: AuditEntry }) {
  if (entry.summary === null || entry.summary === undefined)
    return <Typography.Text type="secondary">无摘要</Typography.Text>;
  return (
    <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-all", fontSize: 12 }}>
      {JSON.stringify(entry.summary, null, 2)}
    </pre>
  );
}

/** 审计日志: every write and login, filtered and paged on the server; rows expand to the before/after. */
export function AuditPage() {
  const { paging, pagination, resetPage } = useTablePaging();
  const { filters, setFilter } = useFilters<AuditFilters>({}, resetPage);
  const logs = useAuditLogs(filters, paging);
  const wide = useFilterWidth(220);
  const full = useFilterWidth(260, true);
  return (
    <>
      <PageHeader title="审计日志" />
      <FilterBar>
        <Select
          aria-label="按操作筛选"
          placeholder="操作"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: wide }}
          options={actionOptions}
          onChange={(value) => setFilter("action", value)}
        />
        <Select
          aria-label="按对象类型筛选"
          placeholder="对象类型"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: wide }}
          options={entityOptions}
          onChange={(value) => setFilter("entity", value)}
        />
        <Input.Search
          aria-label="搜索审计日志"
          placeholder="搜索操作人、对象、IP"
          allowClear
          style={{ width: full }}
          onSearch={(value) => setFilter("q", value.trim())}
        />
        <DatePicker.RangePicker
          aria-label="按日期范围筛选"
          style={{ width: full }}
          onChange={(range) => {
            setFilter("from", range?.[0]?.format("YYYY-MM-DD"));
            setFilter("to", range?.[1]?.format("YYYY-MM-DD"));
          }}
        />
      </FilterBar>
      <ResponsiveTable<AuditEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={logs.data?.items}
        loading={logs.isFetching}
        pagination={pagination(logs.data?.total)}
        scroll={{ x: "max-content" }}
        expandable={{ expandedRowRender: (entry) => <SummaryJson entry={entry} /> }}
        locale={{ emptyText: <Empty description={logs.isError ? logs.error.message : "暂无审计记录"} /> }}
      />
    </>
  );
}
