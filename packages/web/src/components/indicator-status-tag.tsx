import { type Indicator, type IndicatorStatus, indicatorStatusLabels } from "@duban/domain";
import { Flex, Tag } from "antd";

const colors: Record<IndicatorStatus, string> = {
  met: "success",
  on_track: "processing",
  no_data: "default",
  at_risk: "warning",
  missed: "error",
};

/**
 * An indicator's status against its target, e.g. “已达成”, with how many of the assigned units have reported
 * (“已报 1/6”) when it was assigned to any.
 */
export function IndicatorStatusTag({
  status,
  coverage,
}: {
  status: IndicatorStatus;
  coverage?: Indicator["coverage"];
}) {
  const tag = <Tag color={colors[status]}>{indicatorStatusLabels[status]}</Tag>;
  if (!coverage || coverage.expected === 0) return tag;
  const complete = coverage.reported >= coverage.expected;
  return (
    <Flex gap={4} wrap>
      {tag}
      <Tag color={complete ? "success" : "default"}>
        已报 {coverage.reported}/{coverage.expected}
      </Tag>
    </Flex>
  );
}
