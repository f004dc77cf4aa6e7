import { Card, Empty, Flex, Tag, Typography } from "antd";
import type { Closure } from "../../api/decompose";
import { formatDateTime } from "../../components/date-format";
import { EvidenceList } from "../../components/evidence-list";

const statusTags: Record<Closure["status"], { color: string; label: string }> = {
  requested: { color: "gold", label: "待确认" },
  confirmed: { color: "blue", label: "已销号" },
  returned: { color: "red", label: "已退回" },
};

/** 办结记录: every close-out request with its summary, final evidence and the supervisor's decision. */
export function ClosureHistory({ closures }: { closures: Closure[] }) {
  if (closures.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无办结申请" />;
  return (
    <Flex vertical gap={12}>
      {closures.map((closure) => {
        const tag = statusTags[closure.status];
        return (
          <Card
            key={closure.id}
            size="small"
            title={`${closure.requestedBy ?? "—"} 申请办结 · ${formatDateTime(closure.requestedAt)}`}
            extra={<Tag color={tag.color}>{tag.label}</Tag>}
          >
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{closure.summary}</Typography.Paragraph>
            <EvidenceList files={closure.files} />
            {closure.decidedAt && (
              <Typography.Paragraph
                type={closure.status === "returned" ? "danger" : "secondary"}
                style={{ margin: "8px 0 0" }}
              >
                督查室{closure.status === "returned" ? "退回" : "确认销号"} ·{" "}
                {formatDateTime(closure.decidedAt)}
                {closure.decisionReason ? `：${closure.decisionReason}` : ""}
              </Typography.Paragraph>
            )}
          </Card>
        );
      })}
    </Flex>
  );
}
