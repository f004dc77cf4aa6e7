import { z } from "zod";
import { channelAbilitiesSchema, channelListAbilitiesSchema } from "../policies/channels.js";
import { idSchema, noListAbilitiesSchema, pageOf, pageQuerySchema } from "./common.js";
import { lineText, timestampSchema } from "./primitives.js";

/** The channels a message can go out on. */
export const channelKinds = ["email", "wecom", "dingtalk"] as const;
/** One channel. */
export type ChannelKind = (typeof channelKinds)[number];

/** How the SMTP connection is encrypted: none, STARTTLS (587) or implicit TLS (465). */
export const tlsModes = ["none", "starttls", "tls"] as const;
/** One SMTP TLS mode. */
export type TlsMode = (typeof tlsModes)[number];

/** SMTP settings as an administrator enters them; `pass` left out keeps the stored password. */
export const emailConfigSchema = z.object({
  host: lineText().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  tls: z.enum(tlsModes).default("none"),
  user: lineText().max(255).optional(),
  pass: z.string().max(255).optional(),
  from: lineText().min(3).max(255),
  /** Accept a self-signed certificate (an intranet mail server); hostname checks go with it. */
  allowSelfSigned: z.boolean().optional(),
});
/** SMTP settings to save. */
export type EmailConfigInput = z.infer<typeof emailConfigSchema>;
/** SMTP settings as sent: `tls` may be left out. */
export type EmailConfigBody = z.input<typeof emailConfigSchema>;

/**
 * A group robot as an administrator enters it. The webhook carries the robot's access token, so it is a secret
 * like the 钉钉 加签 `secret`: either left out keeps the stored value.
 */
export const robotConfigSchema = z.object({
  webhook: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .optional(),
  secret: z.string().max(255).optional(),
});
/** A group robot to save. */
export type RobotConfigInput = z.infer<typeof robotConfigSchema>;

/** Fields every channel save carries. */
const channelPutFields = {
  unitId: idSchema.nullable().default(null),
  enabled: z.boolean().default(true),
  /**
   * The `updatedAt` the form was filled from, or null when it showed no setting yet; a setting saved by someone
   * else since then answers 409. Left out, the save does not check.
   */
  updatedAt: timestampSchema.nullable().optional(),
};

/** Body of `PUT /api/channels`: one channel for the tenant (`unitId` null) or one unit. */
export const channelPutSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("email"), ...channelPutFields, config: emailConfigSchema }),
  z.strictObject({ kind: z.enum(["wecom", "dingtalk"]), ...channelPutFields, config: robotConfigSchema }),
]);
/** A channel setting to save. */
export type ChannelPutInput = z.infer<typeof channelPutSchema>;
/** A channel setting as sent: `unitId`, `enabled` and the SMTP `tls` may be left out. */
export type ChannelPutBody = z.input<typeof channelPutSchema>;

/** A channel setting as the API shows it: passwords, robot secrets and webhook tokens never leave the server. */
export const channelSchema = z.object({
  id: z.string(),
  unitId: z.string().nullable(),
  kind: z.enum(channelKinds),
  enabled: z.boolean(),
  /** The settings that are not secret (for email: host, port, tls, user, from, allowSelfSigned). */
  config: z.record(z.string(), z.unknown()),
  /** Whether an SMTP password or a 钉钉 加签 secret is stored. */
  hasSecret: z.boolean(),
  /** For robots: the webhook with its token cut to the last characters, so the administrator knows which one. */
  webhookHint: z.string().nullable(),
  updatedAt: z.string(),
  abilities: channelAbilitiesSchema,
});
/** A channel setting as listed. */
export type ChannelSetting = z.infer<typeof channelSchema>;

/** Where a delivery stands: `sending` while a worker holds it (a lease that lapses if the worker dies). */
export const deliveryStatuses = ["queued", "sending", "sent", "failed"] as const;
/** One delivery status. */
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** `GET /api/deliveries` filters. */
export const deliveryQuerySchema = pageQuerySchema.extend({
  status: z.enum(deliveryStatuses).optional(),
  channel: z.enum(channelKinds).optional(),
});
/** Delivery log filters. */
export type DeliveryQuery = z.infer<typeof deliveryQuerySchema>;

/** One line of the delivery log; robot targets come without their token. */
export const deliverySchema = z.object({
  id: z.string(),
  channel: z.enum(channelKinds),
  target: z.string(),
  title: z.string(),
  status: z.enum(deliveryStatuses),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
/** A delivery as listed. */
export type DeliveryItem = z.infer<typeof deliverySchema>;

/** A page of `GET /api/channels`: the tenant's setting and any unit's, per channel. */
export const channelPageSchema = pageOf(channelSchema, channelListAbilitiesSchema);
/** A page of channel settings. */
export type ChannelPage = z.infer<typeof channelPageSchema>;

/** A page of `GET /api/deliveries`, newest first. */
export const deliveryPageSchema = pageOf(deliverySchema, noListAbilitiesSchema);
/** A page of the delivery log. */
export type DeliveryPage = z.infer<typeof deliveryPageSchema>;
