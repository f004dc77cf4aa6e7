import { Flex, Progress, type TableColumnsType, Typography } from "antd";
import { LightCounts, LightTag } from "../../components/light-tag";
import { formatPlanDate } from "../../components/plan-format";
import type { PlanRow } from "./plan-rows";

const isTaskRow = (row: PlanRow) =>
  row.kind === "node" && (row.node.level === "task" || row.node.level === "subtask");

/** Columns of the plan table that show how the work goes: light, progress, 时限 and 交办数. */
export function planStatusColumns(): TableColumnsType<PlanRow> {
  return [
    {
      title: "亮灯",
      key: "light",
      width: 150,
      render: (_, row) =>
        row.kind === "node" &&
        (isTaskRow(row) ? (
          <LightTag light={row.node.light} />
        ) : (
          <Flex vertical gap={2} align="start">
            {row.node.light && <LightTag light={row.node.light} />}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <LightCounts counts={row.node.lightCounts} />
            </Typography.Text>
          </Flex>
        )),
    },
    {
      title: "进度",
      key: "progress",
      width: 130,
      render: (_, row) => isTaskRow(row) && <Progress percent={Math.round(row.node.progress)} size="small" />,
    },
    {
      title: "时限",
      key: "due",
      width: 130,
      render: (_, row) =>
        row.kind === "node" &&
        (row.node.dueDate || row.node.deadline) && (
          <span style={{ whiteSpace: "nowrap" }}>
            {formatPlanDate(row.node.dueDate ?? row.node.deadline)}
          </span>
        ),
    },
    {
      title: "交办数",
      key: "assignments",
      width: 80,
      align: "right",
      render: (_, row) => isTaskRow(row) && (row.node.assignmentCount || 0),
    },
  ];
}
