import { aggregationLabels, type Indicator, type Report } from "@duban/domain";
import { Button, Card, Col, Flex, Row, Spin, Typography } from "antd";
import { lazy, Suspense } from "react";
import { IndicatorStatusTag } from "../../components/indicator-status-tag";
import { formatNumber, formatPlanDate, formatTarget } from "../../components/plan-format";
import { indicatorSeries } from "./indicator-series";

// ECharts loads only when a task with indicators is opened.
const IndicatorChart = lazy(() => import("./indicator-chart").then((m) => ({ default: m.IndicatorChart })));

const withUnit = (value: number, unit: string) => `${formatNumber(value)}${unit ? ` ${unit}` : ""}`;

/** The task's indicators: target, value so far, status and the value over the cycles; editable when `onEdit`. */
export function TaskIndicators({
  indicators,
  reports,
  onEdit,
}: {
  indicators: Indicator[];
  reports: Report[];
  onEdit?: (indicator: Indicator) => void;
}) {
  if (indicators.length === 0) return null;
  return (
    <Row gutter={[16, 16]}>
      {indicators.map((indicator) => (
        <Col key={indicator.id} xs={24} lg={12}>
          <Card
            size="small"
            title={indicator.name}
            extra={
              <Flex gap={4} align="center">
                <IndicatorStatusTag status={indicator.status} coverage={indicator.coverage} />
                {onEdit && (
                  <Button size="small" type="link" onClick={() => onEdit(indicator)}>
                    编辑指标
                  </Button>
                )}
              </Flex>
            }
          >
            <Flex wrap gap={16} style={{ marginBottom: 8 }}>
              <span>
                目标：
                {formatTarget({
                  comparator: indicator.comparator,
                  value: indicator.targetValue,
                  valueMax: indicator.targetMax,
                  unit: indicator.unit,
                })}
              </span>
              <span>
                实际：
                <Typography.Text strong>
                  {indicator.actual === null ? "—" : withUnit(indicator.actual, indicator.unit)}
                </Typography.Text>
              </span>
              <span>时限：{formatPlanDate(indicator.deadline)}</span>
              <Typography.Text type="secondary">
                口径：{aggregationLabels[indicator.aggregation]}
              </Typography.Text>
            </Flex>
            <Suspense fallback={<Spin />}>
              <IndicatorChart indicator={indicator} points={indicatorSeries(indicator, reports)} />
            </Suspense>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
