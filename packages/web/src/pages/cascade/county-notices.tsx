import type { CascadeNotice, HandDown, HandDownCounty, NoticeLevel } from "@duban/domain";
import { Button, Descriptions, Form, Modal, Popover, Space, type TableColumnsType, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import {
  cascadeNoticeDocumentUrl,
  cascadeNoticesKey,
  decideCascadeNotice,
  issueCascadeNotice,
  useHandDownNotices,
} from "../../api/cascade-notices";
import { notificationsKey } from "../../api/notifications";
import { DecisionButtons } from "../../components/decision-buttons";
import { NoticeLevelTag, NoticeStatusTag } from "../../components/notice-tags";
import { useWrite } from "../../hooks/use-write";
import { NoticeTermsFields } from "../notices/raise-notice";
import { CascadeNoticeEvents } from "./cascade-notice-events";
import { taskName } from "./hand-down-dialog";

interface Values {
  level: NoticeLevel;
  reason: string;
  replyDue: Dayjs;
}

/** 督办 a county on a hand-down: level, 事由 and reply date, shown with the item and the county to confirm. */
function IssueDialog({ h, county, onClose }: { h: HandDown; county: HandDownCounty; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const write = useWrite({
    mutationFn: (v: Values) =>
      issueCascadeNotice(h.id, {
        tenantId: county.tenant.id,
        level: v.level,
        reason: v.reason.trim(),
        replyDue: v.replyDue.format("YYYY-MM-DD"),
      }),
    success: (n) => `已向${n.to.name}下发督办单（${n.documentNumber ?? "无文号"}）`,
    refresh: cascadeNoticesKey,
    form,
    onDone: onClose,
  });
  return (
    <Modal
      open
      title="确认向下级教育局下发督办单"
      okText="下发"
      cancelText="取消"
      confirmLoading={write.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label="督办事项">{taskName(h.node)}</Descriptions.Item>
        <Descriptions.Item label="下级教育局">{county.tenant.name}</Descriptions.Item>
      </Descriptions>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          level: county.light === "red" ? "red" : "yellow",
          reason: `${h.title}：进展滞后，请说明原因，提出整改措施，按时回复。`,
          replyDue: dayjs().add(5, "day"),
        }}
        onFinish={(v) => write.mutate(v)}
      >
        <NoticeTermsFields disabledDate={(d) => d.isBefore(dayjs(), "day")} />
      </Form>
    </Modal>
  );
}

/** The county's answer with the notice's history, and 通过 / 退回 for the 督查室. */
function NoticeHistory({ notice }: { notice: CascadeNotice }) {
  const decide = useWrite({
    mutationFn: (d: { accept: boolean; reason?: string }) =>
      decideCascadeNotice(notice.id, {
        decision: d.accept ? "accept" : "return",
        reason: d.reason,
        version: notice.version,
      }),
    success: (n) => (n.status === "accepted" ? "督办单已办结" : `已退回${n.to.name}`),
    refresh: cascadeNoticesKey,
    also: [notificationsKey],
  });
  return (
    <div style={{ maxWidth: 420 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {`${notice.documentNumber ?? ""} 回复时限 ${notice.replyDue} `}
        <a href={cascadeNoticeDocumentUrl(notice)} download>
          下载督办通知单
        </a>
      </Typography.Paragraph>
      <CascadeNoticeEvents events={notice.events} />
      {notice.abilities.decide && (
        <DecisionButtons
          acceptLabel="通过"
          returnLabel="退回"
          size="small"
          subject={`${notice.to.name}的督办回复`}
          loading={decide.isPending}
          onDecide={(d) => decide.mutateAsync(d)}
        />
      )}
    </div>
  );
}

/** One county's 督办 cell: its latest notice's level and state, the history on click, and 督办 when it may. */
function CountyNoticeCell({
  h,
  county,
  latest,
  canIssue,
}: {
  h: HandDown;
  county: HandDownCounty;
  latest: CascadeNotice | undefined;
  canIssue: boolean;
}) {
  const [issuing, setIssuing] = useState(false);
  // A returned item is not the county's to answer for; a live notice is answered before another is sent.
  const issuable = canIssue && county.status !== "returned" && (!latest || latest.status === "accepted");
  return (
    <Space size={4} wrap>
      {latest && (
        <Popover
          trigger="click"
          title={`督办单：${county.tenant.name}`}
          content={<NoticeHistory notice={latest} />}
        >
          <Button size="small" type="link" style={{ padding: 0 }}>
            <NoticeLevelTag level={latest.level} />
            <NoticeStatusTag status={latest.status} />
          </Button>
        </Popover>
      )}
      {issuable && (
        <Button size="small" onClick={() => setIssuing(true)}>
          督办
        </Button>
      )}
      {issuing && <IssueDialog h={h} county={county} onClose={() => setIssuing(false)} />}
    </Space>
  );
}

/** The 督办 column of a hand-down's county table, from the notices the bureau issued on it. */
export function useCountyNoticeColumn(h: HandDown): TableColumnsType<HandDownCounty>[number] {
  const notices = useHandDownNotices(h.id);
  // Newest first: the first notice met per county is its latest.
  const latest = new Map<string, CascadeNotice>();
  for (const n of notices.data?.items ?? []) if (!latest.has(n.to.id)) latest.set(n.to.id, n);
  const canIssue = notices.data?.abilities.issue ?? false;
  return {
    title: "督办",
    key: "notice",
    render: (_, c) => (
      <CountyNoticeCell h={h} county={c} latest={latest.get(c.tenant.id)} canIssue={canIssue} />
    ),
  };
}
