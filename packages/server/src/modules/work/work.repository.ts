import { and, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.js";
import { jsonStatement } from "../../db/json-statement.js";
import { preparedOnce } from "../../db/prepared-once.js";
import { assignments, planNodes, reportCycles, reports, units } from "../../db/schema.js";
import { idArray } from "../../db/sql-array.js";

// 我的工作's statements, each of one shape (lists of ids travel as arrays) and named: every page load runs them,
// so Drizzle builds them once per database handle and PostgreSQL plans them once per connection.

const p = (name: string) => sql.placeholder(name);

/** An open cycle as 我的工作 shows it, and a unit's report in one. */
export interface OpenCycle {
  id: string;
  planId: string;
  name: string;
  dueDate: string;
}
export interface CycleReport {
  id: string;
  assignmentId: string;
  cycleId: string;
  status: string;
  version: number;
  returnReason: string | null;
}

function cyclesWithReportsStatement(db: Db) {
  return jsonStatement<{ cycles: OpenCycle[]; reports: CycleReport[] }>(db, "my_work_cycles_reports", () => {
    const t = p("tenantId");
    const open = (alias: string) =>
      sql`${sql.identifier(alias)}."tenant_id" = ${t} and ${sql.identifier(alias)}."status" = 'open'
        and ${sql.identifier(alias)}."plan_id" = any(${p("planIds")}::uuid[])`;
    return {
      result: sql`json_build_object(
        'cycles', coalesce((select json_agg(json_build_object('id', "c"."id", 'planId', "c"."plan_id",
            'name', "c"."name", 'dueDate', "c"."due_date"))
          from "report_cycles" "c" where ${open("c")}), '[]'::json),
        'reports', coalesce((select json_agg(json_build_object('id', "r"."id", 'assignmentId', "r"."assignment_id",
            'cycleId', "r"."cycle_id", 'status', "r"."status", 'version', "r"."version",
            'returnReason', "r"."return_reason"))
          from "reports" "r" where "r"."tenant_id" = ${t} and "r"."assignment_id" = any(${p("assignmentIds")}::uuid[])
            and "r"."cycle_id" in (select "oc"."id" from "report_cycles" "oc" where ${open("oc")})), '[]'::json))`,
    };
  });
}

/**
 * In one statement, the open cycles of the given plans and the given assignments' reports in them: what a unit
 * has to write this cycle.
 */
export async function findOpenCyclesWithReports(
  db: Db,
  tenantId: string,
  planIds: string[],
  assignmentIds: string[],
): Promise<{ cycles: OpenCycle[]; reports: CycleReport[] }> {
  if (planIds.length === 0) return { cycles: [], reports: [] };
  const found = await cyclesWithReportsStatement(db).execute({
    tenantId,
    planIds: idArray(planIds),
    assignmentIds: idArray(assignmentIds),
  });
  return found ?? { cycles: [], reports: [] };
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
