import type { FormSubmission } from "@duban/domain";
import { Alert, Card, Flex, Result, Spin, Typography } from "antd";
import { Link, useParams } from "react-router";
import { useSubmission } from "../../api/forms";
import { formatDate } from "../../components/date-format";
import { FillForm } from "./fill-form";
import { SubmissionHistory, SubmissionStatusTag, SubmissionValues } from "./submission-view";

/** 填报 (`/form-submissions/:id`): a unit fills in its submission of a round, made for a phone. */
export function FillPage() {
  const { id = "" } = useParams();
  const submission = useSubmission(id);
  if (submission.isPending) return <Spin style={{ display: "block", margin: "80px auto" }} />;
  if (submission.isError) return <Result status="warning" title={submission.error.message} />;
  return <FillView submission={submission.data} />;
}

/** What the unit is told above the fields: returned with the reason, waiting for review, or locked. */
function StatusNote({ submission }: { submission: FormSubmission }) {
  if (submission.status === "returned")
    return (
      <Alert
        type="error"
        showIcon
        title="填报被退回，请修改后重新提交"
        description={`退回原因：${submission.returnReason ?? "—"}`}
      />
    );
  if (submission.status === "approved")
    return <Alert type="success" showIcon title="已通过审核，数据已锁定" />;
  if (submission.status === "submitted") return <Alert type="info" showIcon title="已提交，等待审核" />;
  if (submission.round.status === "closed") return <Alert type="warning" showIcon title="本批次填报已结束" />;
  return null;
}

function FillView({ submission }: { submission: FormSubmission }) {
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      <Link to="/my-forms">← 我的填报</Link>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {submission.form.title}
      </Typography.Title>
      <Flex gap={8} wrap align="center">
        <SubmissionStatusTag status={submission.status} />
        <Typography.Text type="secondary">
          {submission.unit.name} · {submission.round.name} · 截止 {formatDate(submission.round.deadline)}
        </Typography.Text>
      </Flex>
      <StatusNote submission={submission} />
      {submission.abilities.edit ? (
        <FillForm submission={submission} />
      ) : (
        <SubmissionValues fields={submission.fields} values={submission.values} />
      )}
      <Card size="small" title="填报记录">
        <SubmissionHistory history={submission.history} />
      </Card>
    </Flex>
  );
}
