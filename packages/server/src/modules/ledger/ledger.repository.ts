import { and, asc, desc, eq, isNotNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { assignments, measures, reports, units } from "../../db/schema.js";

/** One page of a long read: a ledger of 24 tasks × 300 units reads its 7 200 rows a page at a time. */
export interface RowPage {
  limit: number;
  offset: number;
}

/** A plan's active assignments in unit order (a page of them), with what a ledger row shows of each. */
export async function findLedgerAssignments(db: DbOrTx, tenantId: string, planId: string, page: RowPage) {
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
    .orderBy(asc(units.sortOrder), asc(units.name), asc(assignments.id))
    .limit(page.limit)
    .offset(page.offset);
}

/** A ledger's assignment row. */
export type LedgerAssignmentRow = Awaited<ReturnType<typeof findLedgerAssignments>>[number];

/**
 * Every row of a paged read, a page at a time: turning a page's rows into objects holds the event loop, and
 * 1 000 rows hold it a few milliseconds where 7 200 at once held it for a tenth of a second and more.
 */
export async function allPages<T>(read: (page: RowPage) => Promise<T[]>, limit = 1000): Promise<T[]> {
  const rows: T[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await read({ limit, offset });
    rows.push(...page);
    if (page.length < limit) return rows;
  }
}

/**
 * Each assignment's latest approved report of the plan (approved by `until`, when given): its 最新进展, 存在问题
 * and 下步计划 are what the ledger prints. One DISTINCT ON pass, not a query per assignment.
 */
export async function findLatestApprovedReports(
  db: DbOrTx,
  tenantId: string,
  planId: string,
  until: Date | null,
  page: RowPage,
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
    .orderBy(reports.assignmentId, desc(reports.reviewedAt), desc(reports.id))
    .limit(page.limit)
    .offset(page.offset);
}

/** When each assignment of the plan last submitted a report (by `until`, when given). */
export async function findLastSubmissions(
  db: DbOrTx,
  tenantId: string,
  planId: string,
  until: Date | null,
  page: RowPage,
) {
  return (
    db
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
      .groupBy(reports.assignmentId)
      // An order makes the pages add up to every group exactly once.
      .orderBy(reports.assignmentId)
      .limit(page.limit)
      .offset(page.offset)
  );
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
