import { and, count, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { bulletins, users } from "../../db/schema.js";

/** A bulletin row. */
export type BulletinRow = typeof bulletins.$inferSelect;

/** Identifies one bulletin of a tenant. */
export interface BulletinKey {
  tenantId: string;
  id: string;
}

/** Inserts a draft. */
export async function insertBulletin(
  db: DbOrTx,
  values: typeof bulletins.$inferInsert,
): Promise<BulletinRow> {
  const [row] = await db.insert(bulletins).values(values).returning();
  return row!;
}

/** One bulletin of the tenant with the name of who issued it, or null. */
export async function findBulletin(db: DbOrTx, key: BulletinKey) {
  const [row] = await db
    .select({ bulletin: bulletins, issuerName: users.name })
    .from(bulletins)
    .leftJoin(users, eq(users.id, bulletins.issuedBy))
    .where(and(eq(bulletins.tenantId, key.tenantId), eq(bulletins.id, key.id)));
  return row ?? null;
}

/**
 * A page of a plan's bulletins, newest first; `unitId` narrows them to the issued ones naming that unit (what a
 * school or department may read).
 */
export async function findPlanBulletins(
  db: DbOrTx,
  key: { tenantId: string; planId: string; unitId: string | null },
  page: { page: number; pageSize: number },
) {
  const where = and(
    eq(bulletins.tenantId, key.tenantId),
    eq(bulletins.planId, key.planId),
    key.unitId
      ? and(eq(bulletins.status, "issued"), sql`${key.unitId}::uuid = any(${bulletins.namedUnitIds})`)
      : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(bulletins)
      .where(where)
      // A stopped test clock gives many rows one instant: the id breaks the tie.
      .orderBy(desc(bulletins.createdAt), desc(bulletins.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(bulletins).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Writes a draft's edit when it is still the draft at `version`; false when it moved or was issued meanwhile. */
export async function updateDraft(
  db: DbOrTx,
  key: BulletinKey & { version: number },
  values: Pick<BulletinRow, "title" | "content" | "updatedAt">,
): Promise<boolean> {
  const rows = await db
    .update(bulletins)
    .set({ ...values, version: sql`${bulletins.version} + 1` })
    .where(draftAt(key))
    .returning({ id: bulletins.id });
  return rows.length > 0;
}

/** Marks a draft at `version` issued with its 文号; false when it moved or was issued meanwhile. */
export async function markIssued(
  db: DbOrTx,
  key: BulletinKey & { version: number },
  values: { number: string; seq: number; issuedAt: Date; issuedBy: string },
): Promise<boolean> {
  const rows = await db
    .update(bulletins)
    .set({ ...values, status: "issued", updatedAt: values.issuedAt, version: sql`${bulletins.version} + 1` })
    .where(draftAt(key))
    .returning({ id: bulletins.id });
  return rows.length > 0;
}

/** Deletes a draft at `version`; false when it moved or was issued meanwhile. */
export async function deleteDraft(db: DbOrTx, key: BulletinKey & { version: number }): Promise<boolean> {
  const rows = await db.delete(bulletins).where(draftAt(key)).returning({ id: bulletins.id });
  return rows.length > 0;
}

/** The one draft at the version the user saw: the optimistic lock every write of a bulletin takes. */
function draftAt(key: BulletinKey & { version: number }) {
  return and(
    eq(bulletins.tenantId, key.tenantId),
    eq(bulletins.id, key.id),
    eq(bulletins.status, "draft"),
    eq(bulletins.version, key.version),
  );
}
