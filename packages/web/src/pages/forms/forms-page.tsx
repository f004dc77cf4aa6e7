import { PlusOutlined } from "@ant-design/icons";
import type { FormStatus, FormSummary } from "@duban/domain";
import { Checkbox, Empty, Result, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { usePlanForms } from "../../api/forms";
import { usePlan } from "../../api/plans";
import { formatDateTime } from "../../components/date-format";
import { NavButton } from "../../components/nav-button";
import { PageHeader } from "../../components/page-header";
import { ResponsiveTable } from "../../components/responsive-table";
import { useTablePaging } from "../../hooks/use-table-paging";

/** Chinese names of a form's states. */
export const formStatusLabels: Record<FormStatus, string> = {
  draft: "未下发",
  active: "已下发",
  archived: "已归档",
};

const statusColors: Record<FormStatus, string> = {
  draft: "default",
  active: "processing",
  archived: "default",
};

const columns: TableColumnsType<FormSummary> = [
  { title: "填报表", key: "title", render: (_, f) => <Link to={`/forms/${f.id}`}>{f.title}</Link> },
  {
    title: "状态",
    dataIndex: "status",
    width: 90,
    render: (s: FormStatus) => <Tag color={statusColors[s]}>{formStatusLabels[s]}</Tag>,
  },
  { title: "负责科室", key: "owner", width: 160, render: (_, f) => f.ownerUnit?.name ?? "督查室" },
  { title: "字段数", dataIndex: "fieldCount", width: 80 },
  { title: "填报批次", dataIndex: "roundCount", width: 90 },
  { title: "更新时间", dataIndex: "updatedAt", width: 160, render: (v: string) => formatDateTime(v) },
];

/** 数据填报 of a plan (`/plans/:planId/forms`): its statistical forms, and 新建填报表 for those who may. */
export function FormsPage() {
  const { planId = "" } = useParams();
  const plan = usePlan(planId);
  const { paging, pagination } = useTablePaging();
  const [includeArchived, setIncludeArchived] = useState(false);
  const list = usePlanForms(planId, paging, includeArchived);
  if (plan.isError) return <Result status="warning" title={plan.error.message} />;
  return (
    <>
      {plan.data && <Link to={`/plans/${planId}`}>← {plan.data.title}</Link>}
      <PageHeader
        title="数据填报"
        actions={
          <>
            <Checkbox checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)}>
              显示已归档
            </Checkbox>
            {list.data?.abilities.create && (
              <NavButton type="primary" icon={<PlusOutlined />} to={`/plans/${planId}/forms/new`}>
                新建填报表
              </NavButton>
            )}
          </>
        }
      />
      <ResponsiveTable<FormSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={pagination(list.data?.total)}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: (
            <Empty
              description={
                list.isError
                  ? list.error.message
                  : "还没有填报表。填报表用来收集计算指标所需的数据，如各园在园幼儿数。"
              }
            >
              {list.data?.abilities.create && (
                <NavButton type="primary" to={`/plans/${planId}/forms/new`}>
                  新建填报表
                </NavButton>
              )}
            </Empty>
          ),
        }}
      />
    </>
  );
}
