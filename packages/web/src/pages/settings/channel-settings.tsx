import { Card, Empty, Flex, Spin, Tag, Typography } from "antd";
import { useChannels } from "../../api/channels";
import { channelLabels } from "./channel-labels";
import { EmailChannelForm } from "./email-channel-form";
import { RobotChannelForm } from "./robot-channel-form";
import { UnitRobotsCard } from "./unit-robots-card";

/** 渠道设置: one card per channel kind for the bureau as a whole (`unitId` null), then the units' own robots. */
export function ChannelSettings() {
  const channels = useChannels();
  if (channels.isPending) return <Spin style={{ display: "block", margin: "48px auto" }} />;
  if (channels.isError) return <Empty description={channels.error.message} />;
  const tenant = channels.data.items.filter((c) => c.unitId === null);
  const email = tenant.find((c) => c.kind === "email");
  const wecom = tenant.find((c) => c.kind === "wecom");
  const dingtalk = tenant.find((c) => c.kind === "dingtalk");
  const title = (kind: keyof typeof channelLabels, configured: boolean, enabled?: boolean) => (
    <Flex gap={8} align="center">
      {channelLabels[kind]}
      {!configured ? <Tag>未配置</Tag> : enabled ? <Tag color="success">已启用</Tag> : <Tag>已停用</Tag>}
    </Flex>
  );
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        督办提醒除站内通知外，还会按这里的设置发送邮件或推送到群机器人：先是局机关的邮件和群机器人，最下方是各单位自己的群机器人。密码、加签密钥和
        Webhook 地址加密保存，之后不再显示；留空即保持原值。
      </Typography.Paragraph>
      {/* Keyed by updatedAt so a saved setting refills its form (and clears the password field). */}
      <Card title={title("email", Boolean(email), email?.enabled)}>
        <EmailChannelForm key={email?.updatedAt ?? "new"} channel={email} />
      </Card>
      <Card title={title("wecom", Boolean(wecom), wecom?.enabled)}>
        <RobotChannelForm key={wecom?.updatedAt ?? "new"} kind="wecom" channel={wecom} />
      </Card>
      <Card title={title("dingtalk", Boolean(dingtalk), dingtalk?.enabled)}>
        <RobotChannelForm key={dingtalk?.updatedAt ?? "new"} kind="dingtalk" channel={dingtalk} />
      </Card>
      <UnitRobotsCard channels={channels.data.items} />
    </Flex>
  );
}
