import type { AssessmentResultView } from "@duban/domain";
import { Card, Flex, List, Typography } from "antd";
import { Link } from "react-router";
import { formatPoints } from "./points";

type Fact = AssessmentResultView["breakdown"][number]["facts"][number];

/** The page a fact opens: its task, assignment, 督办单 or 整改 item; null where no page shows it alone. */
export function factPath(fact: Fact, planId: string): string | null {
  const link = fact.link;
  if (!link) return null;
  switch (link.kind) {
    case "task":
      return `/plans/${planId}/tasks/${link.id}`;
    case "assignment":
      return `/assignments/${link.id}`;
    case "notice":
      return `/notices/${link.id}`;
    case "rectification":
      return `/rectifications/${link.id}`;
    default:
      return null;
  }
}

/**
 * A unit's explained score: each item with its points out of its weight and the facts behind them (linked to
 * the task, 督办单 or 整改 item), adding up to the total. One column, so it reads on a phone.
 */
export function BreakdownView({ result, planId }: { result: AssessmentResultView; planId: string }) {
  return (
    <Flex vertical gap={8} aria-label="得分明细">
      {result.breakdown.map((item) => (
        <Card
          key={item.itemKey}
          size="small"
          title={item.item}
          extra={
            <Typography.Text strong aria-label={`${item.item}得分`}>
              {item.kind === "manual" || item.kind === "veto"
                ? formatPoints(item.points)
                : `${formatPoints(item.points, false)} / ${item.maxPoints}`}
            </Typography.Text>
          }
        >
          {item.facts.length === 0 ? (
            <Typography.Text type="secondary">无相关记录</Typography.Text>
          ) : (
            <List
              size="small"
              split={false}
              dataSource={item.facts}
              renderItem={(fact, i) => {
                const path = factPath(fact, planId);
                return (
                  <List.Item key={i} style={{ padding: "2px 0", alignItems: "baseline" }}>
                    <span style={{ overflowWrap: "anywhere", minWidth: 0 }}>
                      {path ? <Link to={path}>{fact.text}</Link> : fact.text}
                    </span>
                    {fact.points !== undefined && fact.points !== 0 && (
                      <Typography.Text type={fact.points < 0 ? "danger" : "success"} style={{ flex: "none" }}>
                        {formatPoints(fact.points)}
                      </Typography.Text>
                    )}
                  </List.Item>
                );
              }}
            />
          )}
        </Card>
      ))}
      <Flex justify="flex-end">
        <Typography.Text strong>合计 {formatPoints(result.total, false)} 分</Typography.Text>
      </Flex>
    </Flex>
  );
}
