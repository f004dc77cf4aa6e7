import { PaperClipOutlined } from "@ant-design/icons";
import type { Notice } from "@duban/domain";
import { type NoticeLevel, noticeLevelLabels } from "@duban/domain";
import { Flex, Timeline, Typography } from "antd";
import { fileUrl } from "../../api/execution";
import { formatDateTime } from "../../components/date-format";

const actionLabels: Record<string, string> = {
  raise: "下发督办单",
  upgrade: "升级",
  auto_close: "自动关闭",
  reply: "单位回复",
  accept: "通过",
  return: "退回",
};
const actionColors: Record<string, string> = {
  accept: "green",
  return: "red",
  upgrade: "orange",
  reply: "blue",
};

/** The history of a 督办单: raised, upgraded, replied, accepted or returned, closed. */
export function NoticeEvents({ events }: { events: NonNullable<Notice["events"]> }) {
  return (
    <Timeline
      items={events.map((e) => ({
        color: actionColors[e.action] ?? "gray",
        content: (
          <>
            <Typography.Text strong>{actionLabels[e.action] ?? e.action}</Typography.Text>
            {e.level && ` · ${noticeLevelLabels[e.level as NoticeLevel] ?? e.level}`}
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {e.actorName ?? "系统"} · {formatDateTime(e.createdAt)}
            </Typography.Text>
            {e.text && (
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
                {e.text}
              </Typography.Paragraph>
            )}
            {e.measures && (
              <Typography.Paragraph type="secondary" style={{ whiteSpace: "pre-wrap", margin: 0 }}>
                措施：{e.measures}
              </Typography.Paragraph>
            )}
            {e.fileIds.length > 0 && (
              <Flex wrap gap={8}>
                {e.fileIds.map((id, index) => (
                  <a key={id} href={fileUrl(id, true)} target="_blank" rel="noreferrer">
                    <PaperClipOutlined /> 佐证材料 {index + 1}
                  </a>
                ))}
              </Flex>
            )}
          </>
        ),
      }))}
    />
  );
}
