import { DatePicker, Form, Input, Modal } from "antd";
import type { Dayjs } from "dayjs";
import { addMilestone } from "../../api/decompose";
import { apiDate } from "./date-field";
import { ReasonField } from "./reason-field";
import { useTaskWrite } from "./use-task-write";

interface MilestoneValues {
  title: string;
  deadline: Dayjs | null;
  reason: string;
}

/** 新增节点: a milestone of the task with its due date. */
export function MilestoneDialog({ nodeId, onClose }: { nodeId: string; onClose: () => void }) {
  const [form] = Form.useForm<MilestoneValues>();
  const save = useTaskWrite({
    mutationFn: (values: MilestoneValues) =>
      addMilestone(nodeId, {
        title: values.title.trim(),
        deadline: apiDate(values.deadline),
        reason: values.reason.trim(),
      }),
    success: "已新增节点",
    form,
    onDone: onClose,
  });
  return (
    <Modal
      title="新增节点"
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
          name="title"
          label="节点名称"
          rules={[{ required: true, whitespace: true, message: "请填写节点名称" }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="deadline" label="完成时限">
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <ReasonField />
      </Form>
    </Modal>
  );
}
