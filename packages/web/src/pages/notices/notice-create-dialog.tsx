import { type NoticeLevel, noticeLevelLabels, noticeLevels } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, DatePicker, Form, Input, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import { isApiError } from "../../api/client";
import { useNodeAssignments } from "../../api/execution";
import { createNotice, noticesKey } from "../../api/notices";
import { useUnitOptions } from "../../api/units";
import { optionsOf } from "../../components/select-options";
import { useErrorHandler } from "../../hooks/use-error-handler";
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
  const queryClient = useQueryClient();
  const onError = useErrorHandler(noticesKey);
  // The open notice of the same level the server warned about; 仍要下发 then sends with allowDuplicate.
  const [repeat, setRepeat] = useState<{ id: string; message: string } | null>(null);
  const submit = useMutation({
    mutationFn: (v: Values) =>
      createNotice({
        nodeId: v.nodeId,
        unitId: v.unitId,
        assignmentId: assigned.find((a) => a.unit.id === v.unitId)?.id,
        level: v.level,
        reason: v.reason.trim(),
        replyDue: v.replyDue.format("YYYY-MM-DD"),
        ...(repeat ? { allowDuplicate: true } : {}),
      }),
    onSuccess: () => {
      message.success("督办单已下发");
      void queryClient.invalidateQueries({ queryKey: noticesKey });
      onClose();
    },
    onError: (error) => {
      const openId = (error as { details?: { openNoticeId?: unknown } }).details?.openNoticeId;
      if (isApiError(error, "conflict") && typeof openId === "string")
        setRepeat({ id: openId, message: error.message });
      else onError(error, form);
    },
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
      {repeat && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={repeat.message}
          description={<Link to={`/notices/${repeat.id}`}>查看未办结的督办单</Link>}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ nodeId, level: "yellow" }}
        onFinish={(v) => submit.mutate(v)}
        // A changed unit, task or level is another question: the warning no longer applies.
        onValuesChange={(changed) => {
          if ("unitId" in changed || "nodeId" in changed || "level" in changed) setRepeat(null);
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
        <Form.Item name="level" label="督办等级" rules={[{ required: true }]}>
          <Select options={optionsOf(noticeLevels, noticeLevelLabels)} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="督办事由"
          rules={[{ required: true, whitespace: true, message: "请填写督办事由" }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="replyDue" label="回复时限" rules={[{ required: true, message: "请选择回复时限" }]}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
