import type { Page } from "@duban/domain";
import { forbidden, notFound } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import type { ChannelKind } from "../../notify/channel-config.js";
import type { OutgoingMessage } from "../../notify/enqueue.js";
import { audit, hasAnyRole } from "../../policy.js";
import * as repo from "./channels.repository.js";
import type { ChannelPutInput, DeliveryItem, DeliveryQuery } from "./channels.schemas.js";

/** Channel settings hold SMTP passwords and robot secrets: administrators only. */
function assertAdmin(ctx: ServiceContext): void {
  if (!hasAnyRole(ctx.actor, "admin")) throw forbidden("只有系统管理员可以管理消息渠道");
}

/** A setting as shown: the password and secret replaced by whether one is set. */
function toChannel(row: repo.ChannelRow) {
  const { pass, secret, ...config } = row.config as Record<string, unknown>;
  return {
    id: row.id,
    unitId: row.unitId,
    kind: row.kind as ChannelKind,
    enabled: row.enabled,
    config,
    hasSecret: Boolean(pass || secret),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The tenant's channels. */
export async function findChannelSettings(ctx: ServiceContext) {
  assertAdmin(ctx);
  return { items: (await repo.findChannels(ctx.database.db, ctx.actor.tenantId)).map(toChannel) };
}

/** Saves one channel; a password or secret left out keeps the stored one, so the form never needs to show it. */
export async function saveChannelSetting(ctx: ServiceContext, input: ChannelPutInput) {
  assertAdmin(ctx);
  const tenantId = ctx.actor.tenantId;
  return ctx.database.db.transaction(async (tx) => {
    if (input.unitId && !(await repo.unitExists(tx, tenantId, input.unitId))) throw notFound("单位");
    const existing = await repo.findChannel(tx, tenantId, input.unitId, input.kind);
    const kept = (existing?.config ?? {}) as Record<string, unknown>;
    const config: Record<string, unknown> = { ...input.config };
    for (const key of ["pass", "secret"]) if (config[key] === undefined && kept[key]) config[key] = kept[key];
    const row = await repo.saveChannel(tx, existing, { tenantId, ...input, config });
    await audit(ctx, tx, {
      action: existing ? "channel.update" : "channel.create",
      entity: "channel_setting",
      entityId: row.id,
      summary: { kind: input.kind, unitId: input.unitId, enabled: input.enabled },
    });
    return toChannel(row);
  });
}

/** Robot webhooks carry their access token: the log shows only the host, path and the token's last characters. */
export function maskTarget(channel: string, target: string): string {
  if (channel === "email") return target;
  try {
    const url = new URL(target);
    const tail = url.search.slice(-4);
    return `${url.origin}${url.pathname}${url.search ? `?…${tail}` : ""}`;
  } catch {
    return "（无效地址）";
  }
}

/** A page of the delivery log: what went out, what failed and why, what waits for a retry. */
export async function findDeliveryPage(
  ctx: ServiceContext,
  query: DeliveryQuery,
): Promise<Page<DeliveryItem>> {
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
  };
}
