import { type Rectification, rectificationSourceLabels } from "@duban/domain";
import { Alert, Card, Descriptions, Flex, Result, Spin, Typography } from "antd";
import { Link, useParams } from "react-router";
import { notificationsKey } from "../../api/notifications";
import { rectificationsKey, useRectification, verifyRectification } from "../../api/rectifications";
import { formatDate, formatDateTime } from "../../components/date-format";
import { DecisionButtons } from "../../components/decision-buttons";
import { EvidenceList } from "../../components/evidence-list";
import { InstructionButton, InstructionsPanel } from "../../components/instructions-panel";
import { RectificationStatusTag } from "../../components/notice-tags";
import { PageHeader } from "../../components/page-header";
import { formatPlanDate } from "../../components/plan-format";
import { useWrite } from "../../hooks/use-write";
import { RectificationSubmitForm } from "./rectification-submit-form";

/** 整改 item (`/rectifications/:id`): the problem, the unit's measures and evidence, 销号 or 退回. */
export function RectificationDetailPage() {
  const { id = "" } = useParams();
  const item = useRectification(id);
  if (item.isPending) return <Spin style={{ display: "block", margin: "80px auto" }} />;
  if (item.isError) return <Result status="warning" title={item.error.message} />;
  return <RectificationView item={item.data} />;
}

function RectificationView({ item }: { item: Rectification }) {
  const verify = useWrite({
    mutationFn: (d: { accept: boolean; reason?: string }) =>
      verifyRectification(item.id, {
        decision: d.accept ? "accept" : "return",
        reason: d.reason,
        version: item.version,
      }),
    success: (r) => (r.status === "accepted" ? "已销号" : "已退回整改单位"),
    refresh: rectificationsKey,
    also: [notificationsKey],
  });
  const subject = item.problem.length > 30 ? `${item.problem.slice(0, 30)}…` : item.problem;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      <div>
        <Link to="/rectifications">← 整改台账</Link>
        <PageHeader
          title={`整改：${item.unit.name}`}
          actions={
            <>
              <InstructionButton
                entity="rectification"
                entityId={item.id}
                unitId={item.unit.id}
                subject={subject}
              />
              {item.abilities.verify && (
                <DecisionButtons
                  acceptLabel="销号"
                  returnLabel="退回"
                  subject={subject}
                  loading={verify.isPending}
                  onDecide={(d) => verify.mutateAsync(d)}
                />
              )}
            </>
          }
        />
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: "unit", label: "整改单位", children: item.unit.name },
            {
              key: "status",
              label: "状态",
              children: <RectificationStatusTag status={item.status} overdue={item.overdue} />,
            },
            { key: "source", label: "来源", children: rectificationSourceLabels[item.source] },
            { key: "deadline", label: "整改时限", children: formatPlanDate(item.deadline) },
            { key: "person", label: "责任人", children: item.responsiblePerson ?? "—" },
            { key: "created", label: "登记时间", children: formatDate(item.createdAt) },
            { key: "problem", label: "存在的问题", span: "filled", children: item.problem },
            { key: "requirement", label: "整改要求", span: "filled", children: item.requirement },
          ]}
        />
      </div>
      {item.status === "returned" && item.returnReason && (
        <Alert
          type="error"
          showIcon
          title="整改被退回，请补充后重新提交"
          description={`退回原因：${item.returnReason}`}
        />
      )}
      <InstructionsPanel entity="rectification" entityId={item.id} />
      {item.measures && (
        <Card size="small" title="整改情况">
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{item.measures}</Typography.Paragraph>
          <EvidenceList files={item.files} />
          {item.submittedAt && (
            <Typography.Text type="secondary">提交于 {formatDateTime(item.submittedAt)}</Typography.Text>
          )}
        </Card>
      )}
      {item.abilities.submit && <RectificationSubmitForm item={item} />}
    </Flex>
  );
}
