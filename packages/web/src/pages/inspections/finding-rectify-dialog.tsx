import type { Inspection } from "@duban/domain";
import { DatePicker, Form, Input, Modal, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { inspectionsKey, rectifyFinding } from "../../api/inspections";
import { rectificationsKey } from "../../api/rectifications";
import { useWrite } from "../../hooks/use-write";

interface Values {
  requirement: string;
  deadline: Dayjs;
  responsiblePerson?: string;
}

/** 转为整改: one finding becomes a 整改 item of the visited school in one step. */
export function FindingRectifyDialog({
  inspection,
  index,
  onClose,
}: {
  inspection: Inspection;
  index: number;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const finding = inspection.findings.find((f) => f.index === index);
  const submit = useWrite({
    mutationFn: (v: Values) =>
      rectifyFinding({
        id: inspection.id,
        index,
        input: {
          requirement: v.requirement.trim(),
          deadline: v.deadline.format("YYYY-MM-DD"),
          responsiblePerson: v.responsiblePerson?.trim() || null,
        },
      }),
    success: "已转为整改事项",
    refresh: inspectionsKey,
    also: [rectificationsKey],
    form,
    onDone: onClose,
  });
  return (
    <Modal
      open
      title={`转为整改：${inspection.unit.name}`}
      okText="转为整改"
      cancelText="取消"
      confirmLoading={submit.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">问题：{finding?.text}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)}>
        <Form.Item
          name="requirement"
          label="整改要求"
          rules={[{ required: true, whitespace: true, message: "请填写整改要求" }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="deadline" label="整改时限" rules={[{ required: true, message: "请选择整改时限" }]}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="responsiblePerson" label="责任人">
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
