import type { CascadeNotice } from "@duban/domain";
import { Timeline, Typography } from "antd";
import { formatDateTime } from "../../components/date-format";

const actionLabels: Record<CascadeNotice["events"][number]["action"], string> = {
  issue: "下发督办单",
  reply: "回复",
  accept: "通过",
  return: "退回",
};
const actionColors: Record<string, string> = { accept: "green", return: "red", reply: "blue" };

/** The history of a superior's 督办单: issued, answered, returned, accepted, each with the bureau that acted. */
export function CascadeNoticeEvents({ events }: { events: CascadeNotice["events"] }) {
  return (
    <Timeline
      items={events.map((e) => ({
        color: actionColors[e.action] ?? "gray",
        content: (
          <>
            <Typography.Text strong>{`${e.bureau} ${actionLabels[e.action]}`}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {e.actorName ?? ""} · {formatDateTime(e.createdAt)}
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
          </>
        ),
      }))}
    />
  );
}
