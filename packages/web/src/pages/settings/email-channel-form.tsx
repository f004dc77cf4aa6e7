import { Button, Checkbox, Form, Input, InputNumber, Select, Switch } from "antd";
import { type ChannelSetting, channelsKey, saveChannel, type TlsMode } from "../../api/channels";
import { useWrite } from "../../hooks/use-write";
import { secretSetPlaceholder, tlsOptions } from "./channel-labels";

interface EmailValues {
  enabled: boolean;
  config: {
    host: string;
    port: number;
    tls: TlsMode;
    from: string;
    user?: string;
    pass?: string;
    allowSelfSigned?: boolean;
  };
}

function initialValues(channel: ChannelSetting | undefined): EmailValues {
  const c = (channel?.config ?? {}) as Partial<EmailValues["config"]>;
  return {
    enabled: channel?.enabled ?? true,
    config: {
      host: c.host ?? "",
      port: c.port ?? 465,
      tls: c.tls ?? "tls",
      from: c.from ?? "",
      user: c.user ?? "",
      pass: "",
      allowSelfSigned: c.allowSelfSigned ?? false,
    },
  };
}

/** 邮件 (SMTP) settings of the tenant; the password is never shown and a blank one keeps the stored one. */
export function EmailChannelForm({ channel }: { channel: ChannelSetting | undefined }) {
  const [form] = Form.useForm<EmailValues>();
  const write = useWrite({
    mutationFn: ({ enabled, config }: EmailValues) =>
      saveChannel({
        kind: "email",
        unitId: null,
        enabled,
        // What the form was filled from: a save by another administrator since then answers 409.
        updatedAt: channel?.updatedAt ?? null,
        config: {
          host: config.host.trim(),
          port: config.port,
          tls: config.tls,
          from: config.from.trim(),
          user: config.user?.trim() || undefined,
          pass: config.pass || undefined,
          allowSelfSigned: (config.tls !== "none" && config.allowSelfSigned) || undefined,
        },
      }),
    success: "邮件渠道已保存",
    refresh: channelsKey,
    form,
  });
  const tls = Form.useWatch(["config", "tls"], form) ?? initialValues(channel).config.tls;
  return (
    <Form
      // Named so its field ids stay unique beside the other channel forms on the page (labels point at them).
      name="channel-email"
      form={form}
      layout="vertical"
      style={{ maxWidth: 560 }}
      initialValues={initialValues(channel)}
      onFinish={(values) => write.mutate(values)}
    >
      <Form.Item name="enabled" label="启用" valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item
        name={["config", "host"]}
        label="SMTP 主机"
        rules={[{ required: true, whitespace: true, message: "请填写 SMTP 主机" }]}
      >
        <Input placeholder="如 smtp.exmail.qq.com" maxLength={255} />
      </Form.Item>
      <Form.Item name={["config", "port"]} label="端口" rules={[{ required: true, message: "请填写端口" }]}>
        <InputNumber min={1} max={65535} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name={["config", "tls"]} label="加密方式" rules={[{ required: true }]}>
        <Select options={tlsOptions} />
      </Form.Item>
      <Form.Item
        name={["config", "from"]}
        label="发件人"
        rules={[{ required: true, whitespace: true, min: 3, message: "请填写发件人地址" }]}
      >
        <Input placeholder="如 督办系统 <duban@example.edu.cn>" maxLength={255} />
      </Form.Item>
      <Form.Item name={["config", "user"]} label="用户名" extra="服务器不需要登录时留空">
        <Input autoComplete="off" maxLength={255} />
      </Form.Item>
      <Form.Item
        name={["config", "pass"]}
        label="密码"
        extra={channel?.hasSecret ? "密码加密保存，不再显示" : "尚未设置密码"}
      >
        <Input.Password
          autoComplete="new-password"
          placeholder={channel?.hasSecret ? secretSetPlaceholder : undefined}
          maxLength={255}
        />
      </Form.Item>
      {tls !== "none" && (
        <Form.Item
          name={["config", "allowSelfSigned"]}
          valuePropName="checked"
          extra="仅当内网邮件服务器使用自签名证书时勾选；勾选后不再校验服务器证书"
        >
          <Checkbox>允许自签名证书</Checkbox>
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={write.isPending}>
        保存
      </Button>
    </Form>
  );
}
