import type { Assignment, Indicator, PlanTreeNode, Report } from "@duban/domain";
import { Card, Collapse, Descriptions, List, Tag, Typography } from "antd";
import type { Cycle } from "../../api/execution";
import { formatNumber, formatPlanDate, formatTarget } from "../../components/plan-format";

const withUnit = (value: number, unit: string) => `${formatNumber(value)}${unit ? ` ${unit}` : ""}`;

/**
 * Each indicator's value in the latest approved report of an earlier cycle than `cycle`: what the unit reported
 * and the bureau accepted last time, by indicator id.
 */
export function lastApprovedValues(
  reports: Report[],
  cycle: Cycle | null,
): Map<string, { value: number; cycleName: string }> {
  const earlier = reports
    .filter((r) => r.status === "approved" && r.cycle.id !== cycle?.id)
    .sort((a, b) => b.cycle.dueDate.localeCompare(a.cycle.dueDate));
  const found = new Map<string, { value: number; cycleName: string }>();
  for (const report of earlier)
    for (const v of report.values)
      if (!found.has(v.indicatorId))
        found.set(v.indicatorId, { value: v.value, cycleName: report.cycle.name });
  return found;
}

/** One indicator as the form shows it: the target to reach and what was approved last time. */
function IndicatorLine({
  indicator,
  last,
}: {
  indicator: Indicator;
  last: { value: number; cycleName: string } | undefined;
}) {
  const target = formatTarget({
    comparator: indicator.comparator,
    value: indicator.targetValue,
    valueMax: indicator.targetMax,
    unit: indicator.unit,
  });
  return (
    <List.Item>
      <Typography.Text strong>{indicator.name}</Typography.Text>
      <div>
        目标 <Tag color="blue">{target}</Tag>
        {indicator.deadline && <span>时限 {formatPlanDate(indicator.deadline)} · </span>}
        上期已通过：
        {last ? `${withUnit(last.value, indicator.unit)}（${last.cycleName}）` : "暂无"}
      </div>
    </List.Item>
  );
}

/**
 * What the school reports against, above the form: the due dates, each indicator's target and last approved
 * value, and the task's text and measures (collapsed, since they are long and read once).
 */
export function ReportContext({
  node,
  assignment,
  cycle,
  indicators,
  reports,
}: {
  node: PlanTreeNode | null;
  assignment: Assignment;
  cycle: Cycle | null;
  indicators: Indicator[];
  reports: Report[];
}) {
  const last = lastApprovedValues(reports, cycle);
  const measures = node?.measures ?? [];
  return (
    <Card size="small" title="填报依据" aria-label="填报依据">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: "cycle", label: "本期截止", children: cycle ? formatPlanDate(cycle.dueDate) : "—" },
          { key: "due", label: "完成时限", children: formatPlanDate(assignment.dueDate) },
        ]}
      />
      {indicators.length > 0 && (
        <List
          size="small"
          aria-label="考核指标"
          dataSource={indicators}
          rowKey="id"
          renderItem={(indicator) => <IndicatorLine indicator={indicator} last={last.get(indicator.id)} />}
        />
      )}
      {node && (node.text || measures.length > 0) && (
        <Collapse
          size="small"
          ghost
          items={[
            {
              key: "task",
              label: `任务原文与措施${measures.length ? `（${measures.length} 条措施）` : ""}`,
              children: (
                <>
                  {node.text && (
                    <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>
                      {node.text}
                    </Typography.Paragraph>
                  )}
                  {measures.length > 0 && (
                    <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                      {measures.map((m) => (
                        <li key={m.id}>
                          {m.text}
                          {assignment.measure?.id === m.id && (
                            <Tag style={{ marginInlineStart: 8 }}>本单位承担</Tag>
                          )}
                        </li>
                      ))}
                    </ol>
                  )}
                </>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
