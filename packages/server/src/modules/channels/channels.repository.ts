import type { ChannelKind, DeliveryQuery } from "@duban/domain";
import { and, count, desc, eq, isNull, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { channelSettings, deliveries, units } from "../../db/schema.js";
import { AppError, uniqueViolation } from "../../errors.js";

/** Another administrator saved the channel since the form was filled. */
export function savedElsewhere(): AppError {
  return new AppError("stale_version", "该渠道刚被其他管理员保存，请查看刷新后的设置再修改");
}

/** A channel setting row. */
export type ChannelRow = typeof channelSettings.$inferSelect;

/** The tenant's channel settings, tenant-wide first. */
export function findChannels(db: DbOrTx, tenantId: string): Promise<ChannelRow[]> {
  return db
    .select()
    .from(channelSettings)
    .where(eq(channelSettings.tenantId, tenantId))
    .orderBy(channelSettings.unitId, channelSettings.kind);
}

/**
 * The setting of one channel for the tenant or a unit, or null; locked until the transaction ends, so two saves
 * of one setting on PostgreSQL take turns and the second sees the first's `updatedAt`.
 */
export async function findChannelForUpdate(
  db: DbOrTx,
  tenantId: string,
  unitId: string | null,
  kind: ChannelKind,
) {
  const [row] = await db
    .select()
    .from(channelSettings)
    .where(
      and(
        eq(channelSettings.tenantId, tenantId),
        unitId ? eq(channelSettings.unitId, unitId) : isNull(channelSettings.unitId),
        eq(channelSettings.kind, kind),
      ),
    )
    .for("update");
  return row ?? null;
}

/** Whether the unit belongs to the tenant. */
export async function unitExists(db: DbOrTx, tenantId: string, unitId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.tenantId, tenantId), eq(units.id, unitId)));
  return Boolean(row);
}

/**
 * Inserts or replaces a setting. Two first saves of one channel can both find nothing; the unique index
 * `channel_settings_key` then refuses the second insert, which answers 409 like any stale form.
 */
export async function saveChannel(
  db: DbOrTx,
  existing: ChannelRow | null,
  values: { tenantId: string; unitId: string | null; kind: ChannelKind; enabled: boolean; config: unknown },
): Promise<ChannelRow> {
  if (existing) {
    const [row] = await db
      .update(channelSettings)
      .set({ enabled: values.enabled, config: values.config, updatedAt: new Date() })
      .where(and(eq(channelSettings.tenantId, values.tenantId), eq(channelSettings.id, existing.id)))
      .returning();
    return row!;
  }
  try {
    const [row] = await db.insert(channelSettings).values(values).returning();
    return row!;
  } catch (e) {
    throw uniqueViolation(e) ? savedElsewhere() : e;
  }
}

/** A page of the tenant's deliveries, newest first. */
export async function findDeliveries(db: DbOrTx, tenantId: string, query: DeliveryQuery) {
  const filters: (SQL | undefined)[] = [
    eq(deliveries.tenantId, tenantId),
    query.status ? eq(deliveries.status, query.status) : undefined,
    query.channel ? eq(deliveries.channel, query.channel) : undefined,
  ];
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(deliveries)
      .where(where)
      .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(deliveries).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
