import { Form, Input, Modal } from "antd";
import { addMeasure } from "../../api/decompose";
import { ReasonField } from "./reason-field";
import { useTaskWrite } from "./use-task-write";

/** 新增措施 after publishing, with a reason. */
export function MeasureDialog({ nodeId, onClose }: { nodeId: string; onClose: () => void }) {
  const [form] = Form.useForm<{ text: string; reason: string }>();
  const save = useTaskWrite({
    mutationFn: (values: { text: string; reason: string }) =>
      addMeasure(nodeId, { text: values.text.trim(), reason: values.reason.trim() }),
    success: "已新增措施",
    form,
    onDone: onClose,
  });
  return (
    <Modal
      title="新增措施"
      open
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item
          name="text"
          label="措施内容"
          rules={[{ required: true, whitespace: true, message: "请填写措施内容" }]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount />
        </Form.Item>
        <ReasonField />
      </Form>
    </Modal>
  );
}
