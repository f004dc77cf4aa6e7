import type { ChannelKind, DeliveryStatus, TlsMode } from "../../api/channels";

/** 渠道 names. */
export const channelLabels: Record<ChannelKind, string> = {
  email: "邮件",
  wecom: "企业微信群机器人",
  dingtalk: "钉钉群机器人",
};

/** Delivery status names and tag colours. */
export const deliveryStatusLabels: Record<DeliveryStatus, { label: string; color: string }> = {
  queued: { label: "待发送", color: "processing" },
  sending: { label: "发送中", color: "blue" },
  sent: { label: "已发送", color: "success" },
  failed: { label: "失败", color: "error" },
};

/** SMTP TLS modes. */
export const tlsOptions: { value: TlsMode; label: string }[] = [
  { value: "tls", label: "SSL/TLS（通常端口 465）" },
  { value: "starttls", label: "STARTTLS（通常端口 587）" },
  { value: "none", label: "不加密（通常端口 25）" },
];

/** Shown in a secret field that has a stored value. */
export const secretSetPlaceholder = "已设置（留空则不修改）";

/** `{ value, label }` options of a label table. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

/** The two group-robot kinds. */
export type RobotKind = "wecom" | "dingtalk";

/** Short names of the robot kinds, for table cells and choices. */
export const robotKindLabels: Record<RobotKind, string> = {
  wecom: "企业微信",
  dingtalk: "钉钉",
};
