import { z } from "zod";

/** The channels a message can go out on. */
export const channelKinds = ["email", "wecom", "dingtalk"] as const;
/** One channel. */
export type ChannelKind = (typeof channelKinds)[number];

/** SMTP settings. */
export const emailConfigSchema = z.object({
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  /** none, starttls (587) or tls (implicit, 465). */
  tls: z.enum(["none", "starttls", "tls"]).default("none"),
  user: z.string().max(255).optional(),
  pass: z.string().max(255).optional(),
  from: z.string().trim().min(3).max(255),
  allowSelfSigned: z.boolean().optional(),
});
/** SMTP settings as stored. */
export type EmailConfig = z.infer<typeof emailConfigSchema>;

/** A group robot: its webhook URL and, for 钉钉 加签, the secret. */
export const robotConfigSchema = z.object({
  webhook: z.url({ protocol: /^https?$/ }).max(1000),
  secret: z.string().max(255).optional(),
});
/** A robot as stored. */
export type RobotConfig = z.infer<typeof robotConfigSchema>;

/** Validates a config for its kind. */
export function parseChannelConfig(kind: ChannelKind, config: unknown): EmailConfig | RobotConfig {
  return kind === "email" ? emailConfigSchema.parse(config) : robotConfigSchema.parse(config);
}
