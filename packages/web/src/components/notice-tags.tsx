import {
  type NoticeLevel,
  type NoticeStatus,
  noticeLevelLabels,
  noticeStatusLabels,
  type RectificationStatus,
  rectificationStatusLabels,
} from "@duban/domain";
import { Tag } from "antd";

const levelColors: Record<NoticeLevel, string> = { blue: "blue", yellow: "gold", red: "red" };
const noticeStatusColors: Record<NoticeStatus, string> = {
  open: "processing",
  replied: "warning",
  accepted: "success",
  returned: "error",
  closed: "default",
};
const rectificationStatusColors: Record<RectificationStatus, string> = {
  open: "processing",
  submitted: "warning",
  accepted: "success",
  returned: "error",
};

/** 督办等级 as a coloured tag: 蓝色提醒, 黄色警示, 红色督办. */
export function NoticeLevelTag({ level }: { level: NoticeLevel }) {
  return <Tag color={levelColors[level]}>{noticeLevelLabels[level]}</Tag>;
}

/** The state of a 督办单. */
export function NoticeStatusTag({ status }: { status: NoticeStatus }) {
  return <Tag color={noticeStatusColors[status]}>{noticeStatusLabels[status]}</Tag>;
}

/** The state of a 整改 item, with 逾期 beside it while overdue. */
export function RectificationStatusTag({
  status,
  overdue,
}: {
  status: RectificationStatus;
  overdue?: boolean;
}) {
  return (
    <>
      <Tag color={rectificationStatusColors[status]}>{rectificationStatusLabels[status]}</Tag>
      {overdue && status !== "accepted" && <Tag color="red">逾期</Tag>}
    </>
  );
}
