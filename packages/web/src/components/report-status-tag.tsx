import type { Report } from "@duban/domain";
import { Tag } from "antd";

/** Chinese labels of report states. */
export const reportStatusLabels: Record<Report["status"], string> = {
  draft: "草稿",
  submitted: "已提交",
  returned: "已退回",
  approved: "已通过",
};

const colors: Record<Report["status"], string> = {
  draft: "default",
  submitted: "processing",
  returned: "error",
  approved: "success",
};

/** A report's state, with 迟报 beside it when it came in after the cycle's due date. */
export function ReportStatusTag({ status, late }: { status: Report["status"]; late?: boolean }) {
  return (
    <>
      <Tag color={colors[status]}>{reportStatusLabels[status]}</Tag>
      {late && <Tag color="orange">迟报</Tag>}
    </>
  );
}
