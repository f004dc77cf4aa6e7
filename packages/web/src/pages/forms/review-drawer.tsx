import type { FormSubmission } from "@duban/domain";
import { Alert, Button, Drawer, Flex, Form, Input, Modal, Popconfirm, Result, Spin, Typography } from "antd";
import { useState } from "react";
import { approveSubmission, formsKey, returnSubmission, useSubmission } from "../../api/forms";
import { computedKey } from "../../api/indicator-formulas";
import { plansKey } from "../../api/plans";
import { formatDateTime } from "../../components/date-format";
import { useWrite } from "../../hooks/use-write";
import { SubmissionHistory, SubmissionStatusTag, SubmissionValues } from "./submission-view";

/** 退回: asks why, so the unit knows what to correct. */
function ReturnDialog({ submission, onClose }: { submission: FormSubmission; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const send = useWrite({
    mutationFn: ({ reason }: { reason: string }) =>
      returnSubmission(submission.id, submission.version, reason.trim()),
    success: `已退回${submission.unit.name}`,
    refresh: formsKey,
    form,
    onDone: onClose,
  });
  return (
    <Modal
      title={`退回：${submission.unit.name}`}
      open
      okText="退回"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={send.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)}>
        <Form.Item
          name="reason"
          label="退回原因"
          rules={[{ required: true, whitespace: true, message: "请填写退回原因" }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            placeholder="说明需要修改的地方"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReviewBody({ submission }: { submission: FormSubmission }) {
  const [returning, setReturning] = useState(false);
  const approve = useWrite({
    mutationFn: () => approveSubmission(submission.id, submission.version),
    success: `已通过${submission.unit.name}的填报`,
    refresh: formsKey,
    // An approval recomputes the form's indicators and with them the plan's figures.
    also: [computedKey, plansKey],
  });
  const filled = submission.status !== "draft";
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center" wrap>
        <SubmissionStatusTag status={submission.status} />
        {submission.late && <Typography.Text type="warning">逾期报送</Typography.Text>}
        {submission.submittedAt && (
          <Typography.Text type="secondary">提交于 {formatDateTime(submission.submittedAt)}</Typography.Text>
        )}
      </Flex>
      {submission.status === "returned" && submission.returnReason && (
        <Alert
          type="error"
          showIcon
          title="已退回，等待单位修改"
          description={`退回原因：${submission.returnReason}`}
        />
      )}
      {filled ? (
        <SubmissionValues fields={submission.fields} values={submission.values} />
      ) : (
        <Alert type="info" showIcon title="该单位尚未提交" />
      )}
      {submission.abilities.review && (
        <Flex gap={8}>
          <Popconfirm
            title="审核通过？"
            description="通过后数据锁定，并计入计算指标。"
            okText="通过"
            cancelText="取消"
            onConfirm={() => approve.mutateAsync(undefined)}
          >
            <Button type="primary" loading={approve.isPending}>
              通过
            </Button>
          </Popconfirm>
          <Button danger onClick={() => setReturning(true)}>
            退回
          </Button>
        </Flex>
      )}
      <div>
        <Typography.Title level={5}>填报记录</Typography.Title>
        <SubmissionHistory history={submission.history} />
      </div>
      {returning && <ReturnDialog submission={submission} onClose={() => setReturning(false)} />}
    </Flex>
  );
}

/** A unit's submission in a drawer beside the round: its values, history, and 通过 / 退回 for the reviewer. */
export function ReviewDrawer({ submissionId, onClose }: { submissionId: string; onClose: () => void }) {
  const submission = useSubmission(submissionId);
  return (
    <Drawer
      title={submission.data ? `${submission.data.unit.name} · ${submission.data.form.title}` : "填报内容"}
      open
      onClose={onClose}
      size={560}
    >
      {submission.isPending ? (
        <Spin style={{ display: "block", margin: "40px auto" }} />
      ) : submission.isError ? (
        <Result status="warning" title={submission.error.message} />
      ) : (
        <ReviewBody submission={submission.data} />
      )}
    </Drawer>
  );
}
