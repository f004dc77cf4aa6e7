import { and, asc, desc, eq, isNotNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { assignments, measures, reports, units } from "../../db/schema.js";

/** A plan's active assignments in unit order, with what a ledger row shows of each. */
export async function findLedgerAssignments(db: DbOrTx, tenantId: string, planId: string) {
  return db
    .select({
      id: assignments.id,
      nodeId: assignments.nodeId,
      unitId: assignments.unitId,
      unitName: units.name,
      role: assignments.role,
      measureText: measures.text,
      progress: assignments.progress,
      dueDate: assignments.dueDate,
    })
    .from(assignments)
    .innerJoin(units, eq(units.id, assignments.unitId))
    .leftJoin(measures, eq(measures.id, assignments.measureId))
    .where(
      and(
        eq(assignments.tenantId, tenantId),
        eq(assignments.planId, planId),
        eq(assignments.status, "active"),
      ),
    )
    .orderBy(asc(units.sortOrder), asc(units.name), asc(assignments.id));
}

/** A ledger's assignment row. */
export type LedgerAssignmentRow = Awaited<ReturnType<typeof findLedgerAssignments>>[number];

/**
 * Each assignment's latest approved report of the plan (approved by `until`, when given): its 最新进展, 存在问题
 * and 下步计划 are what the ledger prints. One DISTINCT ON pass, not a query per assignment.
 */
export async function findLatestApprovedReports(
  db: DbOrTx,
  tenantId: string,
  planId: string,
  until: Date | null,
) {
  return db
    .selectDistinctOn([reports.assignmentId], {
      assignmentId: reports.assignmentId,
      doneText: reports.doneText,
      problemsText: reports.problemsText,
      nextText: reports.nextText,
    })
    .from(reports)
    .innerJoin(assignments, eq(assignments.id, reports.assignmentId))
    .where(
      and(
        eq(reports.tenantId, tenantId),
        eq(assignments.planId, planId),
        eq(reports.status, "approved"),
        until ? lte(reports.reviewedAt, until) : undefined,
      ),
    )
    .orderBy(reports.assignmentId, desc(reports.reviewedAt), desc(reports.id));
}

/** When each assignment of the plan last submitted a report (by `until`, when given). */
export async function findLastSubmissions(db: DbOrTx, tenantId: string, planId: string, until: Date | null) {
  return db
    .select({
      assignmentId: reports.assignmentId,
      at: sql<Date>`max(${reports.submittedAt})`.mapWith(reports.submittedAt),
    })
    .from(reports)
    .innerJoin(assignments, eq(assignments.id, reports.assignmentId))
    .where(
      and(
        eq(reports.tenantId, tenantId),
        eq(assignments.planId, planId),
        isNotNull(reports.submittedAt),
        until ? lte(reports.submittedAt, until) : undefined,
      ),
    )
    .groupBy(reports.assignmentId);
}

/** The plan's active assignments with their report of one cycle, if any: what a 报送情况 counts. */
export async function findCycleFilings(db: DbOrTx, tenantId: string, cycle: { id: string; planId: string }) {
  return db
    .select({
      assignmentId: assignments.id,
      unitId: assignments.unitId,
      unitName: units.name,
      reportStatus: reports.status,
      late: reports.late,
      submittedAt: reports.submittedAt,
    })
    .from(assignments)
    .innerJoin(units, eq(units.id, assignments.unitId))
    .leftJoin(
      reports,
      and(
        eq(reports.tenantId, assignments.tenantId),
        eq(reports.assignmentId, assignments.id),
        eq(reports.cycleId, cycle.id),
      ),
    )
    .where(
      and(
        eq(assignments.tenantId, tenantId),
        eq(assignments.planId, cycle.planId),
        eq(assignments.status, "active"),
      ),
    );
}
