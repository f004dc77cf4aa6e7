import type { ComputedIndicator, Indicator, IndicatorStatus } from "@duban/domain";
import { Button, Collapse, Flex, Popconfirm, Spin, Tag, Typography } from "antd";
import { lazy, Suspense } from "react";
import { computedKey, deleteFormula } from "../../api/indicator-formulas";
import { plansKey } from "../../api/plans";
import { formatNumber, formatPlanDate, formatTarget } from "../../components/plan-format";
import { useWrite } from "../../hooks/use-write";
import { ComputedRows } from "./computed-rows";

// ECharts loads only when a computed indicator is shown.
const ComputedChart = lazy(() => import("./computed-chart").then((m) => ({ default: m.ComputedChart })));

const statusColors: Record<IndicatorStatus, string> = {
  met: "success",
  on_track: "processing",
  no_data: "default",
  at_risk: "warning",
  missed: "error",
};

/** Props the drill-down's paging and sorting come with, owned by the card that fetched the indicator. */
export type ComputedRowsControl = Omit<Parameters<typeof ComputedRows>[0], "computed">;

/**
 * 计算指标: the value computed from approved form data, its coverage（已报 x/y）and status, the formula in words,
 * the value's history and the unit rows behind it; 修改公式 / 取消计算 for those who may define it.
 */
export function ComputedIndicatorBody({
  indicator,
  computed,
  rows,
  onEditFormula,
}: {
  indicator: Indicator;
  computed: ComputedIndicator;
  rows: ComputedRowsControl;
  onEditFormula: () => void;
}) {
  const { coverage, formula } = computed;
  const remove = useWrite({
    mutationFn: () => deleteFormula(indicator.id),
    success: "已取消计算，指标恢复由单位直接填报",
    refresh: computedKey,
    also: [plansKey],
  });
  const complete = coverage.expected > 0 && coverage.reported >= coverage.expected;
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={8} align="center">
        <Tag color={statusColors[computed.status]}>{computed.statusLabel}</Tag>
        <Tag color={complete ? "success" : "default"}>
          已报 {coverage.reported}/{coverage.expected}
        </Tag>
        <Tag color="purple">计算指标</Tag>
      </Flex>
      <Flex wrap gap={16}>
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
          计算值：
          <Typography.Text strong aria-label="计算值">
            {computed.value === null
              ? (computed.reason ?? "无数据")
              : `${formatNumber(computed.value)}${indicator.unit ? ` ${indicator.unit}` : ""}`}
          </Typography.Text>
        </span>
        <span>时限：{formatPlanDate(indicator.deadline)}</span>
      </Flex>
      {formula && (
        <Typography.Text type="secondary">
          公式：{formula.words}（来源：{formula.formTitle}
          {computed.round ? ` · ${computed.round.name}` : ""}）
        </Typography.Text>
      )}
      {computed.abilities.define && (
        <Flex gap={8}>
          <Button size="small" onClick={onEditFormula}>
            修改公式
          </Button>
          <Popconfirm
            title="取消计算？"
            description="取消后该指标恢复由单位直接填报，计算记录保留。"
            okText="取消计算"
            okButtonProps={{ danger: true }}
            cancelText="不取消"
            onConfirm={() => remove.mutateAsync(undefined)}
          >
            <Button size="small" danger loading={remove.isPending}>
              取消计算
            </Button>
          </Popconfirm>
        </Flex>
      )}
      <Suspense fallback={<Spin />}>
        <ComputedChart indicator={indicator} history={computed.history} />
      </Suspense>
      <Collapse
        size="small"
        items={[
          {
            key: "rows",
            label: `明细（${computed.rows.total} 个单位）`,
            children: <ComputedRows computed={computed} {...rows} />,
          },
        ]}
      />
    </Flex>
  );
}
