import type { Cockpit, CockpitIndicator } from "@duban/domain";
import { Card, Empty, Progress, type TableColumnsType, Typography } from "antd";
import { useMemo } from "react";
import { Link } from "react-router";
import { IndicatorStatusTag } from "../../components/indicator-status-tag";
import { formatNumber, formatTarget } from "../../components/plan-format";
import { ResponsiveTable } from "../../components/responsive-table";
import { taskLink } from "./cockpit-links";

/** How far a "reach at least" target is reached, 0–100; null for targets a bar would misstate (≤, =, ranges). */
export function reachOf(indicator: CockpitIndicator): number | null {
  if (indicator.value === null || indicator.target <= 0) return null;
  if (indicator.comparator !== "gte" && indicator.comparator !== "gt") return null;
  return Math.min(100, Math.round((indicator.value / indicator.target) * 1000) / 10);
}

function columnsOf(planId: string): TableColumnsType<CockpitIndicator> {
  return [
    {
      title: "指标",
      key: "name",
      render: (_, i) => (
        <>
          <Link to={taskLink(planId, i.nodeId)}>{i.name}</Link>
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
            {i.taskTitle}
          </Typography.Text>
        </>
      ),
    },
    {
      title: "当前值",
      key: "value",
      width: 110,
      render: (_, i) => (i.value === null ? "暂无" : `${formatNumber(i.value)}${i.unit ? ` ${i.unit}` : ""}`),
    },
    {
      title: "目标",
      key: "target",
      width: 160,
      render: (_, i) => {
        const reach = reachOf(i);
        const target = formatTarget({
          comparator: i.comparator,
          value: i.target,
          valueMax: i.targetMax,
          unit: i.unit,
        });
        return (
          <>
            {target}
            {reach !== null && <Progress percent={reach} size="small" showInfo={false} />}
          </>
        );
      },
    },
    {
      title: "状态 / 已报",
      key: "status",
      width: 170,
      // The coverage always stands beside the status: 已达成 from 1 of 6 units is not 已达成 for the plan.
      render: (_, i) => (
        <IndicatorStatusTag status={i.status} coverage={{ reported: i.reported, expected: i.expected }} />
      ),
    },
  ];
}

/** 指标: each target of the plan with its current value, target line, status and 已报 x/y. */
export function IndicatorsCard({ cockpit }: { cockpit: Cockpit }) {
  const columns = useMemo(() => columnsOf(cockpit.planId), [cockpit.planId]);
  return (
    <Card title="指标完成情况" size="small">
      {cockpit.indicators.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无指标" />
      ) : (
        <ResponsiveTable<CockpitIndicator>
          rowKey="indicatorId"
          size="small"
          columns={columns}
          dataSource={cockpit.indicators}
          pagination={cockpit.indicators.length > 8 ? { pageSize: 8, size: "small" } : false}
        />
      )}
    </Card>
  );
}
