import type { FormSubmissionSummary } from "@duban/domain";
import { Empty, type TableColumnsType, Tag } from "antd";
import { useNavigate } from "react-router";
import { useMySubmissions } from "../../api/forms";
import { formatDate } from "../../components/date-format";
import { NavButton } from "../../components/nav-button";
import { PageHeader } from "../../components/page-header";
import { ResponsiveTable } from "../../components/responsive-table";
import { useTablePaging } from "../../hooks/use-table-paging";
import { SubmissionStatusTag } from "./submission-view";

/** What the row's button says: 填报 while the unit may fill it, 修改 after a return, else 查看. */
function actionOf(s: FormSubmissionSummary): { label: string; danger: boolean; primary: boolean } {
  if (s.status === "returned" && s.abilities.edit) return { label: "修改", danger: true, primary: true };
  if (s.abilities.edit) return { label: "填报", danger: false, primary: true };
  return { label: "查看", danger: false, primary: false };
}

const columns: TableColumnsType<FormSubmissionSummary> = [
  { title: "填报表", key: "form", render: (_, s) => s.form.title },
  { title: "批次", key: "round", render: (_, s) => s.round.name },
  {
    title: "状态",
    key: "status",
    render: (_, s) => (
      <>
        <SubmissionStatusTag status={s.status} />
        {s.late && <Tag color="warning">逾期</Tag>}
      </>
    ),
  },
  { title: "截止", key: "deadline", render: (_, s) => formatDate(s.round.deadline) },
  { title: "退回原因", dataIndex: "returnReason", render: (r: string | null) => r ?? "" },
  {
    title: "操作",
    key: "actions",
    render: (_, s) => {
      const action = actionOf(s);
      return (
        <NavButton
          to={`/form-submissions/${s.id}`}
          size="small"
          type={action.primary ? "primary" : "default"}
          danger={action.danger}
        >
          {action.label}
        </NavButton>
      );
    },
  },
];

/** 我的填报 (`/my-forms`): the signed-in unit's submissions, open rounds first, each opening its fill page. */
export function MyFormsPage() {
  const navigate = useNavigate();
  const { paging, pagination } = useTablePaging();
  const list = useMySubmissions(paging);
  return (
    <>
      <PageHeader title="我的填报" />
      <ResponsiveTable<FormSubmissionSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={pagination(list.data?.total)}
        onRow={(s) => ({ onClick: () => navigate(`/form-submissions/${s.id}`) })}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: (
            <Empty
              description={
                list.isError ? list.error.message : "暂无填报任务：教育局下发数据填报表后会列在这里。"
              }
            />
          ),
        }}
      />
    </>
  );
}
