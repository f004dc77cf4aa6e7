import type { Extension } from "@duban/domain";
import { extensionStatuses } from "@duban/domain";
import { Empty, Select, type TableColumnsType, Tag, Typography } from "antd";
import { Link } from "react-router";
import { executionKey } from "../../api/execution";
import {
  decideExtension,
  type ExtensionFilters,
  type ExtensionStatus,
  extensionsKey,
  useExtensions,
} from "../../api/extensions";
import { plansKey } from "../../api/plans";
import { useUnitOptions } from "../../api/units";
import { formatDate } from "../../components/date-format";
import { DecisionButtons } from "../../components/decision-buttons";
import { FilterBar, useFilterWidth } from "../../components/filter-bar";
import { PageHeader } from "../../components/page-header";
import { formatPlanDate } from "../../components/plan-format";
import { ResponsiveTable } from "../../components/responsive-table";
import { useFilters } from "../../hooks/use-filters";
import { useTablePaging } from "../../hooks/use-table-paging";
import { useWrite } from "../../hooks/use-write";

/** Chinese names and colours of the two-step flow's states. */
export const extensionStatusLabels: Record<ExtensionStatus, string> = {
  pending_lead: "待牵头科室审批",
  pending_supervisor: "待督查室审批",
  approved: "已同意",
  refused: "不同意",
};
const statusColors: Record<ExtensionStatus, string> = {
  pending_lead: "processing",
  pending_supervisor: "warning",
  approved: "success",
  refused: "error",
};

function DecideExtension({ extension }: { extension: Extension }) {
  const decide = useWrite({
    mutationFn: (d: { accept: boolean; reason?: string }) =>
      decideExtension(extension.id, {
        decision: d.accept ? "approve" : "refuse",
        reason: d.reason,
        version: extension.version,
      }),
    success: (e) =>
      e.status === "refused"
        ? "已不同意延期"
        : e.status === "approved"
          ? "已同意，时限已更新"
          : "已同意，转督查室审批",
    refresh: extensionsKey,
    also: [executionKey, plansKey],
  });
  return (
    <DecisionButtons
      acceptLabel="同意"
      returnLabel="不同意"
      subject={extension.nodeTitle}
      size="small"
      loading={decide.isPending}
      onDecide={(d) => decide.mutateAsync(d)}
    />
  );
}

const nowrap = (date: string) => <span style={{ whiteSpace: "nowrap" }}>{formatPlanDate(date)}</span>;

const columns: TableColumnsType<Extension> = [
  {
    title: "任务",
    dataIndex: "nodeTitle",
    render: (v: string, e) => (e.assignmentId ? <Link to={`/assignments/${e.assignmentId}`}>{v}</Link> : v),
  },
  { title: "申请单位", key: "unit", width: 150, render: (_, e) => e.unit.name },
  { title: "原时限", dataIndex: "oldDue", width: 120, render: nowrap },
  { title: "申请延至", dataIndex: "requestedDue", width: 120, render: nowrap },
  { title: "当前进度", dataIndex: "progress", width: 90, render: (v: number) => `${Math.round(v)}%` },
  {
    title: "理由",
    dataIndex: "reason",
    render: (v: string, e) => (
      <>
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ margin: 0, maxWidth: 280 }}>
          {v}
        </Typography.Paragraph>
        {e.refusalReason && <Typography.Text type="danger">不同意理由：{e.refusalReason}</Typography.Text>}
      </>
    ),
  },
  {
    title: "申请时间",
    dataIndex: "createdAt",
    width: 110,
    render: (v: string) => formatDate(v),
  },
  {
    title: "状态",
    dataIndex: "status",
    width: 130,
    render: (v: ExtensionStatus) => <Tag color={statusColors[v]}>{extensionStatusLabels[v]}</Tag>,
  },
  {
    title: "操作",
    key: "actions",
    width: 170,
    render: (_, e) => (e.abilities.decide ? <DecideExtension extension={e} /> : null),
  },
];

/** 延期申请 (`/extensions`): requests the user may see; the lead department, then the supervisor, decide. */
export function ExtensionsPage() {
  const { paging, pagination, resetPage } = useTablePaging();
  const { filters, setFilter } = useFilters<ExtensionFilters>({}, resetPage);
  const list = useExtensions(filters, paging);
  const units = useUnitOptions();
  const width = useFilterWidth(180);
  return (
    <>
      <PageHeader title="延期申请" />
      <FilterBar>
        <Select
          aria-label="按状态筛选"
          placeholder="状态"
          allowClear
          style={{ width }}
          options={extensionStatuses.map((s) => ({ value: s, label: extensionStatusLabels[s] }))}
          onChange={(v) => setFilter("status", v)}
        />
        <Select
          aria-label="按单位筛选"
          placeholder="申请单位"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          style={{ width }}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          onChange={(v) => setFilter("unitId", v)}
        />
      </FilterBar>
      <ResponsiveTable<Extension>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={pagination(list.data?.total)}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: <Empty description={list.isError ? list.error.message : "暂无延期申请"} /> }}
      />
    </>
  );
}
