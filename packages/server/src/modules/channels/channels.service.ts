import {
  type ChannelKind,
  type ChannelPage,
  type ChannelPutInput,
  type ChannelSetting,
  channelAbilities,
  channelListAbilities,
  type DeliveryItem,
  type DeliveryPage,
  type DeliveryQuery,
  type PageQuery,
  pageFrom,
} from "@duban/domain";
import { invalid, notFound } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import {
  maskWebhook,
  publicConfig,
  robotTarget,
  sealConfig,
  secretFields,
} from "../../notify/channel-config.js";
import type { OutgoingMessage } from "../../notify/enqueue.js";
import { type SecretBox, secretBoxFor } from "../../notify/secret-box.js";
import { audit } from "../audit/index.js";
import * as repo from "./channels.repository.js";

/** Channel settings hold SMTP passwords and robot secrets: whoever may set one up sees them (administrators). */
function assertAdmin(ctx: ServiceContext): void {
  authorize(channelListAbilities(ctx.actor), "create");
}

/** A setting as shown: secrets replaced by whether one is set, a robot's webhook by a hint. */
function toChannel(ctx: ServiceContext, box: SecretBox, row: repo.ChannelRow): ChannelSetting {
  const config = row.config as Record<string, unknown>;
  return {
    id: row.id,
    unitId: row.unitId,
    kind: row.kind,
    enabled: row.enabled,
    config: publicConfig(config),
    hasSecret: Boolean(config.pass || config.secret),
    webhookHint: row.kind === "email" ? null : webhookHint(box, config.webhook),
    updatedAt: row.updatedAt.toISOString(),
    abilities: channelAbilities(ctx.actor),
  };
}

/** The stored webhook with its token cut short; a value the current key cannot open says so. */
function webhookHint(box: SecretBox, webhook: unknown): string | null {
  if (typeof webhook !== "string" || !webhook) return null;
  try {
    return maskWebhook(box.open(webhook));
  } catch {
    return "（无法解密，请重新填写）";
  }
}

/** A page of the tenant's channel settings (a handful: one per channel for the tenant and for each unit). */
export async function findChannelSettings(ctx: ServiceContext, query: PageQuery): Promise<ChannelPage> {
  assertAdmin(ctx);
  const box = secretBoxFor(ctx.config);
  const all = (await repo.findChannels(ctx.database.db, ctx.actor.tenantId)).map((r) =>
    toChannel(ctx, box, r),
  );
  return pageFrom(all, query, channelListAbilities(ctx.actor));
}

/**
 * Saves one channel, its secrets sealed; a password, secret or webhook left out keeps the stored one, so the
 * form never needs to show them. A form filled from an older state (`updatedAt`) is refused with 409.
 */
export async function saveChannelSetting(ctx: ServiceContext, input: ChannelPutInput) {
  assertAdmin(ctx);
  const tenantId = ctx.actor.tenantId;
  const box = secretBoxFor(ctx.config);
  return ctx.database.db.transaction(async (tx) => {
    if (input.unitId && !(await repo.unitExists(tx, tenantId, input.unitId))) throw notFound("单位");
    const existing = await repo.findChannelForUpdate(tx, tenantId, input.unitId, input.kind);
    if (input.updatedAt !== undefined && !sameTime(existing?.updatedAt ?? null, input.updatedAt))
      throw repo.savedElsewhere();
    const config = mergeConfig(box, input, existing);
    const { kind, unitId, enabled } = input;
    const row = await repo.saveChannel(tx, existing, { tenantId, unitId, kind, enabled, config });
    await audit(ctx, tx, {
      action: existing ? "channel.update" : "channel.create",
      entity: "channel_setting",
      entityId: row.id,
      summary: { kind, unitId, enabled },
    });
    return toChannel(ctx, box, row);
  });
}

/** Whether the stored `updatedAt` is the one the form read (null on both sides: still no setting). */
function sameTime(stored: Date | null, read: string | null): boolean {
  return stored === null || read === null ? stored === read : stored.getTime() === new Date(read).getTime();
}

/** The config to store: secrets left out kept, a robot's token-free target derived, every secret sealed. */
function mergeConfig(box: SecretBox, input: ChannelPutInput, existing: repo.ChannelRow | null) {
  const kept = (existing?.config ?? {}) as Record<string, unknown>;
  const config: Record<string, unknown> = { ...input.config };
  for (const key of secretFields) if (config[key] === undefined && kept[key]) config[key] = kept[key];
  if (input.kind !== "email") {
    if (typeof config.webhook !== "string")
      throw invalid([{ path: "config.webhook", message: "请填写 Webhook 地址" }]);
    // A new webhook gets a new target; a kept one keeps its target (computed for rows saved before targets).
    config.target = input.config.webhook
      ? robotTarget(input.config.webhook)
      : (kept.target ?? robotTarget(box.open(config.webhook)));
  }
  return sealConfig(box, config);
}

/** Robot webhooks carry their access token: the log shows only the host, path and the token's last characters. */
export function maskTarget(channel: string, target: string): string {
  return channel === "email" ? target : maskWebhook(target);
}

/** A page of the delivery log: what went out, what failed and why, what waits for a retry. */
export async function findDeliveryPage(ctx: ServiceContext, query: DeliveryQuery): Promise<DeliveryPage> {
  assertAdmin(ctx);
  const { rows, total } = await repo.findDeliveries(ctx.database.db, ctx.actor.tenantId, query);
  return {
    items: rows.map((r) => ({
      id: r.id,
      channel: r.channel as ChannelKind,
      target: maskTarget(r.channel, r.target),
      title: (r.payload as OutgoingMessage).title ?? "",
      status: r.status as DeliveryItem["status"],
      attempts: r.attempts,
      nextAttemptAt: r.nextAttemptAt.toISOString(),
      lastError: r.lastError,
      sentAt: r.sentAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    abilities: {},
  };
}
