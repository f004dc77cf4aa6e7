import { PlusOutlined } from "@ant-design/icons";
import type { PlanSummary } from "@duban/domain";
import { Button, Empty, Segmented, type TableColumnsType } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { usePlans } from "../../api/plans";
import { PageHeader } from "../../components/page-header";
import { formatDay } from "../../components/plan-format";
import { ResponsiveTable } from "../../components/responsive-table";
import { PendingImports } from "./pending-imports";

const columns: TableColumnsType<PlanSummary> = [
  {
    title: "标题",
    dataIndex: "title",
    render: (title: string, plan) => <Link to={`/plans/${plan.id}`}>{title}</Link>,
  },
  { title: "文号", dataIndex: "docNumber", width: 160, render: (value: string | null) => value ?? "—" },
  { title: "部分", dataIndex: "sectionCount", width: 70, align: "right" },
  { title: "任务", dataIndex: "taskCount", width: 70, align: "right" },
  { title: "指标", dataIndex: "indicatorCount", width: 70, align: "right" },
  { title: "节点", dataIndex: "milestoneCount", width: 70, align: "right" },
  {
    title: "发布日期",
    dataIndex: "publishedAt",
    width: 120,
    render: (value: string | null) => formatDay(value),
  },
];

/** 计划 (`/plans`): the published plans of a year, and for the supervision office the drafts under review. */
export function PlansPage() {
  const navigate = useNavigate();
  const [year, setYear] = useState<number | undefined>(undefined);
  const plans = usePlans(year);
  const years = plans.data?.years ?? [];
  // Without a chosen year the API answers every year; show the newest until the user picks another.
  const shownYear = year ?? years[0];
  const items = (plans.data?.items ?? []).filter(
    (plan) => shownYear === undefined || plan.year === shownYear,
  );
  const canImport = plans.data?.abilities?.import === true;
  const newButton = canImport && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate("/plans/new")}>
      新建计划
    </Button>
  );

  return (
    <>
      <PageHeader title="计划" actions={newButton} />
      {canImport && <PendingImports />}
      {years.length > 1 && (
        <Segmented
          aria-label="年度"
          style={{ marginBottom: 16 }}
          value={shownYear}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
          onChange={(value) => setYear(Number(value))}
        />
      )}
      <ResponsiveTable<PlanSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={plans.isFetching}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: (
            <Empty description={plans.isError ? plans.error.message : "还没有计划"}>{newButton}</Empty>
          ),
        }}
      />
    </>
  );
}
