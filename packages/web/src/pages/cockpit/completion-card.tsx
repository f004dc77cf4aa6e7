import { type Cockpit, type Light, lightColorNames, lightColors, lightLabels } from "@duban/domain";
import { Card, Col, Empty, Flex, Progress, Row, Statistic, Typography } from "antd";
import { useMemo } from "react";
import { Link, useNavigate } from "react-router";
import { LightTag, lightDotColors } from "../../components/light-tag";
import { CockpitChart } from "./cockpit-chart";
import { taskListLink } from "./cockpit-links";

/** Tasks by light as a donut; a slice opens the plan's tasks of that light. */
function LightDonut({ cockpit }: { cockpit: Cockpit }) {
  const navigate = useNavigate();
  const { tasks } = cockpit.completion;
  const option = useMemo(
    () => ({
      tooltip: { trigger: "item", formatter: "{b}：{c} 项（{d}%）" },
      series: [
        {
          type: "pie",
          radius: ["50%", "78%"],
          avoidLabelOverlap: true,
          label: { formatter: "{b}\n{c}" },
          data: lightColors
            .filter((light) => tasks[light] > 0)
            .map((light) => ({
              name: lightLabels[light],
              value: tasks[light],
              light,
              itemStyle: { color: lightDotColors[light] },
            })),
        },
      ],
    }),
    [tasks],
  );
  return (
    <CockpitChart
      label="任务亮灯分布"
      option={option}
      style={{ height: 220 }}
      onClick={(event) => {
        const light = (event.data as { light?: Light } | undefined)?.light;
        if (light) navigate(taskListLink(cockpit.planId, { light }));
      }}
    />
  );
}

/** The counts behind the donut, each a link to the plan's tasks of that light. */
function LightLinks({ cockpit }: { cockpit: Cockpit }) {
  const { tasks } = cockpit.completion;
  return (
    <ul
      aria-label="任务亮灯统计"
      style={{ display: "flex", flexWrap: "wrap", gap: 12, listStyle: "none", margin: 0, padding: 0 }}
    >
      {lightColors.map((light) => (
        <li key={light}>
          <Link to={taskListLink(cockpit.planId, { light })}>
            <span style={{ color: lightDotColors[light] }}>●</span> {lightColorNames[light]}{" "}
            {lightLabels[light]} {tasks[light]}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Plan-wide progress and 序时进度 over the recorded days; a point opens the cockpit of that day. */
function TrendLine({ cockpit, onPickDay }: { cockpit: Cockpit; onPickDay: (day: string) => void }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      // One scrollable line, so on a phone the legend never wraps onto the plot.
      legend: { top: 0, type: "scroll" },
      grid: { left: 40, right: 16, top: 32, bottom: 28 },
      xAxis: { type: "category", data: cockpit.trend.map((p) => p.day.slice(5)) },
      yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
      series: [
        { name: "实际进度", type: "line", data: cockpit.trend.map((p) => p.progress), symbolSize: 8 },
        {
          name: "序时进度",
          type: "line",
          data: cockpit.trend.map((p) => p.expectedProgress),
          lineStyle: { type: "dashed" },
          symbolSize: 6,
        },
        {
          name: "逾期任务",
          type: "bar",
          data: cockpit.trend.map((p) => p.tasks.red),
          itemStyle: { color: lightDotColors.red },
          barMaxWidth: 12,
        },
      ],
    }),
    [cockpit.trend],
  );
  if (cockpit.trend.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无快照，趋势将在每日记录后显示" />;
  return (
    <CockpitChart
      label="进度趋势"
      option={option}
      style={{ height: 220 }}
      onClick={(event) => {
        const day = cockpit.trend[event.dataIndex]?.day;
        if (day) onPickDay(day);
      }}
    />
  );
}

/** 计划完成情况: tasks by light, overall progress against 序时进度, and the trend over the snapshots. */
export function CompletionCard({
  cockpit,
  onPickDay,
}: {
  cockpit: Cockpit;
  onPickDay: (day: string) => void;
}) {
  const { completion } = cockpit;
  const behind = completion.progress < completion.expectedProgress;
  return (
    <Card title="计划完成情况" size="small" extra={<LightTag light={completion.light} />}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          {completion.taskCount === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无任务" />
          ) : (
            <LightDonut cockpit={cockpit} />
          )}
          <LightLinks cockpit={cockpit} />
        </Col>
        <Col xs={24} md={6}>
          <Flex vertical gap={8}>
            <Statistic title="任务总数" value={completion.taskCount} suffix="项" />
            <Link to={taskListLink(cockpit.planId, { overdue: true })}>
              <Statistic
                title="逾期任务"
                value={completion.overdueTasks}
                suffix="项"
                styles={{ content: { color: completion.overdueTasks > 0 ? lightDotColors.red : undefined } }}
              />
            </Link>
            <section aria-label="总体进度">
              <Typography.Text type="secondary">实际进度</Typography.Text>
              <Progress percent={completion.progress} strokeColor={behind ? lightDotColors.red : undefined} />
              <Typography.Text type="secondary">序时进度</Typography.Text>
              <Progress percent={completion.expectedProgress} strokeColor="#8c8c8c" />
            </section>
          </Flex>
        </Col>
        <Col xs={24} md={10}>
          <TrendLine cockpit={cockpit} onPickDay={onPickDay} />
        </Col>
      </Row>
    </Card>
  );
}
