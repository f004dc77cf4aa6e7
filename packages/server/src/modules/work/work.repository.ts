import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { preparedOnce } from "../../db/prepared-once.js";
import { assignments, planNodes, reportCycles, reports, units } from "../../db/schema.js";
import { idArray } from "../../db/sql-array.js";

// 我的工作's statements, each of one shape (lists of ids travel as arrays) and named: every page load runs them,
// so Drizzle builds them once per database handle and PostgreSQL plans them once per connection.

const p = (name: string) => sql.placeholder(name);

/** Open cycles of the plans the given assignments belong to. */
export async function findOpenCycles(db: DbOrTx, tenantId: string, planIds: string[]) {
  if (planIds.length === 0) return [];
  const name = "my_work_open_cycles";
  return preparedOnce(db, name, () =>
    db
      .select()
      .from(reportCycles)
      .where(
        and(
          eq(reportCycles.tenantId, p("tenantId")),
          sql`${reportCycles.planId} = any(${p("planIds")}::uuid[])`,
          eq(reportCycles.status, "open"),
        ),
      )
      .prepare(name),
  ).execute({ tenantId, planIds: idArray(planIds) });
}

/** The reports of some assignments in some cycles. */
export async function findReportsFor(
  db: DbOrTx,
  tenantId: string,
  assignmentIds: string[],
  cycleIds: string[],
) {
  if (assignmentIds.length === 0 || cycleIds.length === 0) return [];
  const name = "my_work_reports_for";
  return preparedOnce(db, name, () =>
    db
      .select({
        id: reports.id,
        assignmentId: reports.assignmentId,
        cycleId: reports.cycleId,
        status: reports.status,
        version: reports.version,
        returnReason: reports.returnReason,
      })
      .from(reports)
      .where(
        and(
          eq(reports.tenantId, p("tenantId")),
          sql`${reports.assignmentId} = any(${p("assignmentIds")}::uuid[])`,
          sql`${reports.cycleId} = any(${p("cycleIds")}::uuid[])`,
        ),
      )
      .prepare(name),
  ).execute({ tenantId, assignmentIds: idArray(assignmentIds), cycleIds: idArray(cycleIds) });
}

function reportsToReviewStatement(db: DbOrTx) {
  const name = "my_work_reports_to_review";
  return preparedOnce(db, name, () =>
    db
      .select({
        id: reports.id,
        progress: reports.progress,
        late: reports.late,
        submittedAt: reports.submittedAt,
        version: reports.version,
        assignmentId: reports.assignmentId,
        unitName: units.name,
        nodeId: planNodes.id,
        nodeTitle: planNodes.title,
        nodeNumber: planNodes.number,
        cycleName: reportCycles.name,
        cycleDue: reportCycles.dueDate,
        // Counted before the limit applies: every row carries the whole count.
        total: sql<number>`(count(*) over ())::int`,
      })
      .from(reports)
      .innerJoin(assignments, eq(assignments.id, reports.assignmentId))
      .innerJoin(planNodes, eq(planNodes.id, assignments.nodeId))
      .innerJoin(units, eq(units.id, reports.unitId))
      .innerJoin(reportCycles, eq(reportCycles.id, reports.cycleId))
      .where(
        and(
          eq(reports.tenantId, p("tenantId")),
          eq(reports.status, "submitted"),
          eq(planNodes.leadUnitId, p("leadUnitId")),
        ),
      )
      .orderBy(reports.submittedAt, reports.id)
      .limit(p("limit"))
      .prepare(name),
  );
}

/**
 * The first `limit` submitted reports waiting for review on tasks a unit leads, oldest first (the id orders
 * same-instant ones), each with the count of all of them: 我的工作 shows a page of its merged list, and no review
 * past the page's end can come before it, so a department with 300 reports to review reads one page's worth.
 */
export async function findReportsToReview(db: DbOrTx, tenantId: string, leadUnitId: string, limit: number) {
  return reportsToReviewStatement(db).execute({ tenantId, leadUnitId, limit });
}
