import type { Assignment } from "@duban/domain";
import { Button, type ButtonProps, DatePicker, Form, Input, InputNumber, Modal } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { executionKey } from "../../api/execution";
import { createExtension, extensionsKey } from "../../api/extensions";
import { formatPlanDate } from "../../components/plan-format";
import { useWrite } from "../../hooks/use-write";

/** 申请延期 beside an assignment, shown only to the unit that may still ask. */
export function ExtensionButton({ assignment, ...props }: { assignment: Assignment } & ButtonProps) {
  const [open, setOpen] = useState(false);
  if (!assignment.abilities.requestExtension) return null;
  return (
    <>
      <Button {...props} onClick={() => setOpen(true)}>
        申请延期
      </Button>
      {open && <ExtensionDialog assignment={assignment} onClose={() => setOpen(false)} />}
    </>
  );
}

interface Values {
  requestedDue: Dayjs;
  reason: string;
  progress: number;
}

/** 申请延期: before the due date the unit asks for a later one, with its reason and current progress. */
export function ExtensionDialog({ assignment, onClose }: { assignment: Assignment; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const due =
    assignment.dueDate && /^\d{4}-\d{2}-\d{2}$/.test(assignment.dueDate) ? dayjs(assignment.dueDate) : null;
  const submit = useWrite({
    mutationFn: (v: Values) =>
      createExtension({
        assignmentId: assignment.id,
        requestedDue: v.requestedDue.format("YYYY-MM-DD"),
        reason: v.reason.trim(),
        progress: v.progress,
      }),
    success: "延期申请已提交，等待牵头科室和督查室审批",
    refresh: extensionsKey,
    also: [executionKey],
    form,
    onDone: onClose,
  });
  return (
    <Modal
      open
      title={`申请延期：${assignment.node.title}`}
      okText="提交申请"
      cancelText="取消"
      confirmLoading={submit.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ progress: Math.round(assignment.progress) }}
        onFinish={(v) => submit.mutate(v)}
      >
        <Form.Item label="当前时限">{formatPlanDate(assignment.dueDate)}</Form.Item>
        <Form.Item
          name="requestedDue"
          label="申请延至"
          rules={[{ required: true, message: "请选择新的完成时限" }]}
        >
          <DatePicker
            style={{ width: "100%" }}
            disabledDate={(d) => (due ? !d.isAfter(due, "day") : d.isBefore(dayjs(), "day"))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="延期理由"
          rules={[{ required: true, whitespace: true, message: "请填写延期理由" }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="progress"
          label="当前进度（%）"
          rules={[{ required: true, message: "请填写当前进度" }]}
        >
          <InputNumber min={0} max={100} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
