import type { Indicator } from "@duban/domain";
import { Empty } from "antd";
import { LineChart } from "echarts/charts";
import { GridComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { EChart } from "../../components/echart";
import type { SeriesPoint } from "./indicator-series";

// Only the parts this chart uses, so the bundle stays lean.
echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

/** An indicator's value per cycle with its target as a line. */
export function IndicatorChart({ indicator, points }: { indicator: Indicator; points: SeriesPoint[] }) {
  if (points.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无已通过的填报数据" />;
  const option = {
    grid: { left: 48, right: 24, top: 24, bottom: 32 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: points.map((p) => p.cycleName) },
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
  return <EChart option={option} style={{ height: 220 }} />;
}
