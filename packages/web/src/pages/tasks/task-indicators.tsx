import { aggregationLabels, type Indicator, type Report } from "@duban/domain";
import { Button, Card, Col, Flex, Row, Spin, Typography } from "antd";
import { lazy, Suspense, useState } from "react";
import { type ComputedSort, useComputedIndicator } from "../../api/indicator-formulas";
import { IndicatorStatusTag } from "../../components/indicator-status-tag";
import { formatNumber, formatPlanDate, formatTarget } from "../../components/plan-format";
import { useTablePaging } from "../../hooks/use-table-paging";
import { ComputedIndicatorBody } from "./computed-indicator";
import { FormulaEditor } from "./formula-editor";
import { indicatorSeries } from "./indicator-series";

// ECharts loads only when a task with indicators is opened.
const IndicatorChart = lazy(() => import("./indicator-chart").then((m) => ({ default: m.IndicatorChart })));

const withUnit = (value: number, unit: string) => `${formatNumber(value)}${unit ? ` ${unit}` : ""}`;

/** An indicator the units report directly: target, value so far and the value over the cycles. */
function ReportedBody({ indicator, reports }: { indicator: Indicator; reports: Report[] }) {
  return (
    <>
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
        <Typography.Text type="secondary">口径：{aggregationLabels[indicator.aggregation]}</Typography.Text>
      </Flex>
      <Suspense fallback={<Spin />}>
        <IndicatorChart indicator={indicator} points={indicatorSeries(indicator, reports)} />
      </Suspense>
    </>
  );
}

/** One indicator's card: computed from form data when it has a formula, otherwise as the units report it. */
function IndicatorCard({
  planId,
  indicator,
  reports,
  onEdit,
}: {
  planId: string;
  indicator: Indicator;
  reports: Report[];
  onEdit?: (indicator: Indicator) => void;
}) {
  const { paging, pagination, resetPage } = useTablePaging();
  const [sort, setSort] = useState<ComputedSort>({ order: "asc" });
  const [editingFormula, setEditingFormula] = useState(false);
  const computed = useComputedIndicator(indicator.id, paging, sort);
  const data = computed.data?.formula ? computed.data : null;
  const define = computed.data?.abilities?.define === true;
  return (
    <Card
      size="small"
      title={indicator.name}
      aria-label={`指标：${indicator.name}`}
      extra={
        <Flex gap={4} align="center">
          {!data && <IndicatorStatusTag status={indicator.status} coverage={indicator.coverage} />}
          {define && !data && (
            <Button size="small" type="link" onClick={() => setEditingFormula(true)}>
              设为计算指标
            </Button>
          )}
          {onEdit && (
            <Button size="small" type="link" onClick={() => onEdit(indicator)}>
              编辑指标
            </Button>
          )}
        </Flex>
      }
    >
      {data ? (
        <ComputedIndicatorBody
          indicator={indicator}
          computed={data}
          onEditFormula={() => setEditingFormula(true)}
          rows={{
            sort,
            onSort: (next) => {
              setSort(next);
              resetPage();
            },
            pagination: pagination(data.rows.total),
            loading: computed.isFetching,
          }}
        />
      ) : (
        <ReportedBody indicator={indicator} reports={reports} />
      )}
      {editingFormula && (
        <FormulaEditor
          planId={planId}
          indicator={indicator}
          computed={data}
          onClose={() => setEditingFormula(false)}
        />
      )}
    </Card>
  );
}

/** The task's indicators, each reported by units or computed from form data; editable when `onEdit`. */
export function TaskIndicators({
  planId,
  indicators,
  reports,
  onEdit,
}: {
  planId: string;
  indicators: Indicator[];
  reports: Report[];
  onEdit?: (indicator: Indicator) => void;
}) {
  if (indicators.length === 0) return null;
  return (
    <Row gutter={[16, 16]}>
      {indicators.map((indicator) => (
        <Col key={indicator.id} xs={24} lg={12}>
          <IndicatorCard planId={planId} indicator={indicator} reports={reports} onEdit={onEdit} />
        </Col>
      ))}
    </Row>
  );
}
