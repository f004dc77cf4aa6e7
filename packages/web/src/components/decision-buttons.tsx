import { Button, Form, Input, Modal, Space } from "antd";
import { useState } from "react";

/** A decision with the reason a refusal must carry. */
export interface Decision {
  accept: boolean;
  reason?: string;
}

/**
 * Accept / send back: accepting asks for confirmation, sending back asks for a reason (公文 practice: a return
 * always says why, so the unit knows what to fix).
 */
export function DecisionButtons({
  acceptLabel,
  returnLabel,
  subject,
  loading,
  size,
  onDecide,
}: {
  acceptLabel: string;
  returnLabel: string;
  subject: string;
  loading?: boolean;
  size?: "small" | "middle";
  onDecide: (decision: Decision) => Promise<unknown>;
}) {
  const [mode, setMode] = useState<"accept" | "return" | null>(null);
  const [form] = Form.useForm<{ reason?: string }>();
  const close = () => {
    setMode(null);
    form.resetFields();
  };
  const finish = async (values: { reason?: string }) => {
    await onDecide({ accept: mode === "accept", reason: values.reason?.trim() || undefined });
    close();
  };
  return (
    <>
      <Space wrap>
        <Button type="primary" size={size} loading={loading} onClick={() => setMode("accept")}>
          {acceptLabel}
        </Button>
        <Button danger size={size} loading={loading} onClick={() => setMode("return")}>
          {returnLabel}
        </Button>
      </Space>
      <Modal
        open={mode !== null}
        title={`${mode === "accept" ? acceptLabel : returnLabel}：${subject}`}
        okText={`确定${mode === "accept" ? acceptLabel : returnLabel}`}
        cancelText="取消"
        okButtonProps={{ danger: mode === "return" }}
        confirmLoading={loading}
        onOk={() => form.submit()}
        onCancel={close}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => void finish(values).catch(() => {})}>
          <Form.Item
            name="reason"
            label={mode === "accept" ? "意见（可选）" : "理由"}
            rules={mode === "return" ? [{ required: true, whitespace: true, message: "请填写理由" }] : []}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
