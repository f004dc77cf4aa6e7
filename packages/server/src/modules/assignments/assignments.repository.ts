import { and, asc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { preparedOnce } from "../../db/prepared-once.js";
import {
  assignmentIndicators,
  assignments,
  indicators,
  measures,
  planNodes,
  plans,
  units,
} from "../../db/schema.js";
import { likePattern } from "../audit/index.js";

/** An assignment row. */
export type AssignmentRow = typeof assignments.$inferSelect;

/** No limit: drizzle's `limit` wants a number, and no task has this many assignments. */
const ALL = 2 ** 31 - 1;

/** The order of a task's assignment list and of every list of assignment details: task, then unit. */
const listOrder = [asc(planNodes.position), asc(units.sortOrder), asc(units.name), asc(assignments.id)];

/** Which of a node's assignments a list asks for: by unit, status and a keyword, and which page of them. */
export interface NodeAssignmentFilter {
  nodeId: string;
  unitId?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
  page?: { limit: number; offset: number };
}

/**
 * A node's assignments, narrowed by unit, status and a keyword in the unit's name or the 责任人, in list order,
 * as short rows with what the light filter needs and the count of all that match (before `page` cuts them): a
 * task of 300 units is filtered and paged here, and the page's details are read for its own ids alone.
 */
export async function findNodeAssignmentKeys(db: DbOrTx, tenantId: string, query: NodeAssignmentFilter) {
  const c: SQL[] = [eq(assignments.tenantId, tenantId), eq(assignments.nodeId, query.nodeId)];
  if (query.unitId) c.push(eq(assignments.unitId, query.unitId));
  if (query.status) c.push(eq(assignments.status, query.status as AssignmentRow["status"]));
  if (query.q) {
    const p = likePattern(query.q);
    c.push(or(ilike(units.name, p), ilike(assignments.responsiblePerson, p))!);
  }
  return db
    .select({
      id: assignments.id,
      unitId: assignments.unitId,
      status: assignments.status,
      progress: assignments.progress,
      dueDate: assignments.dueDate,
      // Counted before the limit applies: every row carries the whole count.
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(assignments)
    .innerJoin(planNodes, eq(planNodes.id, assignments.nodeId))
    .innerJoin(units, eq(units.id, assignments.unitId))
    .where(and(...c))
    .orderBy(...listOrder)
    .limit(query.page?.limit ?? ALL)
    .offset(query.page?.offset ?? 0);
}

/** The columns of an assignment with what the API shows beside it. */
const detailColumns = {
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
};

/** An assignment with what the API shows beside it. */
export async function findAssignmentDetails(db: DbOrTx, tenantId: string, where: SQL) {
  const rows = await db
    .select(detailColumns)
    .from(assignments)
    .innerJoin(planNodes, eq(planNodes.id, assignments.nodeId))
    .innerJoin(plans, eq(plans.id, assignments.planId))
    .innerJoin(units, eq(units.id, assignments.unitId))
    .leftJoin(measures, eq(measures.id, assignments.measureId))
    .where(and(eq(assignments.tenantId, tenantId), where))
    .orderBy(...listOrder);
  const indicatorIds = await findIndicatorIds(
    db,
    tenantId,
    rows.map((r) => r.assignment.id),
  );
  return rows.map((r) => ({ ...r, indicatorIds: indicatorIds.get(r.assignment.id) ?? [] }));
}

/** An assignment with its context. */
export type AssignmentDetail = Awaited<ReturnType<typeof findAssignmentDetails>>[number];

/**
 * A unit's active assignments with their details, as `findAssignmentDetails` reads them, in one named statement
 * (the indicator ids in a subquery): 我的工作 reads them on every load of a unit's user.
 */
export async function findActiveAssignmentDetailsOfUnit(
  db: DbOrTx,
  tenantId: string,
  unitId: string,
): Promise<AssignmentDetail[]> {
  const name = "unit_active_assignment_details";
  return preparedOnce(db, name, () =>
    db
      .select({
        ...detailColumns,
        indicatorIds: sql<string[]>`coalesce((select array_agg(${assignmentIndicators.indicatorId})::text[]
          from ${assignmentIndicators} where ${assignmentIndicators.tenantId} = ${assignments.tenantId}
          and ${assignmentIndicators.assignmentId} = ${assignments.id}), '{}'::text[])`,
      })
      .from(assignments)
      .innerJoin(planNodes, eq(planNodes.id, assignments.nodeId))
      .innerJoin(plans, eq(plans.id, assignments.planId))
      .innerJoin(units, eq(units.id, assignments.unitId))
      .leftJoin(measures, eq(measures.id, assignments.measureId))
      .where(
        and(
          eq(assignments.tenantId, sql.placeholder("tenantId")),
          eq(assignments.unitId, sql.placeholder("unitId")),
          eq(assignments.status, "active"),
        ),
      )
      .orderBy(...listOrder)
      .prepare(name),
  ).execute({ tenantId, unitId });
}

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

/** The unit and measure of each active assignment of a node: who already holds it. */
export async function findActiveAssignmentUnits(db: DbOrTx, tenantId: string, nodeId: string) {
  return db
    .select({ unitId: assignments.unitId, measureId: assignments.measureId })
    .from(assignments)
    .where(
      and(
        eq(assignments.tenantId, tenantId),
        eq(assignments.nodeId, nodeId),
        eq(assignments.status, "active"),
      ),
    );
}

/** Whether the measure belongs to the node. */
export async function isNodeMeasure(
  db: DbOrTx,
  target: { tenantId: string; nodeId: string; measureId: string },
): Promise<boolean> {
  const [m] = await db
    .select({ id: measures.id })
    .from(measures)
    .where(
      and(
        eq(measures.tenantId, target.tenantId),
        eq(measures.id, target.measureId),
        eq(measures.nodeId, target.nodeId),
      ),
    );
  return m !== undefined;
}

/** Which of the given indicator ids belong to the node. */
export async function findNodeIndicatorIds(
  db: DbOrTx,
  target: { tenantId: string; nodeId: string; ids: string[] },
): Promise<Set<string>> {
  const found = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(
      and(
        eq(indicators.tenantId, target.tenantId),
        eq(indicators.nodeId, target.nodeId),
        inArray(indicators.id, target.ids),
      ),
    );
  return new Set(found.map((f) => f.id));
}

/**
 * Recomputes a task's progress from its active assignments after they changed (one withdrawn, new ones added):
 * `roll_up_task_progress` (migrations `task_progress_roll_up`, `task_progress_sums`), which an approval runs too — it
 * locks the task row before reading the assignments, so a concurrent approval of the same task is counted.
 */
export async function rollupNodeProgress(db: DbOrTx, tenantId: string, nodeId: string): Promise<void> {
  await db.execute(sql`select roll_up_task_progress(${tenantId}::uuid, ${nodeId}::uuid, null, null)`);
}
