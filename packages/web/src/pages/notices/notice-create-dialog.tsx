import type { NoticeLevel } from "@duban/domain";
import { App, Form, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useNodeAssignments } from "../../api/execution";
import { useUnitOptions } from "../../api/units";
import { NoticeTermsFields, RepeatedNoticeAlert, useRaiseNotice } from "./raise-notice";
import { TaskPicker } from "./task-picker";

interface Values {
  nodeId: string;
  unitId: string;
  level: NoticeLevel;
  reason: string;
  replyDue: Dayjs;
}

/** 下发督办单 by hand: a task, the responsible unit, the level, why, and when the reply is due. */
export function NoticeCreateDialog({ nodeId, onClose }: { nodeId?: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch("nodeId", form) ?? nodeId;
  const assignments = useNodeAssignments(chosen ?? "");
  const units = useUnitOptions();
  const assigned = (assignments.data ?? []).filter((a) => a.status !== "removed");
  // Units the task was assigned to come first; any other unit may still be named.
  const unitOptions = [
    ...assigned.map((a) => ({ value: a.unit.id, label: `${a.unit.name}（已交办）` })),
    ...(units.data ?? [])
      .filter((u) => !assigned.some((a) => a.unit.id === u.id))
      .map((u) => ({ value: u.id, label: u.name })),
  ];
  const { message } = App.useApp();
  const { submit, repeat, clearRepeat } = useRaiseNotice(form, () => {
    message.success("督办单已下发");
    onClose();
  });
  return (
    <Modal
      open
      title="下发督办单"
      okText={repeat ? "仍要下发" : "下发"}
      cancelText="取消"
      confirmLoading={submit.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <RepeatedNoticeAlert repeat={repeat} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ nodeId, level: "yellow" }}
        onFinish={(v) =>
          submit.mutate({
            nodeId: v.nodeId,
            unitId: v.unitId,
            assignmentId: assigned.find((a) => a.unit.id === v.unitId)?.id,
            level: v.level,
            reason: v.reason.trim(),
            replyDue: v.replyDue.format("YYYY-MM-DD"),
          })
        }
        // A changed unit, task or level is another question: the warning no longer applies.
        onValuesChange={(changed) => {
          if ("unitId" in changed || "nodeId" in changed || "level" in changed) clearRepeat();
        }}
      >
        <Form.Item
          name="nodeId"
          label="督办事项（任务）"
          hidden={!!nodeId}
          rules={[{ required: true, message: "请选择任务" }]}
        >
          <TaskPicker />
        </Form.Item>
        <Form.Item name="unitId" label="责任单位" rules={[{ required: true, message: "请选择责任单位" }]}>
          <Select showSearch={{ optionFilterProp: "label" }} options={unitOptions} disabled={!chosen} />
        </Form.Item>
        <NoticeTermsFields />
      </Form>
    </Modal>
  );
}
