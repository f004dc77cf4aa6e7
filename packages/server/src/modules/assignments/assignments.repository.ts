import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { assignmentIndicators, assignments, measures, planNodes, plans, units } from "../../db/schema.js";

/** An assignment row. */
export type AssignmentRow = typeof assignments.$inferSelect;

/** An assignment with what the API shows beside it. */
export async function findAssignmentDetails(db: DbOrTx, tenantId: string, where: SQL) {
  const rows = await db
    .select({
      assignment: assignments,
      node: {
        id: planNodes.id,
        title: planNodes.title,
        label: planNodes.label,
        number: planNodes.number,
        leadUnitId: planNodes.leadUnitId,
        startDate: planNodes.startDate,
        dueDate: planNodes.dueDate,
        status: planNodes.status,
      },
      plan: { id: plans.id, year: plans.year, title: plans.title, lightTolerance: plans.lightTolerance },
      unitName: units.name,
      measureText: measures.text,
    })
    .from(assignments)
    .innerJoin(planNodes, eq(planNodes.id, assignments.nodeId))
    .innerJoin(plans, eq(plans.id, assignments.planId))
    .innerJoin(units, eq(units.id, assignments.unitId))
    .leftJoin(measures, eq(measures.id, assignments.measureId))
    .where(and(eq(assignments.tenantId, tenantId), where))
    .orderBy(asc(planNodes.position), asc(units.sortOrder), asc(units.name));
  const indicatorIds = await findIndicatorIds(
    db,
    tenantId,
    rows.map((r) => r.assignment.id),
  );
  return rows.map((r) => ({ ...r, indicatorIds: indicatorIds.get(r.assignment.id) ?? [] }));
}

/** An assignment with its context. */
export type AssignmentDetail = Awaited<ReturnType<typeof findAssignmentDetails>>[number];

/** The indicators each assignment reports. */
async function findIndicatorIds(db: DbOrTx, tenantId: string, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .select()
    .from(assignmentIndicators)
    .where(and(eq(assignmentIndicators.tenantId, tenantId), inArray(assignmentIndicators.assignmentId, ids)));
  for (const r of rows) map.set(r.assignmentId, [...(map.get(r.assignmentId) ?? []), r.indicatorId]);
  return map;
}

/** One assignment with context, or null. */
export async function findAssignmentDetail(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await findAssignmentDetails(db, tenantId, eq(assignments.id, id));
  return row ?? null;
}

/** Inserts assignments and the indicators each reports. */
export async function insertAssignments(
  db: DbOrTx,
  rows: (typeof assignments.$inferInsert)[],
  indicatorIds: string[],
): Promise<AssignmentRow[]> {
  if (rows.length === 0) return [];
  const inserted = await db.insert(assignments).values(rows).returning();
  const links = inserted.flatMap((a) =>
    indicatorIds.map((indicatorId) => ({ tenantId: a.tenantId, assignmentId: a.id, indicatorId })),
  );
  if (links.length) await db.insert(assignmentIndicators).values(links);
  return inserted;
}

/** Updates an assignment if its version still matches; null when it changed meanwhile. */
export async function updateAssignment(
  db: DbOrTx,
  key: { tenantId: string; id: string; version: number },
  values: Partial<typeof assignments.$inferInsert>,
): Promise<AssignmentRow | null> {
  const [row] = await db
    .update(assignments)
    .set({ ...values, version: sql`${assignments.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(assignments.tenantId, key.tenantId),
        eq(assignments.id, key.id),
        eq(assignments.version, key.version),
      ),
    )
    .returning();
  return row ?? null;
}

/** Units of the tenant among the ids, enabled only. */
export async function findEnabledUnits(db: DbOrTx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.tenantId, tenantId), inArray(units.id, ids), eq(units.enabled, true)));
}
