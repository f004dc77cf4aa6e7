import { idSchema, pageQuerySchema } from "@duban/domain";
import { z } from "zod";
import { channelKinds, emailConfigSchema, robotConfigSchema } from "../../notify/channel-config.js";

/** PUT /api/channels: one channel for the tenant (`unitId` null) or one unit; secrets left out are kept. */
export const channelPutSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("email"),
    unitId: idSchema.nullable().default(null),
    enabled: z.boolean().default(true),
    config: emailConfigSchema,
  }),
  z.strictObject({
    kind: z.enum(["wecom", "dingtalk"]),
    unitId: idSchema.nullable().default(null),
    enabled: z.boolean().default(true),
    config: robotConfigSchema,
  }),
]);
/** A channel setting to save. */
export type ChannelPutInput = z.infer<typeof channelPutSchema>;

/** A channel setting as the API shows it: passwords and robot secrets never leave the server. */
export const channelSchema = z.object({
  id: z.string(),
  unitId: z.string().nullable(),
  kind: z.enum(channelKinds),
  enabled: z.boolean(),
  config: z.record(z.string(), z.unknown()),
  hasSecret: z.boolean(),
  updatedAt: z.string(),
});

/** GET /api/deliveries filters. */
export const deliveryQuerySchema = pageQuerySchema.extend({
  status: z.enum(["queued", "sent", "failed"]).optional(),
  channel: z.enum(channelKinds).optional(),
});
/** Delivery log filters. */
export type DeliveryQuery = z.infer<typeof deliveryQuerySchema>;

/** One line of the delivery log. */
export const deliverySchema = z.object({
  id: z.string(),
  channel: z.enum(channelKinds),
  target: z.string(),
  title: z.string(),
  status: z.enum(["queued", "sent", "failed"]),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
/** A delivery as listed. */
export type DeliveryItem = z.infer<typeof deliverySchema>;
