import { and, desc, eq, gte, inArray, lt } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { assignments, rectifications, reports, supervisionNotices, units } from "../../db/schema.js";

/** The plan's reports approved within [from, to), newest first, with their task and unit. */
export async function findApprovedReports(
  db: DbOrTx,
  tenantId: string,
  planId: string,
  window: { from: Date; to: Date },
) {
  return db
    .select({
      nodeId: assignments.nodeId,
      unitId: assignments.unitId,
      unitName: units.name,
      doneText: reports.doneText,
      problemsText: reports.problemsText,
      reviewedAt: reports.reviewedAt,
    })
    .from(reports)
    .innerJoin(
      assignments,
      and(eq(assignments.tenantId, reports.tenantId), eq(assignments.id, reports.assignmentId)),
    )
    .innerJoin(units, and(eq(units.tenantId, assignments.tenantId), eq(units.id, assignments.unitId)))
    .where(
      and(
        eq(reports.tenantId, tenantId),
        eq(assignments.planId, planId),
        eq(reports.status, "approved"),
        gte(reports.reviewedAt, window.from),
        lt(reports.reviewedAt, window.to),
      ),
    )
    .orderBy(desc(reports.reviewedAt), desc(reports.id));
}

/** The plan's 督办单 in the given (live) states, with their unit, oldest first. */
export async function findNoticesIn(
  db: DbOrTx,
  tenantId: string,
  planId: string,
  statuses: (typeof supervisionNotices.status.enumValues)[number][],
) {
  return db
    .select({
      id: supervisionNotices.id,
      nodeId: supervisionNotices.nodeId,
      unitName: units.name,
      documentNumber: supervisionNotices.documentNumber,
      level: supervisionNotices.level,
      reason: supervisionNotices.reason,
    })
    .from(supervisionNotices)
    .innerJoin(
      units,
      and(eq(units.tenantId, supervisionNotices.tenantId), eq(units.id, supervisionNotices.unitId)),
    )
    .where(
      and(
        eq(supervisionNotices.tenantId, tenantId),
        eq(supervisionNotices.planId, planId),
        inArray(supervisionNotices.status, statuses),
      ),
    )
    .orderBy(supervisionNotices.createdAt, supervisionNotices.id);
}

/**
 * The 整改 items in the given (live) states raised through one of the plan's 督办单: those are about a task. An
 * item from an inspection visit or a 安全隐患 is about a unit, not a task of the plan.
 */
export async function findTaskRectificationsIn(
  db: DbOrTx,
  tenantId: string,
  planId: string,
  statuses: (typeof rectifications.status.enumValues)[number][],
) {
  return db
    .select({
      nodeId: supervisionNotices.nodeId,
      unitName: units.name,
      problem: rectifications.problem,
      deadline: rectifications.deadline,
    })
    .from(rectifications)
    .innerJoin(
      supervisionNotices,
      and(
        eq(supervisionNotices.tenantId, rectifications.tenantId),
        eq(supervisionNotices.id, rectifications.sourceId),
      ),
    )
    .innerJoin(units, and(eq(units.tenantId, rectifications.tenantId), eq(units.id, rectifications.unitId)))
    .where(
      and(
        eq(rectifications.tenantId, tenantId),
        eq(rectifications.source, "supervision"),
        eq(supervisionNotices.planId, planId),
        inArray(rectifications.status, statuses),
      ),
    )
    .orderBy(rectifications.deadline, rectifications.id);
}
