import { eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { dataVersions, tenants } from "../../db/schema.js";

/** A bureau by its code. */
export async function findTenantByCode(db: DbOrTx, code: string) {
  const [row] = await db
    .select({ id: tenants.id, name: tenants.name, code: tenants.code, parentId: tenants.parentId })
    .from(tenants)
    .where(eq(tenants.code, code));
  return row ?? null;
}

/** The bureau itself and those above it, nearest first (a bounded walk: a cycle cannot loop it forever). */
export async function findChain(db: DbOrTx, tenantId: string): Promise<string[]> {
  const result = (await db.execute(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 1 from tenants where id = ${tenantId}
      union all
      select t.id, t.parent_id, up.depth + 1 from tenants t join up on t.id = up.parent_id where up.depth < 16
    )
    select id from up order by depth`)) as unknown as { rows: { id: string }[] };
  return result.rows.map((r) => r.id);
}

/** How many levels hang below a bureau (0 for one without subordinates). */
export async function findHeightBelow(db: DbOrTx, tenantId: string): Promise<number> {
  const result = (await db.execute(sql`
    with recursive down(id, depth) as (
      select id, 0 from tenants where id = ${tenantId}
      union all
      select t.id, down.depth + 1 from tenants t join down on t.parent_id = down.id where down.depth < 16
    )
    select max(depth)::int as height from down`)) as unknown as { rows: { height: number }[] };
  return Number(result.rows[0]?.height ?? 0);
}

/** Sets (or clears) a bureau's superior. */
export async function updateTenantParent(db: DbOrTx, tenantId: string, parentId: string | null) {
  await db.update(tenants).set({ parentId }).where(eq(tenants.id, tenantId));
}

/** A bureau's name. */
export async function findTenantName(db: DbOrTx, id: string): Promise<string> {
  const [row] = await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, id));
  return row?.name ?? "";
}

/**
 * The data versions of bureaus (see `dataVersions`), as text: a bureau with no counted write yet is left out
 * (its version is "0").
 */
export async function findDataVersions(db: DbOrTx, tenantIds: string[]): Promise<Map<string, string>> {
  const rows = await db
    .select({ tenantId: dataVersions.tenantId, version: sql<string>`sum(${dataVersions.version})::text` })
    .from(dataVersions)
    .where(inArray(dataVersions.tenantId, tenantIds))
    .groupBy(dataVersions.tenantId);
  return new Map(rows.map((r) => [r.tenantId, r.version]));
}
