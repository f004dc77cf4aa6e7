import {
  type Cockpit,
  type CockpitGroupRow,
  type Light,
  lightColorNames,
  lightColors,
  lightLabels,
} from "@duban/domain";
import { Card, Empty, Progress, type TableColumnsType, Tabs } from "antd";
import { useMemo } from "react";
import { Link, useNavigate } from "react-router";
import { LightTag, lightDotColors } from "../../components/light-tag";
import { ResponsiveTable } from "../../components/responsive-table";
import { CockpitChart } from "./cockpit-chart";
import { type TaskListFilter, taskListLink } from "./cockpit-links";

/** Whether a row stands for a section（部分）or a lead department. */
type GroupKind = "section" | "department";

/** The task-list filter of a row: its section, or its lead department (none for tasks without a lead). */
function filterOf(kind: GroupKind, row: CockpitGroupRow): TaskListFilter {
  if (!row.id) return {};
  return kind === "section" ? { sectionId: row.id } : { leadUnitId: row.id };
}

/** Tasks by light per group as stacked bars; a segment opens the group's tasks of that light. */
function GroupBars({ planId, kind, rows }: { planId: string; kind: GroupKind; rows: CockpitGroupRow[] }) {
  const navigate = useNavigate();
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      // One scrollable line, so on a phone the legend never wraps onto the plot.
      legend: { top: 0, type: "scroll" },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      // Plan order top to bottom: a category axis draws its first item at the bottom.
      yAxis: {
        type: "category",
        inverse: true,
        data: rows.map((r) => r.name),
        axisLabel: { width: 140, overflow: "truncate" },
      },
      series: lightColors.map((light) => ({
        name: `${lightColorNames[light]} ${lightLabels[light]}`,
        type: "bar",
        stack: "tasks",
        light,
        itemStyle: { color: lightDotColors[light] },
        data: rows.map((r) => r.tasks[light] || null),
      })),
    }),
    [rows],
  );
  return (
    <CockpitChart
      label={kind === "section" ? "各部分任务亮灯" : "各牵头科室任务亮灯"}
      option={option}
      style={{ height: Math.max(160, rows.length * 34 + 60) }}
      onClick={(event) => {
        const row = rows[event.dataIndex];
        const light = lightColors[event.seriesIndex ?? -1] as Light | undefined;
        if (row) navigate(taskListLink(planId, { ...filterOf(kind, row), light }));
      }}
    />
  );
}

function columnsOf(planId: string, kind: GroupKind): TableColumnsType<CockpitGroupRow> {
  return [
    {
      title: kind === "section" ? "部分" : "牵头科室",
      key: "name",
      render: (_, row) => <Link to={taskListLink(planId, filterOf(kind, row))}>{row.name}</Link>,
    },
    { title: "亮灯", key: "light", width: 90, render: (_, row) => <LightTag light={row.light} /> },
    { title: "任务", dataIndex: "taskCount", width: 60 },
    {
      title: "进度 / 序时",
      key: "progress",
      width: 160,
      render: (_, row) => (
        <Progress
          percent={row.progress}
          size="small"
          strokeColor={row.progress < row.expectedProgress ? lightDotColors.red : undefined}
          format={(p) => `${p}% / ${row.expectedProgress}%`}
        />
      ),
    },
    {
      title: "逾期",
      key: "overdue",
      width: 60,
      render: (_, row) =>
        row.overdueTasks > 0 ? (
          <Link to={taskListLink(planId, { ...filterOf(kind, row), overdue: true })}>{row.overdueTasks}</Link>
        ) : (
          0
        ),
    },
    {
      title: "按时报送率",
      key: "onTime",
      width: 110,
      render: (_, row) =>
        row.onTimeRate === null
          ? "本期无报送"
          : `${row.onTimeRate}%（${row.reportsOnTime}/${row.reportsDue}）`,
    },
  ];
}

function GroupPane({ planId, kind, rows }: { planId: string; kind: GroupKind; rows: CockpitGroupRow[] }) {
  const columns = useMemo(() => columnsOf(planId, kind), [planId, kind]);
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无任务" />;
  return (
    <>
      <GroupBars planId={planId} kind={kind} rows={rows} />
      <ResponsiveTable<CockpitGroupRow>
        rowKey={(row) => row.id ?? "none"}
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
      />
    </>
  );
}

/** 分部分 / 分科室: lights, progress, overdue tasks and on-time reporting by section and by lead department. */
export function GroupCard({ cockpit }: { cockpit: Cockpit }) {
  // A department or school sees its own tasks only: a by-department split would show itself alone.
  const byDepartment = cockpit.scope.kind === "plan";
  const items = [
    {
      key: "section",
      label: "按部分",
      children: <GroupPane planId={cockpit.planId} kind="section" rows={cockpit.sections} />,
    },
    ...(byDepartment
      ? [
          {
            key: "department",
            label: "按牵头科室",
            children: <GroupPane planId={cockpit.planId} kind="department" rows={cockpit.departments} />,
          },
        ]
      : []),
  ];
  return (
    <Card title="分项进展" size="small">
      <Tabs size="small" items={items} />
    </Card>
  );
}
