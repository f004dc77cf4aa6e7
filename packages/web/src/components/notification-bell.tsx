import { BellOutlined } from "@ant-design/icons";
import { type Notification, notificationKindLabels, notificationKindOf } from "@duban/domain";
import { useQueryClient } from "@tanstack/react-query";
import { Badge, Button, Empty, Flex, List, Popover, Tag, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import {
  notificationsKey,
  readAllNotifications,
  readNotification,
  useBellNotifications,
} from "../api/notifications";
import { useIsMobile } from "../hooks/use-is-mobile";
import { formatDateTime } from "./date-format";

/** Opens a notification: goes to its item at once, then marks it read (if unread) and refreshes the counts. */
export function useOpenNotification() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return async (item: Notification) => {
    // The page opens without waiting on the mark-read round trip.
    if (item.link) navigate(item.link);
    if (item.readAt) return;
    try {
      await readNotification(item.id);
    } catch {
      // Marking read is a convenience; the link has opened already.
    }
    void queryClient.invalidateQueries({ queryKey: notificationsKey });
  };
}

/** One line of a notification list: bold while unread, with its kind and time. */
export function NotificationItem({ item, onOpen }: { item: Notification; onOpen: () => void }) {
  const kind = notificationKindOf(item.kind);
  return (
    <List.Item style={{ cursor: "pointer", paddingInline: 8 }} onClick={onOpen}>
      <List.Item.Meta
        avatar={<Badge status={item.readAt ? "default" : "processing"} />}
        title={<Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>}
        description={
          <Flex vertical>
            <Typography.Text type="secondary" ellipsis={{ tooltip: item.body }} style={{ maxWidth: "100%" }}>
              {item.body}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {kind && <Tag bordered={false}>{notificationKindLabels[kind]}</Tag>}
              {formatDateTime(item.createdAt)}
            </Typography.Text>
          </Flex>
        }
      />
    </List.Item>
  );
}

/** The header's bell: unread count, the newest ten, 全部已读 and a link to the full list. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const bell = useBellNotifications();
  const openItem = useOpenNotification();
  const unread = bell.data?.unreadCount ?? 0;
  const readAll = async () => {
    await readAllNotifications();
    void queryClient.invalidateQueries({ queryKey: notificationsKey });
  };
  const content = (
    // The popover's padding is 12 px a side: the list leaves a 12 px margin on each side of a phone's screen.
    <Flex vertical style={{ width: 340, maxWidth: "calc(100vw - 48px)" }}>
      <List
        size="small"
        dataSource={bell.data?.items ?? []}
        loading={bell.isPending}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" /> }}
        style={{ maxHeight: 420, overflowY: "auto" }}
        renderItem={(item) => (
          <NotificationItem
            item={item}
            onOpen={() => {
              setOpen(false);
              void openItem(item);
            }}
          />
        )}
      />
      <Flex justify="space-between" style={{ borderTop: "1px solid #f0f0f0", paddingTop: 8 }}>
        <Button type="link" size="small" disabled={unread === 0} onClick={() => void readAll()}>
          全部已读
        </Button>
        <Button
          type="link"
          size="small"
          onClick={() => {
            setOpen(false);
            navigate("/notifications");
          }}
        >
          查看全部
        </Button>
      </Flex>
    </Flex>
  );
  return (
    <Popover
      trigger="click"
      // Centred under the bell, the popover slides along the screen's edge instead of overflowing it; on a phone
      // the bell is not at the far right, so a right-aligned popover would run off the left edge.
      placement={isMobile ? "bottom" : "bottomRight"}
      title="通知"
      content={content}
      open={open}
      onOpenChange={setOpen}
    >
      <Button
        type="text"
        aria-label="通知"
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
