import { type Cockpit, lightColorNames, lightColors, lightLabels } from "@duban/domain";
import { Card, Empty, Flex, Segmented, Select } from "antd";
import { useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { lightDotColors } from "../../components/light-tag";
import { useIsMobile } from "../../hooks/use-is-mobile";
import { CockpitChart } from "./cockpit-chart";
import { assignmentLink, taskLink, unitWorkLink } from "./cockpit-links";
import { groupOf, groupOptions, type HeatmapGrouping, type HeatmapView, heatmapView } from "./heatmap-rows";

// Rows beyond this scroll inside the chart (dataZoom) instead of making it taller.
const visibleRows = 24;
const rowHeight = 22;

function optionOf(view: HeatmapView, grouping: HeatmapGrouping, mobile: boolean) {
  const names = new Map(view.units.map((u) => [u.unitId, u]));
  const tasks = new Map(view.tasks.map((t) => [t.nodeId, t]));
  const zoom = view.units.length > visibleRows;
  return {
    tooltip: {
      formatter: (p: { data: [number, number, number] }) => {
        const [x, y, light] = p.data;
        const unit = view.units[y];
        const task = view.tasks[x];
        const color = lightColors[light]!;
        return `${unit?.name}（${unit ? groupOf(unit, grouping) : ""}）<br/>${task?.code ?? ""}${task?.title}<br/>${lightColorNames[color]} ${lightLabels[color]}`;
      },
    },
    grid: { left: 8, right: zoom ? 36 : 8, top: 8, bottom: 48, containLabel: true },
    // Ids as categories, so a click on a label names the unit or task; the labels show names.
    xAxis: {
      type: "category",
      data: view.tasks.map((t) => t.nodeId),
      triggerEvent: true,
      axisLabel: {
        interval: 0,
        rotate: mobile ? 90 : 0,
        formatter: (id: string) => tasks.get(id)?.code ?? "",
      },
      splitArea: { show: true },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: view.units.map((u) => u.unitId),
      triggerEvent: true,
      axisLabel: {
        width: mobile ? 72 : 160,
        overflow: "truncate",
        formatter: (id: string) => names.get(id)?.name,
      },
    },
    dataZoom: zoom
      ? [
          { type: "slider", yAxisIndex: 0, right: 4, width: 16, startValue: 0, endValue: visibleRows - 1 },
          { type: "inside", yAxisIndex: 0 },
        ]
      : [],
    visualMap: {
      type: "piecewise",
      dimension: 2,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      pieces: lightColors.map((light, i) => ({
        value: i,
        label: lightLabels[light],
        color: lightDotColors[light],
      })),
    },
    series: [{ type: "heatmap", data: view.cells, itemStyle: { borderColor: "#fff", borderWidth: 1 } }],
  };
}

/** 单位 × 任务: each school's light on each task, grouped by township or school type and filterable. */
export function HeatmapCard({ cockpit }: { cockpit: Cockpit }) {
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [grouping, setGrouping] = useState<HeatmapGrouping>("township");
  const [only, setOnly] = useState<string | undefined>();
  const view = useMemo(() => heatmapView(cockpit.heatmap, grouping, only), [cockpit.heatmap, grouping, only]);
  const option = useMemo(() => optionOf(view, grouping, mobile), [view, grouping, mobile]);
  const options = groupOptions(cockpit.heatmap, grouping).map((g) => ({ value: g, label: g }));
  const height = Math.min(view.units.length, visibleRows) * rowHeight + 110;
  return (
    <Card title="学校 × 任务亮灯" size="small">
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Segmented<HeatmapGrouping>
          size="small"
          aria-label="分组方式"
          value={grouping}
          options={[
            { value: "township", label: "按乡镇" },
            { value: "schoolType", label: "按学校类型" },
          ]}
          onChange={(value) => {
            setGrouping(value);
            setOnly(undefined);
          }}
        />
        <Select
          size="small"
          aria-label={grouping === "township" ? "筛选乡镇" : "筛选学校类型"}
          placeholder={grouping === "township" ? "全部乡镇" : "全部类型"}
          allowClear
          style={{ width: 140 }}
          options={options}
          value={only}
          onChange={(value: string | undefined) => setOnly(value)}
        />
      </Flex>
      {view.units.length === 0 || view.tasks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无交办到学校的任务" />
      ) : (
        <CockpitChart
          label="学校任务亮灯热力图"
          option={option}
          style={{ height }}
          onClick={(event) => {
            const value = event.value as unknown;
            if (event.componentType === "yAxis") navigate(unitWorkLink(String(value)));
            else if (event.componentType === "xAxis") navigate(taskLink(cockpit.planId, String(value)));
            else if (Array.isArray(value) && typeof value[3] === "string") navigate(assignmentLink(value[3]));
          }}
        />
      )}
    </Card>
  );
}
