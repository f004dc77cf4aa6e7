import type { AssessmentView } from "@duban/domain";
import { Empty, type TableColumnsType } from "antd";
import { useNavigate } from "react-router";
import { useRunsOfPlans } from "../../api/assessments";
import { usePlans } from "../../api/plans";
import { formatDate } from "../../components/date-format";
import { PageHeader } from "../../components/page-header";
import { ResponsiveTable } from "../../components/responsive-table";
import { RunStatusTag } from "./runs-panel";

type Row = AssessmentView & { planTitle: string };

const columns: TableColumnsType<Row> = [
  { title: "计划", dataIndex: "planTitle" },
  { title: "考评基准日", key: "asOf", render: (_, r) => formatDate(r.asOf) },
  { title: "状态", key: "status", render: (_, r) => <RunStatusTag run={r} /> },
  {
    title: "申诉截止",
    key: "appealUntil",
    render: (_, r) => (r.status === "published" ? formatDate(r.appealUntil) : ""),
  },
];

/** 我的考评 (`/my-assessments`): the published 考评 of the plans, each opening the unit's own result. */
export function MyAssessmentsPage() {
  const navigate = useNavigate();
  const plans = usePlans(undefined);
  const planList = plans.data?.items ?? [];
  const runs = useRunsOfPlans(planList.map((p) => p.id));
  const rows: Row[] = runs.flatMap((q, i) =>
    (q.data?.items ?? [])
      .filter((run) => run.status !== "draft")
      .map((run) => ({ ...run, planTitle: planList[i]?.title ?? "" })),
  );
  const failed = [plans, ...runs].find((q) => q.isError)?.error;
  return (
    <>
      <PageHeader title="我的考评" />
      <ResponsiveTable<Row>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={plans.isPending || runs.some((q) => q.isFetching)}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => ({ onClick: () => navigate(`/assessments/${r.id}`) })}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: (
            <Empty
              description={failed ? failed.message : "暂无考评结果：教育局发布年度考评结果后会列在这里。"}
            />
          ),
        }}
      />
    </>
  );
}
