import { type IndicatorStatus, indicatorStatusLabels } from "@duban/domain";
import { Tag } from "antd";

const colors: Record<IndicatorStatus, string> = {
  met: "success",
  on_track: "processing",
  no_data: "default",
  at_risk: "warning",
  missed: "error",
};

/** An indicator's status against its target, e.g. “已达成”. */
export function IndicatorStatusTag({ status }: { status: IndicatorStatus }) {
  return <Tag color={colors[status]}>{indicatorStatusLabels[status]}</Tag>;
}
