import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { assessmentEntries, assessmentSchemes, units, users } from "../../db/schema.js";

/** A saved scheme row. */
export type SchemeRow = typeof assessmentSchemes.$inferSelect;
/** A manual entry row. */
export type EntryRow = typeof assessmentEntries.$inferSelect;

/** The plan's saved scheme, or null while it runs on the default one. */
export async function findScheme(db: DbOrTx, key: { tenantId: string; planId: string }) {
  const [row] = await db
    .select()
    .from(assessmentSchemes)
    .where(and(eq(assessmentSchemes.tenantId, key.tenantId), eq(assessmentSchemes.planId, key.planId)));
  return row ?? null;
}

/** Saves the first scheme of a plan at version 1; a concurrent first save violates the plan's unique key. */
export async function insertScheme(db: DbOrTx, values: typeof assessmentSchemes.$inferInsert) {
  const [row] = await db.insert(assessmentSchemes).values(values).returning();
  return row!;
}

/** Replaces an unlocked scheme at `version`; null when it moved or was locked meanwhile. */
export async function updateScheme(
  db: DbOrTx,
  key: { tenantId: string; planId: string; version: number },
  values: Pick<SchemeRow, "scheme" | "updatedBy" | "updatedAt">,
) {
  const [row] = await db
    .update(assessmentSchemes)
    .set({ ...values, version: sql`${assessmentSchemes.version} + 1` })
    .where(
      and(
        eq(assessmentSchemes.tenantId, key.tenantId),
        eq(assessmentSchemes.planId, key.planId),
        eq(assessmentSchemes.version, key.version),
        isNull(assessmentSchemes.lockedAt),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * Locks the plan's scheme (the first formal run), saving `scheme` first when the plan ran on the default one.
 * `scoredVersion` is the version the run was scored with (0: the default): false when the scheme was saved in
 * between (or first saved, for the default), so a run never locks a scheme other than the one it scored by.
 */
export async function lockScheme(
  db: DbOrTx,
  values: Pick<SchemeRow, "tenantId" | "planId" | "scheme" | "updatedBy"> & {
    at: Date;
    scoredVersion: number;
  },
): Promise<boolean> {
  const { at, scoredVersion, ...row } = values;
  const locked = await db
    .insert(assessmentSchemes)
    .values({ ...row, version: 1, lockedAt: at, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({
      target: [assessmentSchemes.tenantId, assessmentSchemes.planId],
      set: { lockedAt: sql`coalesce(${assessmentSchemes.lockedAt}, ${at.toISOString()}::timestamptz)` },
      setWhere: eq(assessmentSchemes.version, scoredVersion),
    })
    .returning({ id: assessmentSchemes.id });
  return locked.length > 0;
}

/** Inserts a manual entry. */
export async function insertEntry(db: DbOrTx, values: typeof assessmentEntries.$inferInsert) {
  const [row] = await db.insert(assessmentEntries).values(values).returning();
  return row!;
}

/** One entry of the tenant, or null. */
export async function findEntry(db: DbOrTx, key: { tenantId: string; id: string }) {
  const [row] = await db
    .select()
    .from(assessmentEntries)
    .where(and(eq(assessmentEntries.tenantId, key.tenantId), eq(assessmentEntries.id, key.id)));
  return row ?? null;
}

/** Revokes an entry still counting; false when someone revoked it first. */
export async function revokeEntry(
  db: DbOrTx,
  key: { tenantId: string; id: string },
  values: { revokedAt: Date; revokedBy: string; revokeReason: string },
): Promise<boolean> {
  const rows = await db
    .update(assessmentEntries)
    .set(values)
    .where(
      and(
        eq(assessmentEntries.tenantId, key.tenantId),
        eq(assessmentEntries.id, key.id),
        isNull(assessmentEntries.revokedAt),
      ),
    )
    .returning({ id: assessmentEntries.id });
  return rows.length > 0;
}

/** A plan's entries, newest first, with unit and author names; `createdBy` or `id` narrow them. */
export async function findPlanEntries(
  db: DbOrTx,
  key: { tenantId: string; planId: string; createdBy: string | null; id?: string },
) {
  return db
    .select({ entry: assessmentEntries, unitName: units.name, authorName: users.name })
    .from(assessmentEntries)
    .innerJoin(units, and(eq(units.id, assessmentEntries.unitId), eq(units.tenantId, key.tenantId)))
    .innerJoin(users, and(eq(users.id, assessmentEntries.createdBy), eq(users.tenantId, key.tenantId)))
    .where(
      and(
        eq(assessmentEntries.tenantId, key.tenantId),
        eq(assessmentEntries.planId, key.planId),
        key.createdBy ? eq(assessmentEntries.createdBy, key.createdBy) : undefined,
        key.id ? eq(assessmentEntries.id, key.id) : undefined,
      ),
    )
    .orderBy(desc(assessmentEntries.createdAt), asc(assessmentEntries.id));
}
