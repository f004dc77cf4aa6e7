import type { ReportStatus } from "@duban/domain";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import {
  assignments,
  files,
  planNodes,
  reportCycles,
  reportEvents,
  reportFiles,
  reports,
  reportValues,
  units,
} from "../../db/schema.js";

/** A report row. */
export type ReportRow = typeof reports.$inferSelect;

/** Reports with their cycle and unit, filtered. */
async function findReportsWhere(db: DbOrTx, tenantId: string, where: ReturnType<typeof eq>) {
  return db
    .select({ report: reports, cycle: reportCycles, unitName: units.name })
    .from(reports)
    .innerJoin(reportCycles, eq(reportCycles.id, reports.cycleId))
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(and(eq(reports.tenantId, tenantId), where))
    .orderBy(desc(reportCycles.startDate));
}

/** One report with its cycle and unit, or null. */
export async function findReport(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await findReportsWhere(db, tenantId, eq(reports.id, id));
  return row ?? null;
}

/**
 * One report with its cycle and unit, and of its assignment and task what acting on it needs (the assignment's
 * version, the task's lead unit), in one query; null when absent.
 */
export async function findReportInContext(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await db
    .select({
      report: reports,
      cycle: reportCycles,
      unitName: units.name,
      assignment: { id: assignments.id, version: assignments.version, nodeId: assignments.nodeId },
      node: { leadUnitId: planNodes.leadUnitId },
    })
    .from(reports)
    .innerJoin(reportCycles, eq(reportCycles.id, reports.cycleId))
    .innerJoin(units, eq(units.id, reports.unitId))
    .innerJoin(assignments, eq(assignments.id, reports.assignmentId))
    .innerJoin(planNodes, eq(planNodes.id, assignments.nodeId))
    .where(and(eq(reports.tenantId, tenantId), eq(reports.id, id)));
  return row ?? null;
}

/** Every report of an assignment, newest cycle first. */
export function findAssignmentReports(db: DbOrTx, tenantId: string, assignmentId: string) {
  return findReportsWhere(db, tenantId, eq(reports.assignmentId, assignmentId));
}

/**
 * One page of a task's reports across its units (one unit's when `unitId` is set), newest cycle first, then the
 * latest submitted; the id keeps the order stable for reports submitted at the same instant.
 */
export async function findNodeReportsPage(
  db: DbOrTx,
  tenantId: string,
  filter: { nodeId: string; unitId?: string; status?: ReportStatus; page: number; pageSize: number },
) {
  const where = and(
    eq(reports.tenantId, tenantId),
    eq(assignments.nodeId, filter.nodeId),
    filter.unitId ? eq(reports.unitId, filter.unitId) : undefined,
    filter.status ? eq(reports.status, filter.status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ report: reports, cycle: reportCycles, unitName: units.name })
      .from(reports)
      .innerJoin(assignments, eq(assignments.id, reports.assignmentId))
      .innerJoin(reportCycles, eq(reportCycles.id, reports.cycleId))
      .innerJoin(units, eq(units.id, reports.unitId))
      .where(where)
      .orderBy(
        desc(reportCycles.dueDate),
        sql`${reports.submittedAt} desc nulls last`,
        asc(units.name),
        asc(reports.id),
      )
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ n: count() })
      .from(reports)
      .innerJoin(assignments, eq(assignments.id, reports.assignmentId))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** A report with its context. */
export type ReportDetail = NonNullable<Awaited<ReturnType<typeof findReport>>>;

/** The report an assignment has for a cycle, if any. */
export async function findCycleReport(db: DbOrTx, tenantId: string, assignmentId: string, cycleId: string) {
  const [row] = await db
    .select()
    .from(reports)
    .where(
      and(
        eq(reports.tenantId, tenantId),
        eq(reports.assignmentId, assignmentId),
        eq(reports.cycleId, cycleId),
      ),
    );
  return row ?? null;
}

/** Inserts a report. */
export async function insertReport(db: DbOrTx, values: typeof reports.$inferInsert): Promise<ReportRow> {
  const [row] = await db.insert(reports).values(values).returning();
  return row!;
}

/** Updates a report if its version still matches; null when someone else changed it first. */
export async function updateReport(
  db: DbOrTx,
  key: { tenantId: string; id: string; version: number },
  values: Partial<typeof reports.$inferInsert>,
): Promise<ReportRow | null> {
  const [row] = await db
    .update(reports)
    .set({ ...values, version: sql`${reports.version} + 1`, updatedAt: new Date() })
    .where(and(eq(reports.tenantId, key.tenantId), eq(reports.id, key.id), eq(reports.version, key.version)))
    .returning();
  return row ?? null;
}

/** Replaces a report's indicator values and evidence files. */
export async function replaceReportItems(
  db: DbOrTx,
  report: { tenantId: string; id: string },
  items: { values: { indicatorId: string; value: number }[]; fileIds: string[]; fresh?: boolean },
): Promise<void> {
  const scope = (t: typeof reportValues | typeof reportFiles) =>
    and(eq(t.tenantId, report.tenantId), eq(t.reportId, report.id));
  // A report just inserted has nothing to replace.
  if (!items.fresh) {
    await db.delete(reportValues).where(scope(reportValues));
    await db.delete(reportFiles).where(scope(reportFiles));
  }
  if (items.values.length)
    await db
      .insert(reportValues)
      .values(items.values.map((v) => ({ tenantId: report.tenantId, reportId: report.id, ...v })));
  if (items.fileIds.length)
    await db.insert(reportFiles).values(
      [...new Set(items.fileIds)].map((fileId, i) => ({
        tenantId: report.tenantId,
        reportId: report.id,
        fileId,
        position: i + 1,
      })),
    );
}

/** Indicator values and files of reports, keyed by report id. */
export async function findReportItems(db: DbOrTx, tenantId: string, reportIds: string[]) {
  if (reportIds.length === 0) return { values: [], files: [] };
  const [values, fileRows] = await Promise.all([
    db
      .select()
      .from(reportValues)
      .where(and(eq(reportValues.tenantId, tenantId), inArray(reportValues.reportId, reportIds))),
    db
      .select({ reportId: reportFiles.reportId, file: files })
      .from(reportFiles)
      .innerJoin(files, eq(files.id, reportFiles.fileId))
      .where(and(eq(reportFiles.tenantId, tenantId), inArray(reportFiles.reportId, reportIds)))
      // As the reporter attached them; files attached before positions were kept, as uploaded.
      .orderBy(reportFiles.position, files.createdAt, files.id),
  ]);
  return { values, files: fileRows };
}

/** Appends to a report's history. */
export async function insertReportEvent(
  db: DbOrTx,
  values: typeof reportEvents.$inferInsert,
): Promise<ReportEventRow> {
  const [row] = await db.insert(reportEvents).values(values).returning();
  return row!;
}

/** One entry of a report's history. */
export type ReportEventRow = typeof reportEvents.$inferSelect;

/** The history of reports, oldest first. */
export async function findReportEvents(db: DbOrTx, tenantId: string, reportIds: string[]) {
  if (reportIds.length === 0) return [];
  return db
    .select()
    .from(reportEvents)
    .where(and(eq(reportEvents.tenantId, tenantId), inArray(reportEvents.reportId, reportIds)))
    .orderBy(asc(reportEvents.id));
}
