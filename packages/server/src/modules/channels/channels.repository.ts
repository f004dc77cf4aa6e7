import { and, count, desc, eq, isNull, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { channelSettings, deliveries, units } from "../../db/schema.js";
import type { DeliveryQuery } from "./channels.schemas.js";

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

/** The setting of one channel for the tenant or a unit, or null. */
export async function findChannel(db: DbOrTx, tenantId: string, unitId: string | null, kind: string) {
  const [row] = await db
    .select()
    .from(channelSettings)
    .where(
      and(
        eq(channelSettings.tenantId, tenantId),
        unitId ? eq(channelSettings.unitId, unitId) : isNull(channelSettings.unitId),
        eq(channelSettings.kind, kind),
      ),
    );
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

/** Inserts or replaces a setting. */
export async function saveChannel(
  db: DbOrTx,
  existing: ChannelRow | null,
  values: { tenantId: string; unitId: string | null; kind: string; enabled: boolean; config: unknown },
): Promise<ChannelRow> {
  if (existing) {
    const [row] = await db
      .update(channelSettings)
      .set({ enabled: values.enabled, config: values.config, updatedAt: new Date() })
      .where(and(eq(channelSettings.tenantId, values.tenantId), eq(channelSettings.id, existing.id)))
      .returning();
    return row!;
  }
  const [row] = await db.insert(channelSettings).values(values).returning();
  return row!;
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
