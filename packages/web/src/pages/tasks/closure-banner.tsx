import type { PlanTreeNode } from "@duban/domain";
import { Alert, App, Button, Form, Input, Modal, Space } from "antd";
import { useState } from "react";
import { decideClose } from "../../api/decompose";
import { useTaskWrite } from "./use-task-write";

/** 已申请办结 / 已销号 banner; on a pending request the supervision office confirms（销号）or returns it. */
export function ClosureBanner({ node }: { node: PlanTreeNode }) {
  if (node.status === "closed")
    return <Alert type="info" showIcon title="已销号" description="该任务已办结销号。" />;
  if (node.status !== "closing") return null;
  return (
    <Alert
      type="warning"
      showIcon
      title="已申请办结，等待督查室确认"
      action={node.abilities.decideClose && <CloseDecisionButtons node={node} />}
    />
  );
}

function CloseDecisionButtons({ node }: { node: PlanTreeNode }) {
  const { modal } = App.useApp();
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useTaskWrite({
    mutationFn: (input: { decision: "confirm" | "return"; reason?: string }) =>
      decideClose(node.id, { ...input, version: node.version }),
    success: (input) => (input.decision === "confirm" ? "已销号" : "已退回办结申请"),
    form,
    onDone: () => setReturning(false),
  });
  const confirm = () =>
    modal.confirm({
      title: "确认销号？",
      content: `「${node.title}」销号后不能再修改或填报。`,
      okText: "销号",
      cancelText: "取消",
      onOk: () => decide.mutateAsync({ decision: "confirm" }).catch(() => undefined),
    });
  return (
    <Space>
      <Button type="primary" onClick={confirm} loading={decide.isPending && !returning}>
        销号
      </Button>
      <Button danger onClick={() => setReturning(true)}>
        退回
      </Button>
      <Modal
        title="退回办结申请"
        open={returning}
        okText="确认退回"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        confirmLoading={decide.isPending}
        onOk={() => form.submit()}
        onCancel={() => setReturning(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={({ reason }) => decide.mutate({ decision: "return", reason: reason.trim() })}
        >
          <Form.Item
            name="reason"
            label="退回原因"
            rules={[{ required: true, whitespace: true, message: "请填写退回原因，告诉牵头科室还需做什么" }]}
          >
            <Input.TextArea rows={4} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
