import { DownloadOutlined } from "@ant-design/icons";
import type { Notice } from "@duban/domain";
import { Alert, Button, Card, Descriptions, Flex, Result, Spin } from "antd";
import dayjs from "dayjs";
import { Link, useParams } from "react-router";
import { decideNotice, noticeDocumentUrl, noticesKey, useNotice } from "../../api/notices";
import { notificationsKey } from "../../api/notifications";
import { formatDateTime } from "../../components/date-format";
import { DecisionButtons } from "../../components/decision-buttons";
import { InstructionButton, InstructionsPanel } from "../../components/instructions-panel";
import { areaLabel } from "../../components/navigation";
import { NoticeLevelTag, NoticeStatusTag } from "../../components/notice-tags";
import { PageHeader } from "../../components/page-header";
import { formatPlanDate } from "../../components/plan-format";
import { useSignedInUser } from "../../hooks/use-signed-in-user";
import { useWrite } from "../../hooks/use-write";
import { NoticeEvents } from "./notice-events";
import { NoticeReplyForm } from "./notice-reply-form";

/** 督办单 detail (`/notices/:id`): the notice, its history, the unit's reply and the office's decision. */
export function NoticeDetailPage() {
  const { id = "" } = useParams();
  const notice = useNotice(id);
  if (notice.isPending) return <Spin style={{ display: "block", margin: "80px auto" }} />;
  if (notice.isError) return <Result status="warning" title={notice.error.message} />;
  return <NoticeView notice={notice.data} />;
}

function NoticeView({ notice }: { notice: Notice }) {
  const me = useSignedInUser();
  const decide = useWrite({
    mutationFn: (d: { accept: boolean; reason?: string }) =>
      decideNotice(notice.id, {
        decision: d.accept ? "accept" : "return",
        reason: d.reason,
        version: notice.version,
      }),
    success: (n) => (n.status === "accepted" ? "督办单已办结" : "已退回责任单位"),
    refresh: noticesKey,
    also: [notificationsKey],
  });
  const title = `${notice.node.label ?? ""}${notice.node.title}`;
  const overdue =
    notice.replyDue &&
    ["open", "returned"].includes(notice.status) &&
    dayjs().isAfter(notice.replyDue, "day");
  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      <div>
        <Link to="/notices">← {areaLabel(me, "notices")}</Link>
        <PageHeader
          title={`督办单：${title}`}
          actions={
            <>
              <Button icon={<DownloadOutlined />} href={noticeDocumentUrl(notice.id)} download>
                下载督办通知单
              </Button>
              <InstructionButton
                entity="notice"
                entityId={notice.id}
                unitId={notice.unit.id}
                subject={title}
              />
              {notice.abilities.decide && (
                <DecisionButtons
                  acceptLabel="通过"
                  returnLabel="退回"
                  subject={title}
                  loading={decide.isPending}
                  onDecide={(d) => decide.mutateAsync(d)}
                />
              )}
            </>
          }
        />
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: "number", label: "文号", children: notice.documentNumber ?? "—" },
            { key: "unit", label: "责任单位", children: notice.unit.name },
            { key: "level", label: "督办等级", children: <NoticeLevelTag level={notice.level} /> },
            { key: "status", label: "状态", children: <NoticeStatusTag status={notice.status} /> },
            {
              key: "created",
              label: "下发时间",
              children: formatDateTime(notice.createdAt),
            },
            { key: "due", label: "回复时限", children: formatPlanDate(notice.replyDue) },
            {
              key: "source",
              label: "来源",
              children: notice.source === "auto" ? "自动（亮灯）" : "人工下发",
            },
            {
              key: "task",
              label: "督办事项",
              span: "filled",
              children: <Link to={`/plans/${notice.planId}/tasks/${notice.node.id}`}>{title}</Link>,
            },
            { key: "reason", label: "督办事由", span: "filled", children: notice.reason },
            ...(notice.closeNote
              ? [{ key: "close", label: "关闭说明", span: "filled" as const, children: notice.closeNote }]
              : []),
          ]}
        />
      </div>
      {overdue && <Alert type="error" showIcon title="已超过回复时限，请尽快回复" />}
      <InstructionsPanel entity="notice" entityId={notice.id} />
      {notice.abilities.reply && <NoticeReplyForm notice={notice} />}
      <Card size="small" title="办理记录">
        <NoticeEvents events={notice.events ?? []} />
      </Card>
    </Flex>
  );
}
