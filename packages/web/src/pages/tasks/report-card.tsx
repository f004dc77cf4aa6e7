import type { Indicator, Report } from "@duban/domain";
import { Card, Descriptions, Flex, Progress, Timeline, Typography } from "antd";
import { formatDateTime } from "../../components/date-format";
import { EvidenceList } from "../../components/evidence-list";
import { formatNumber } from "../../components/plan-format";
import { ReportStatusTag } from "../../components/report-status-tag";
import { ReviewActions } from "./review-actions";

const actionLabels: Record<string, string> = {
  submit: "提交",
  resubmit: "重新提交",
  return: "退回",
  approve: "通过",
};

/**
 * One report of the timeline: state, progress, the three texts, indicator values, evidence and history;
 * `highlighted` when a link opened the page on it (审核 from 我的工作).
 */
export function ReportCard({
  report,
  indicators,
  highlighted = false,
}: {
  report: Report;
  indicators: Indicator[];
  highlighted?: boolean;
}) {
  const nameOf = (id: string) => indicators.find((i) => i.id === id);
  return (
    <Card
      size="small"
      id={`report-${report.id}`}
      aria-current={highlighted ? "true" : undefined}
      style={
        highlighted ? { borderColor: "#1677ff", boxShadow: "0 0 0 2px rgba(22, 119, 255, 0.25)" } : undefined
      }
      title={
        <Flex wrap gap={8} align="center">
          <span>{report.unit.name}</span>
          <Typography.Text type="secondary">{report.cycle.name}</Typography.Text>
          <ReportStatusTag status={report.status} late={report.late} />
        </Flex>
      }
      extra={report.abilities.review && <ReviewActions report={report} />}
    >
      <Progress percent={Math.round(report.progress)} style={{ maxWidth: 320 }} />
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: "done", label: "本期完成情况", children: report.doneText || "—" },
          { key: "problems", label: "存在问题", children: report.problemsText || "—" },
          { key: "next", label: "下步计划", children: report.nextText || "—" },
          ...report.values.map((v) => {
            const indicator = nameOf(v.indicatorId);
            return {
              key: v.indicatorId,
              label: indicator?.name ?? "指标",
              children: `${formatNumber(v.value)}${indicator?.unit ? ` ${indicator.unit}` : ""}`,
            };
          }),
        ]}
        styles={{ content: { whiteSpace: "pre-wrap" } }}
      />
      <EvidenceList files={report.files} />
      {report.history.length > 0 && (
        <Timeline
          style={{ marginTop: 16, marginBottom: -16 }}
          items={report.history.map((h, index) => ({
            key: index,
            color: h.action === "return" ? "red" : h.action === "approve" ? "green" : "blue",
            content: (
              <span>
                {actionLabels[h.action] ?? h.action}
                {h.reason ? `（${h.reason}）` : ""} · {h.actorName ?? "—"} · {formatDateTime(h.at)}
              </span>
            ),
          }))}
        />
      )}
    </Card>
  );
}
