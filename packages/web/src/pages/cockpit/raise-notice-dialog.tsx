import type { CockpitAttention, NoticeLevel } from "@duban/domain";
import { useQueryClient } from "@tanstack/react-query";
import { App, Descriptions, Form, Modal } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { cockpitKey } from "../../api/cockpit";
import { NoticeTermsFields, RepeatedNoticeAlert, useRaiseNotice } from "../notices/raise-notice";

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
  const { submit, repeat, clearRepeat } = useRaiseNotice(form, () => {
    message.success(`已向${item.unitName ?? "责任单位"}下发督办单`);
    void queryClient.invalidateQueries({ queryKey: cockpitKey });
    onClose();
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
      <RepeatedNoticeAlert repeat={repeat} />
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
        onFinish={(v) =>
          submit.mutate({
            nodeId: item.nodeId,
            ...(item.assignmentId
              ? { assignmentId: item.assignmentId }
              : { unitId: item.unitId ?? undefined }),
            level: v.level,
            reason: v.reason.trim(),
            replyDue: v.replyDue.format("YYYY-MM-DD"),
          })
        }
        onValuesChange={(changed) => "level" in changed && clearRepeat()}
      >
        <NoticeTermsFields disabledDate={(d) => d.isBefore(dayjs(today), "day")} />
      </Form>
    </Modal>
  );
}
