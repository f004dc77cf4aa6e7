import { PlusOutlined } from "@ant-design/icons";
import { type BulletinSummary, bulletinStatusLabels } from "@duban/domain";
import { Button, Empty, Form, Select, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { usePlanBulletins } from "../../api/bulletins";
import { usePlans } from "../../api/plans";
import { formatDate, formatDateTime } from "../../components/date-format";
import { PageHeader } from "../../components/page-header";
import { ResponsiveTable } from "../../components/responsive-table";
import { useTablePaging } from "../../hooks/use-table-paging";
import { BulletinCreateDialog } from "./bulletin-create-dialog";

const columns: TableColumnsType<BulletinSummary> = [
  { title: "标题", key: "title", render: (_, b) => <Link to={`/bulletins/${b.id}`}>{b.title}</Link> },
  {
    title: "通报期间",
    key: "period",
    width: 220,
    render: (_, b) => `${formatDate(b.from)} 至 ${formatDate(b.to)}`,
  },
  {
    title: "状态",
    dataIndex: "status",
    width: 90,
    render: (v: BulletinSummary["status"]) => (
      <Tag color={v === "issued" ? "red" : "default"}>{bulletinStatusLabels[v]}</Tag>
    ),
  },
  { title: "文号", dataIndex: "number", width: 200 },
  { title: "更新时间", dataIndex: "updatedAt", width: 160, render: (v: string) => formatDateTime(v) },
];

/** 督查通报 (`/bulletins?plan=…`): a plan's bulletins, newest first, and 起草通报 for the 督查室. */
export function BulletinsPage() {
  const [params, setParams] = useSearchParams();
  const plans = usePlans(undefined);
  const planId = params.get("plan") ?? plans.data?.items[0]?.id ?? "";
  const plan = plans.data?.items.find((p) => p.id === planId);
  const { paging, pagination, resetPage } = useTablePaging();
  const list = usePlanBulletins(planId, paging);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="督查通报"
        actions={
          list.data?.abilities.create &&
          plan && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              起草通报
            </Button>
          )
        }
      />
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label="计划">
          <Select
            aria-label="计划"
            style={{ minWidth: 320 }}
            loading={plans.isPending}
            value={planId || undefined}
            options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
            onChange={(id: string) => {
              setParams({ plan: id });
              resetPage();
            }}
          />
        </Form.Item>
      </Form>
      <ResponsiveTable<BulletinSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={pagination(list.data?.total)}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: <Empty description={list.isError ? list.error.message : "暂无督查通报"} /> }}
      />
      {creating && plan && (
        <BulletinCreateDialog planId={plan.id} planYear={plan.year} onClose={() => setCreating(false)} />
      )}
    </>
  );
}
