import { Flex, Progress, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatDate } from "../../components/date-format";
import { LightCounts, LightTag } from "../../components/light-tag";
import type { PlanRow } from "./plan-rows";

/**
 * A row of the plan table as a phone card: a section's title and light counts, or a task's title, lead unit,
 * light, progress, 时限 and 交办数. The detail row stays on the task page, so it has no card.
 */
export function planCard(planId: string) {
  return (row: PlanRow): ReactNode => {
    if (row.kind === "detail") return null;
    const { node } = row;
    const number = node.label ?? node.number ?? "";
    if (node.level === "section" || node.level === "subsection")
      return (
        <Flex vertical gap={4}>
          <Typography.Text strong>
            {number} {node.title}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <LightCounts counts={node.lightCounts} />
          </Typography.Text>
        </Flex>
      );
    const due = node.dueDate ?? node.deadline;
    return (
      <Flex vertical gap={6}>
        <Link to={`/plans/${planId}/tasks/${node.id}`}>
          {number ? `${number} ` : ""}
          {node.title}
        </Link>
        <Flex wrap gap={8} align="center">
          <LightTag light={node.light} />
          {node.leadUnit && <Typography.Text type="secondary">牵头 {node.leadUnit.name}</Typography.Text>}
        </Flex>
        <Progress percent={Math.round(node.progress)} size="small" />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {due ? `时限 ${formatDate(due)} · ` : ""}交办 {node.assignmentCount || 0}
        </Typography.Text>
      </Flex>
    );
  };
}
