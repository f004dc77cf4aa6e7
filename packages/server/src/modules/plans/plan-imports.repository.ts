import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { files, planImports, plans } from "../../db/schema.js";

/** A plan import row. */
export type PlanImportRow = typeof planImports.$inferSelect;

/** Inserts an import under review. */
export async function insertImport(
  db: DbOrTx,
  values: typeof planImports.$inferInsert,
): Promise<PlanImportRow> {
  const [row] = await db.insert(planImports).values(values).returning();
  return row!;
}

/** Records an uploaded plan document's stored bytes; returns the new file's id. */
export async function insertPlanFile(db: DbOrTx, values: typeof files.$inferInsert): Promise<string> {
  const [row] = await db.insert(files).values(values).returning({ id: files.id });
  return row!.id;
}

/** One import of the tenant, or null. */
export async function findImport(db: DbOrTx, tenantId: string, id: string): Promise<PlanImportRow | null> {
  const [row] = await db
    .select()
    .from(planImports)
    .where(and(eq(planImports.tenantId, tenantId), eq(planImports.id, id)));
  return row ?? null;
}

/** The tenant's imports still under review, newest first. */
export async function findReviewingImports(db: DbOrTx, tenantId: string) {
  return db
    .select({
      id: planImports.id,
      filename: planImports.filename,
      draft: planImports.draft,
      createdAt: planImports.createdAt,
      updatedAt: planImports.updatedAt,
    })
    .from(planImports)
    .where(and(eq(planImports.tenantId, tenantId), eq(planImports.status, "reviewing")))
    .orderBy(desc(planImports.updatedAt))
    .limit(100);
}

/** Writes changed columns if the version still matches; null when someone else saved first. */
export async function updateImport(
  db: DbOrTx,
  key: { tenantId: string; id: string; version: number },
  values: Partial<typeof planImports.$inferInsert>,
): Promise<PlanImportRow | null> {
  const [row] = await db
    .update(planImports)
    .set({ ...values, version: sql`${planImports.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(planImports.tenantId, key.tenantId),
        eq(planImports.id, key.id),
        eq(planImports.version, key.version),
      ),
    )
    .returning();
  return row ?? null;
}

/** An earlier plan or pending import of the same text, if any: importing twice is warned about. */
export async function findDuplicate(
  db: DbOrTx,
  tenantId: string,
  sourceHash: string,
  exceptImportId: string | null,
) {
  const [plan] = await db
    .select({ id: plans.id, title: plans.title })
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.sourceHash, sourceHash)))
    .limit(1);
  if (plan) return { kind: "plan" as const, id: plan.id, title: plan.title };
  const conditions = [
    eq(planImports.tenantId, tenantId),
    eq(planImports.sourceHash, sourceHash),
    eq(planImports.status, "reviewing"),
  ];
  if (exceptImportId) conditions.push(ne(planImports.id, exceptImportId));
  const [other] = await db
    .select({ id: planImports.id, draft: planImports.draft })
    .from(planImports)
    .where(and(...conditions))
    .limit(1);
  return other
    ? { kind: "import" as const, id: other.id, title: (other.draft as { title: string }).title }
    : null;
}
