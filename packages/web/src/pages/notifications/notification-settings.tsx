import {
  type NotificationKind,
  type NotificationMode,
  notificationKindLabels,
  notificationModeLabels,
  notificationModes,
} from "@duban/domain";
import { Alert, Card, List, Select, Skeleton, Typography } from "antd";
import {
  notificationsKey,
  saveNotificationPreferences,
  useNotificationPreferences,
} from "../../api/notifications";
import { useWrite } from "../../hooks/use-write";

const modeOptions = notificationModes.map((value) => ({ value, label: notificationModeLabels[value] }));

/** 接收设置: per kind, in the app only, also pushed (email, 企业微信 / 钉钉), or in the 08:00 daily digest. */
export function NotificationSettings() {
  const prefs = useNotificationPreferences();
  const save = useWrite({
    mutationFn: (item: { kind: NotificationKind; mode: NotificationMode }) =>
      saveNotificationPreferences({ preferences: [item] }),
    success: "已保存接收设置",
    refresh: [...notificationsKey, "preferences"],
  });
  if (prefs.isPending) return <Skeleton active />;
  if (prefs.isError) return <Alert type="error" showIcon message={prefs.error.message} />;
  return (
    <Card size="small">
      <Typography.Paragraph type="secondary">
        每种通知都会出现在站内通知中；选择“站内并推送”时同时发送邮件或群机器人消息，选择“每日汇总”时改为每天
        8:00 发送一封汇总邮件。
      </Typography.Paragraph>
      <List
        dataSource={prefs.data.preferences}
        renderItem={(item) => (
          <List.Item
            actions={[
              <Select
                key="mode"
                aria-label={`${notificationKindLabels[item.kind]}的接收方式`}
                value={item.mode}
                options={modeOptions}
                style={{ width: 160 }}
                disabled={save.isPending}
                onChange={(mode) => save.mutate({ kind: item.kind, mode })}
              />,
            ]}
          >
            {notificationKindLabels[item.kind]}
          </List.Item>
        )}
      />
    </Card>
  );
}
