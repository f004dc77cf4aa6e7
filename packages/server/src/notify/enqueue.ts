import { and, eq, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { channelSettings, deliveries } from "../db/schema.js";
import { type ChannelKind, type RobotConfig, robotTarget } from "./channel-config.js";
import { robotSendTime } from "./quiet-hours.js";
import { isSealed } from "./secret-box.js";

/** What a message says, whichever channel carries it. */
export interface OutgoingMessage {
  title: string;
  text: string;
}

/** A payload as queued: the message, and for email its subject and body. */
export interface DeliveryPayload extends OutgoingMessage {
  [key: string]: unknown;
}

/**
 * Queues a message on the tenant's channels, inside the caller's transaction: each group robot (the unit's own
 * overriding the tenant's) and one email per address. Robots wait out the night's quiet hours; email does not.
 * `robots: false` queues the emails alone (a user's own digest is no group's business).
 */
export async function enqueueMessage(
  tx: DbOrTx,
  input: {
    tenantId: string;
    unitId: string | null;
    emails: string[];
    message: OutgoingMessage;
    now: Date;
    robots?: boolean;
  },
): Promise<number> {
  const { tenantId, unitId } = input;
  const settings = await tx
    .select()
    .from(channelSettings)
    .where(
      and(
        eq(channelSettings.tenantId, tenantId),
        eq(channelSettings.enabled, true),
        unitId
          ? or(isNull(channelSettings.unitId), eq(channelSettings.unitId, unitId))
          : isNull(channelSettings.unitId),
      ),
    );
  const rows = deliveryRows(settings, input);
  if (rows.length > 0) await tx.insert(deliveries).values(rows);
  return rows.length;
}

/** A channel setting as queuing reads it. */
export type ChannelSettingRef = Pick<
  typeof channelSettings.$inferSelect,
  "id" | "kind" | "unitId" | "config"
>;

/**
 * The deliveries a message makes on the given enabled settings of its tenant (those of other units are passed
 * over): each group robot, the unit's own overriding the tenant's, and one email per address.
 */
export function deliveryRows(
  settings: readonly ChannelSettingRef[],
  input: {
    tenantId: string;
    unitId: string | null;
    emails: string[];
    message: OutgoingMessage;
    now: Date;
    robots?: boolean;
  },
): (typeof deliveries.$inferInsert)[] {
  const { tenantId, unitId, message, now } = input;
  // A unit's own setting wins over the tenant's for the same kind.
  const chosen = new Map<string, ChannelSettingRef>();
  for (const s of settings) {
    if (s.unitId !== null && s.unitId !== unitId) continue;
    if (!chosen.has(s.kind) || s.unitId) chosen.set(s.kind, s);
  }
  const rows: (typeof deliveries.$inferInsert)[] = [];
  for (const s of chosen.values()) {
    const kind = s.kind as ChannelKind;
    if (kind !== "email" && input.robots === false) continue;
    const payload = { title: message.title, text: message.text };
    if (kind === "email")
      for (const email of new Set(input.emails))
        rows.push({ tenantId, settingId: s.id, channel: kind, target: email, payload, nextAttemptAt: now });
    else
      rows.push({
        tenantId,
        settingId: s.id,
        channel: kind,
        target: targetOf(s.config as RobotConfig, s.id),
        payload,
        nextAttemptAt: robotSendTime(now),
      });
  }
  return rows;
}

/** A robot's delivery target: saved with the setting; computed for a plain webhook saved before targets were. */
function targetOf(config: RobotConfig, settingId: string): string {
  if (config.target) return config.target;
  return isSealed(config.webhook) ? `robot:${settingId}` : robotTarget(String(config.webhook ?? ""));
}
