import { Button, Form, Input, Switch } from "antd";
import { type ChannelSetting, channelsKey, saveChannel } from "../../api/channels";
import { useWrite } from "../../hooks/use-write";
import { channelLabels } from "./channel-labels";

interface RobotValues {
  enabled: boolean;
  config: { webhook: string; secret?: string };
}

/**
 * A group robot (企业微信 or 钉钉) of the tenant: its webhook and, for 钉钉, the 加签 secret, which is never shown;
 * a blank secret keeps the stored one.
 */
export function RobotChannelForm({
  kind,
  channel,
}: {
  kind: "wecom" | "dingtalk";
  channel: ChannelSetting | undefined;
}) {
  const [form] = Form.useForm<RobotValues>();
  const write = useWrite({
    mutationFn: ({ enabled, config }: RobotValues) =>
      saveChannel({
        kind,
        unitId: null,
        enabled,
        config: { webhook: config.webhook.trim(), secret: config.secret?.trim() || undefined },
      }),
    success: `${channelLabels[kind]}已保存`,
    refresh: channelsKey,
    form,
  });
  const webhook = (channel?.config as { webhook?: string } | undefined)?.webhook ?? "";
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 560 }}
      initialValues={{ enabled: channel?.enabled ?? true, config: { webhook, secret: "" } }}
      onFinish={(values) => write.mutate(values)}
    >
      <Form.Item name="enabled" label="启用" valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item
        name={["config", "webhook"]}
        label="Webhook 地址"
        rules={[
          { required: true, whitespace: true, message: "请填写 Webhook 地址" },
          { type: "url", message: "请填写完整的 http(s) 地址" },
        ]}
      >
        <Input
          placeholder={
            kind === "wecom"
              ? "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"
              : "https://oapi.dingtalk.com/robot/send?access_token=…"
          }
          maxLength={1000}
        />
      </Form.Item>
      {kind === "dingtalk" && (
        <Form.Item
          name={["config", "secret"]}
          label="加签密钥"
          extra={channel?.hasSecret ? "已设置密钥；留空则保持不变" : "机器人未开启加签时留空"}
        >
          <Input.Password
            autoComplete="new-password"
            placeholder={channel?.hasSecret ? "留空则保持不变" : "SEC…"}
            maxLength={255}
          />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={write.isPending}>
        保存
      </Button>
    </Form>
  );
}
