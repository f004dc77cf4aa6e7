import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { inspections, units } from "../../db/schema.js";

/** One finding as stored in `inspections.findings`. */
export interface StoredFinding {
  key: string;
  text: string;
  rectificationId: string | null;
}

/** An inspection row. */
export type InspectionRow = typeof inspections.$inferSelect;

/** Inserts a visit record. */
export async function insertInspection(db: DbOrTx, values: typeof inspections.$inferInsert) {
  const [row] = await db.insert(inspections).values(values).returning();
  return row!;
}

/** One visit of the tenant with its school's name; `forUpdate` locks it for the rest of the transaction. */
export async function findInspection(db: DbOrTx, tenantId: string, id: string, forUpdate = false) {
  const query = db
    .select({ inspection: inspections, unitName: units.name })
    .from(inspections)
    .innerJoin(units, eq(units.id, inspections.unitId))
    .where(and(eq(inspections.tenantId, tenantId), eq(inspections.id, id)));
  const [row] = forUpdate ? await query.for("update", { of: inspections }) : await query;
  return row ?? null;
}

/** A visit with its school's name. */
export type InspectionDetail = NonNullable<Awaited<ReturnType<typeof findInspection>>>;

/** A page of visits, latest first; `inspectorId` narrows to one inspector's own. */
export async function findInspectionPage(
  db: DbOrTx,
  scope: { tenantId: string; inspectorId?: string | null; unitId?: string },
  page: { page: number; pageSize: number },
) {
  const parts: SQL[] = [eq(inspections.tenantId, scope.tenantId)];
  if (scope.inspectorId) parts.push(eq(inspections.inspectorId, scope.inspectorId));
  if (scope.unitId) parts.push(eq(inspections.unitId, scope.unitId));
  const where = and(...parts);
  const [rows, [total]] = await Promise.all([
    db
      .select({ inspection: inspections, unitName: units.name })
      .from(inspections)
      .innerJoin(units, eq(units.id, inspections.unitId))
      .where(where)
      .orderBy(desc(inspections.visitDate), desc(inspections.createdAt))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(inspections).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Replaces a visit's findings. */
export async function updateFindings(
  db: DbOrTx,
  key: { tenantId: string; id: string },
  findings: StoredFinding[],
): Promise<void> {
  await db
    .update(inspections)
    .set({ findings })
    .where(and(eq(inspections.tenantId, key.tenantId), eq(inspections.id, key.id)));
}
