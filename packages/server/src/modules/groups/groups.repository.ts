import type { GroupKind, GroupRule } from "@duban/domain";
import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { unitGroupMembers, unitGroups } from "../../db/schema.js";
import { likePattern } from "../audit/index.js";

/** A unit group row. */
export type GroupRow = typeof unitGroups.$inferSelect;
/** Columns written on create or update. */
export type GroupValues = {
  name: string;
  description: string | null;
  kind: GroupKind;
  rule: Required<GroupRule> | null;
};

/** A filtered page of a tenant's groups, by name. */
export async function findGroups(
  db: DbOrTx,
  tenantId: string,
  query: { q?: string | undefined; page: number; pageSize: number },
) {
  const c: SQL[] = [eq(unitGroups.tenantId, tenantId)];
  if (query.q)
    c.push(
      or(ilike(unitGroups.name, likePattern(query.q)), ilike(unitGroups.description, likePattern(query.q)))!,
    );
  const where = and(...c);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(unitGroups)
      .where(where)
      .orderBy(asc(unitGroups.name))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(unitGroups).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** One group of the tenant, or null. */
export async function findGroup(db: DbOrTx, tenantId: string, id: string): Promise<GroupRow | null> {
  const [row] = await db
    .select()
    .from(unitGroups)
    .where(and(eq(unitGroups.tenantId, tenantId), eq(unitGroups.id, id)));
  return row ?? null;
}

/** The listed unit ids of each group. */
export async function findMemberIds(
  db: DbOrTx,
  tenantId: string,
  groupIds: string[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(groupIds.map((id) => [id, []]));
  if (groupIds.length === 0) return result;
  const rows = await db
    .select()
    .from(unitGroupMembers)
    .where(and(eq(unitGroupMembers.tenantId, tenantId), inArray(unitGroupMembers.groupId, groupIds)));
  for (const r of rows) result.get(r.groupId)?.push(r.unitId);
  return result;
}

/** Inserts a group and returns it. */
export async function insertGroup(db: DbOrTx, tenantId: string, values: GroupValues): Promise<GroupRow> {
  const [row] = await db
    .insert(unitGroups)
    .values({ ...values, tenantId })
    .returning();
  return row!;
}

/** Updates a group only if its version is still `version`; returns null when it changed meanwhile. */
export async function updateGroup(
  db: DbOrTx,
  key: { tenantId: string; id: string; version: number },
  values: Partial<GroupValues> & { enabled?: boolean },
): Promise<GroupRow | null> {
  const [row] = await db
    .update(unitGroups)
    .set({ ...values, version: sql`${unitGroups.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(unitGroups.tenantId, key.tenantId),
        eq(unitGroups.id, key.id),
        eq(unitGroups.version, key.version),
      ),
    )
    .returning();
  return row ?? null;
}

/** Replaces the listed members of a group. */
export async function replaceMembers(
  db: DbOrTx,
  key: { tenantId: string; groupId: string },
  unitIds: string[],
): Promise<void> {
  await db
    .delete(unitGroupMembers)
    .where(and(eq(unitGroupMembers.tenantId, key.tenantId), eq(unitGroupMembers.groupId, key.groupId)));
  if (unitIds.length === 0) return;
  await db
    .insert(unitGroupMembers)
    .values(unitIds.map((unitId) => ({ tenantId: key.tenantId, groupId: key.groupId, unitId })));
}

/** The enabled groups among the given ids. */
export async function findEnabledGroups(db: DbOrTx, tenantId: string, ids: string[]): Promise<GroupRow[]> {
  return db
    .select()
    .from(unitGroups)
    .where(and(eq(unitGroups.tenantId, tenantId), inArray(unitGroups.id, ids), eq(unitGroups.enabled, true)));
}
