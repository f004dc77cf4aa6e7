import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { indicators, planNodes, plans, tenants } from "../../db/schema.js";

/** A bureau by its slug (its code, as in /public/wafangdian/…), or null. */
export async function findTenantBySlug(db: DbOrTx, slug: string) {
  const [row] = await db
    .select({ id: tenants.id, name: tenants.name, code: tenants.code })
    .from(tenants)
    .where(eq(tenants.code, slug));
  return row ?? null;
}

/** A bureau's code, the slug of its public pages. */
export async function findTenantSlug(db: DbOrTx, tenantId: string): Promise<string> {
  const [row] = await db.select({ code: tenants.code }).from(tenants).where(eq(tenants.id, tenantId));
  return row!.code;
}

/** A plan of the tenant that is not a draft, with its public switch, or null. */
export async function findReadablePlan(db: DbOrTx, tenantId: string, planId: string) {
  const [row] = await db
    .select({
      id: plans.id,
      title: plans.title,
      year: plans.year,
      isPublic: plans.isPublic,
      version: plans.version,
    })
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, planId), ne(plans.status, "draft")));
  return row ?? null;
}

/** The plan's nodes and indicators with their public flags, in document order. */
export async function findPublicFlags(db: DbOrTx, tenantId: string, planId: string) {
  const [nodes, items] = await Promise.all([
    db
      .select({
        id: planNodes.id,
        parentId: planNodes.parentId,
        level: planNodes.level,
        label: planNodes.label,
        title: planNodes.title,
        public: planNodes.isPublic,
      })
      .from(planNodes)
      .where(and(eq(planNodes.tenantId, tenantId), eq(planNodes.planId, planId)))
      .orderBy(asc(planNodes.position)),
    db
      .select({
        id: indicators.id,
        nodeId: indicators.nodeId,
        name: indicators.name,
        public: indicators.isPublic,
      })
      .from(indicators)
      .where(and(eq(indicators.tenantId, tenantId), eq(indicators.planId, planId)))
      .orderBy(asc(indicators.position)),
  ]);
  return { nodes, indicators: items };
}

/** Sets the plan switch under its version (false when stale), then exactly the listed nodes and indicators public. */
export async function updatePublicFlags(
  tx: DbOrTx,
  key: { tenantId: string; planId: string; version: number },
  flags: { public: boolean; nodeIds: string[]; indicatorIds: string[] },
): Promise<boolean> {
  const updated = await tx
    .update(plans)
    .set({ isPublic: flags.public, version: sql`${plans.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(plans.tenantId, key.tenantId), eq(plans.id, key.planId), eq(plans.version, key.version)))
    .returning({ id: plans.id });
  if (updated.length === 0) return false;
  const listed = (column: typeof planNodes.id | typeof indicators.id, ids: string[]) =>
    ids.length > 0 ? inArray(column, ids) : sql`false`;
  await tx
    .update(planNodes)
    .set({ isPublic: listed(planNodes.id, flags.nodeIds) })
    .where(and(eq(planNodes.tenantId, key.tenantId), eq(planNodes.planId, key.planId)));
  await tx
    .update(indicators)
    .set({ isPublic: listed(indicators.id, flags.indicatorIds) })
    .where(and(eq(indicators.tenantId, key.tenantId), eq(indicators.planId, key.planId)));
  return true;
}
