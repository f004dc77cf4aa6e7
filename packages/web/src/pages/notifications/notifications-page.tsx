import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Empty, List, Segmented, Tabs } from "antd";
import { useState } from "react";
import { notificationsKey, readAllNotifications, useNotifications } from "../../api/notifications";
import { NotificationItem, useOpenNotification } from "../../components/notification-bell";
import { PageHeader } from "../../components/page-header";
import { useTablePaging } from "../../hooks/use-table-paging";
import { NotificationSettings } from "./notification-settings";

/** 通知 (`/notifications`): every notification of the user, paged, unread first on demand; and 接收设置. */
export function NotificationsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { paging, pagination, resetPage } = useTablePaging();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [tab, setTab] = useState("list");
  const list = useNotifications(paging, unreadOnly);
  const openItem = useOpenNotification();
  const page = pagination(list.data?.total);
  const readAll = async () => {
    const { updated } = await readAllNotifications();
    message.success(`已将 ${updated} 条标为已读`);
    void queryClient.invalidateQueries({ queryKey: notificationsKey });
  };
  const listView = (
    <List
      bordered
      dataSource={list.data?.items ?? []}
      loading={list.isFetching}
      pagination={{
        current: page.current,
        pageSize: page.pageSize,
        total: page.total,
        showTotal: page.showTotal,
        onChange: page.onChange,
        align: "end",
      }}
      locale={{ emptyText: <Empty description={list.isError ? list.error.message : "暂无通知"} /> }}
      renderItem={(item) => <NotificationItem item={item} onOpen={() => void openItem(item)} />}
    />
  );
  return (
    <>
      <PageHeader
        title="通知"
        actions={
          tab === "list" && (
            <>
              <Segmented
                options={[
                  { value: "all", label: "全部" },
                  { value: "unread", label: `未读 ${list.data?.unreadCount ?? 0}` },
                ]}
                value={unreadOnly ? "unread" : "all"}
                onChange={(value) => {
                  setUnreadOnly(value === "unread");
                  resetPage();
                }}
              />
              <Button disabled={!list.data?.unreadCount} onClick={() => void readAll()}>
                全部已读
              </Button>
            </>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: "list", label: "通知列表", children: listView },
          { key: "settings", label: "接收设置", children: <NotificationSettings /> },
        ]}
      />
    </>
  );
}
