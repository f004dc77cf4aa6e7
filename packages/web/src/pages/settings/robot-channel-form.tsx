import { Button, Form, Input, Switch } from "antd";
import { type ChannelSetting, channelsKey, saveChannel } from "../../api/channels";
import { useWrite } from "../../hooks/use-write";
import { channelLabels, secretSetPlaceholder } from "./channel-labels";

interface RobotValues {
  enabled: boolean;
  config: { webhook?: string; secret?: string };
}

/** Whether text is an absolute http(s) URL, as the server checks it. */
function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * A group robot (企业微信 or 钉钉) of the tenant (`unitId` null) or of one unit: its webhook (which carries the
 * robot's token) and, for 钉钉, the 加签 secret. Neither is ever shown again; left blank, the stored one is kept.
 */
export function RobotChannelForm({
  kind,
  unitId = null,
  channel,
  onSaved,
}: {
  kind: "wecom" | "dingtalk";
  unitId?: string | null;
  channel: ChannelSetting | undefined;
  onSaved?: () => void;
}) {
  const [form] = Form.useForm<RobotValues>();
  const write = useWrite({
    mutationFn: ({ enabled, config }: RobotValues) =>
      saveChannel({
        kind,
        unitId,
        enabled,
        updatedAt: channel?.updatedAt ?? null,
        config: { webhook: config.webhook?.trim() || undefined, secret: config.secret?.trim() || undefined },
      }),
    success: `${unitId ? "单位" : ""}${channelLabels[kind]}已保存`,
    refresh: channelsKey,
    form,
    onDone: onSaved,
  });
  const hint = channel?.webhookHint ?? null;
  return (
    <Form
      // Named so its field ids stay unique beside the other channel forms on the page (labels point at them).
      name={unitId ? `unit-channel-${kind}` : `channel-${kind}`}
      form={form}
      layout="vertical"
      style={{ maxWidth: 560 }}
      initialValues={{ enabled: channel?.enabled ?? true, config: { webhook: "", secret: "" } }}
      onFinish={(values) => write.mutate(values)}
    >
      <Form.Item
        name="enabled"
        label="启用"
        valuePropName="checked"
        extra={unitId ? "停用后，该单位的催办提醒改回发到局机关的同类群机器人" : undefined}
      >
        <Switch />
      </Form.Item>
      <Form.Item
        name={["config", "webhook"]}
        label="Webhook 地址"
        extra={
          hint ? `当前：${hint}（地址含机器人令牌，加密保存）` : "地址含机器人令牌，保存后加密且不再显示"
        }
        rules={[
          { required: !hint, whitespace: true, message: "请填写 Webhook 地址" },
          // The server's rule, not antd's "url" type, which refuses intranet gateways such as http://10.0.0.8:8080/….
          {
            validator: async (_, value?: string) => {
              if (!value?.trim() || isHttpUrl(value.trim())) return;
              throw new Error("请填写完整的 http(s) 地址");
            },
          },
        ]}
      >
        <Input.Password
          autoComplete="off"
          visibilityToggle
          placeholder={
            hint
              ? secretSetPlaceholder
              : kind === "wecom"
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
          extra={channel?.hasSecret ? "密钥加密保存，不再显示" : "机器人未开启加签时留空"}
        >
          <Input.Password
            autoComplete="new-password"
            placeholder={channel?.hasSecret ? secretSetPlaceholder : "SEC…"}
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
