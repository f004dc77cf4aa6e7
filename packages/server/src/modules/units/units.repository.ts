import type { UnitQuery } from "@duban/domain";
import { and, asc, count, eq, ilike, inArray, isNotNull, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { units } from "../../db/schema.js";
import { likePattern } from "../audit/index.js";

/** A unit row. */
export type UnitRow = typeof units.$inferSelect;
/** Columns written on create or update. */
export type UnitValues = Omit<
  typeof units.$inferInsert,
  "id" | "tenantId" | "createdAt" | "updatedAt" | "version"
>;

/** The filters of the unit list as SQL. */
function unitFilters(tenantId: string, query: Partial<UnitQuery>): SQL {
  const c: SQL[] = [eq(units.tenantId, tenantId)];
  if (query.kind) c.push(eq(units.kind, query.kind));
  if (query.schoolType) c.push(eq(units.schoolType, query.schoolType));
  if (query.ownership) c.push(eq(units.ownership, query.ownership));
  if (query.township) c.push(eq(units.township, query.township));
  if (query.enabled) c.push(eq(units.enabled, query.enabled === "true"));
  if (query.q) c.push(or(ilike(units.name, likePattern(query.q)), ilike(units.code, likePattern(query.q)))!);
  return and(...c)!;
}

/** A filtered page of a tenant's units: departments first, then by sort order and name. */
export async function findUnits(db: DbOrTx, tenantId: string, query: UnitQuery) {
  const where = unitFilters(tenantId, query);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(units)
      .where(where)
      .orderBy(asc(units.kind), asc(units.sortOrder), asc(units.name))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(units).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** One unit of the tenant, or null. */
export async function findUnit(db: DbOrTx, tenantId: string, id: string): Promise<UnitRow | null> {
  const [row] = await db
    .select()
    .from(units)
    .where(and(eq(units.tenantId, tenantId), eq(units.id, id)));
  return row ?? null;
}

/** Every unit of the tenant (enabled only unless asked), for selects, groups and imports. */
export async function findAllUnits(
  db: DbOrTx,
  tenantId: string,
  options: { includeDisabled?: boolean } = {},
) {
  const where = options.includeDisabled
    ? eq(units.tenantId, tenantId)
    : and(eq(units.tenantId, tenantId), eq(units.enabled, true));
  return db.select().from(units).where(where).orderBy(asc(units.kind), asc(units.sortOrder), asc(units.name));
}

/** The names of the tenant's units among `ids` (disabled ones too), by id: what a page naming a few units needs. */
export async function findUnitNames(
  db: DbOrTx,
  tenantId: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.tenantId, tenantId), inArray(units.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The distinct townships the tenant's schools are in. */
export async function findTownships(db: DbOrTx, tenantId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ township: units.township })
    .from(units)
    .where(and(eq(units.tenantId, tenantId), isNotNull(units.township)))
    .orderBy(asc(units.township));
  return rows.map((r) => r.township!);
}

/** Inserts units and returns them. */
export async function insertUnits(db: DbOrTx, tenantId: string, values: UnitValues[]): Promise<UnitRow[]> {
  if (values.length === 0) return [];
  return db
    .insert(units)
    .values(values.map((v) => ({ ...v, tenantId })))
    .returning();
}

/** Updates a unit only if its version is still `version`; returns null when it changed meanwhile. */
export async function updateUnit(
  db: DbOrTx,
  key: { tenantId: string; id: string; version: number },
  values: Partial<UnitValues>,
): Promise<UnitRow | null> {
  const [row] = await db
    .update(units)
    .set({ ...values, version: sql`${units.version} + 1`, updatedAt: new Date() })
    .where(and(eq(units.tenantId, key.tenantId), eq(units.id, key.id), eq(units.version, key.version)))
    .returning();
  return row ?? null;
}
