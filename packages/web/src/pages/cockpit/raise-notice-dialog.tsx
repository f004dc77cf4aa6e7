import { type CockpitAttention, type NoticeLevel, noticeLevelLabels, noticeLevels } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, DatePicker, Descriptions, Form, Input, Modal, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import { isApiError } from "../../api/client";
import { cockpitKey } from "../../api/cockpit";
import { createNotice, noticesKey } from "../../api/notices";
import { optionsOf } from "../../components/select-options";
import { useErrorHandler } from "../../hooks/use-error-handler";

interface Values {
  level: NoticeLevel;
  reason: string;
  replyDue: Dayjs;
}

/** The level a 需要关注 item calls for: a red task gets 红色督办, anything else 黄色警示. */
export function levelFor(item: CockpitAttention): NoticeLevel {
  return item.light === "red" ? "red" : "yellow";
}

/** The prefilled 督办事由 of an item, in the 督查室's usual wording. */
export function reasonFor(item: CockpitAttention): string {
  return `${item.title}：${item.reason}。请说明原因，提出整改措施，按时回复。`;
}

/**
 * 一键督办 from the cockpit: the 督办单 prefilled from a 需要关注 item (unit, task, level, 事由, reply in 5 days
 * from `today`), shown for confirmation; 下发 raises it through the same API as the 督办台账.
 */
export function RaiseNoticeDialog({
  item,
  today,
  onClose,
}: {
  item: CockpitAttention;
  today: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useErrorHandler(noticesKey);
  // An open notice of the same level already exists: 仍要下发 then sends with allowDuplicate.
  const [repeat, setRepeat] = useState<{ id: string; message: string } | null>(null);
  const submit = useMutation({
    mutationFn: (v: Values) =>
      createNotice({
        nodeId: item.nodeId,
        ...(item.assignmentId ? { assignmentId: item.assignmentId } : { unitId: item.unitId ?? undefined }),
        level: v.level,
        reason: v.reason.trim(),
        replyDue: v.replyDue.format("YYYY-MM-DD"),
        ...(repeat ? { allowDuplicate: true } : {}),
      }),
    onSuccess: () => {
      message.success(`已向${item.unitName ?? "责任单位"}下发督办单`);
      void queryClient.invalidateQueries({ queryKey: noticesKey });
      void queryClient.invalidateQueries({ queryKey: cockpitKey });
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
      title="确认下发督办单"
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
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label="督办事项">{item.title}</Descriptions.Item>
        <Descriptions.Item label="责任单位">{item.unitName ?? "—"}</Descriptions.Item>
      </Descriptions>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          level: levelFor(item),
          reason: reasonFor(item),
          replyDue: dayjs(today).add(5, "day"),
        }}
        onFinish={(v) => submit.mutate(v)}
        onValuesChange={(changed) => "level" in changed && setRepeat(null)}
      >
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
          <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.isBefore(dayjs(today), "day")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
