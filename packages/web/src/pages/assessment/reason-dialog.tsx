import { Form, Input, Modal } from "antd";
import type { ReactNode } from "react";

/** A confirmation that needs a written reason (撤销加减分, 不采纳申诉 …); `onSubmit` gets the trimmed text. */
export function ReasonDialog({
  title,
  okText,
  description,
  loading,
  onSubmit,
  onClose,
}: {
  title: string;
  okText: string;
  description?: ReactNode;
  loading: boolean;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ loading, danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {description}
      <Form form={form} layout="vertical" onFinish={({ reason }) => onSubmit(reason.trim())}>
        <Form.Item
          name="reason"
          label="理由"
          rules={[{ required: true, whitespace: true, message: "请填写理由" }]}
        >
          <Input.TextArea aria-label="理由" rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
