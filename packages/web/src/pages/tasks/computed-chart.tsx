import type { ComputedIndicator, Indicator } from "@duban/domain";
import { Empty } from "antd";
import { LineChart } from "echarts/charts";
import { GridComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { formatDateTime } from "../../components/date-format";
import { EChart } from "../../components/echart";

// Only the parts this chart uses, so the bundle stays lean.
echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

/** A computed indicator's value each time approved data changed it, with its target as a line. */
export function ComputedChart({
  indicator,
  history,
}: {
  indicator: Indicator;
  history: ComputedIndicator["history"];
}) {
  const points = history.filter((p) => p.value !== null);
  if (points.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无已通过的填报数据" />;
  const option = {
    grid: { left: 48, right: 24, top: 24, bottom: 32 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: points.map((p) => formatDateTime(p.at)) },
    yAxis: { type: "value", name: indicator.unit },
    series: [
      {
        type: "line",
        name: indicator.name,
        data: points.map((p) => p.value),
        label: { show: true },
        markLine: {
          symbol: "none",
          lineStyle: { type: "dashed", color: "#f5222d" },
          label: { formatter: `目标 ${indicator.targetValue}` },
          data: [{ yAxis: indicator.targetValue }],
        },
      },
    ],
  };
  return <EChart option={option} style={{ height: 220 }} label={`${indicator.name}的变化`} />;
}
