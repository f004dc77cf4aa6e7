import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import {
  assessmentEntries,
  assignmentIndicators,
  assignments,
  indicatorFormulas,
  indicators,
  noticeEvents,
  rectifications,
  reportCycles,
  reportEvents,
  reports,
  reportValues,
  supervisionNotices,
  units,
} from "../../db/schema.js";

/**
 * The reads behind a run's facts, each one statement for the whole plan (never one per unit), so a plan of 300
 * schools is gathered in a handful of queries. `before` is the first instant after the assessment day.
 */
export interface FactsScope {
  tenantId: string;
  planId: string;
  /** The assessment day, YYYY-MM-DD. */
  asOf: string;
  /** Midnight (Shanghai) after the assessment day: what happened before it counts. */
  before: Date;
}

/** The plan's active assignments that existed on the assessment day, with their unit. */
export function findPlanAssignments(db: DbOrTx, s: FactsScope) {
  return db
    .select({ id: assignments.id, unitId: assignments.unitId, createdAt: assignments.createdAt })
    .from(assignments)
    .where(
      and(
        eq(assignments.tenantId, s.tenantId),
        eq(assignments.planId, s.planId),
        eq(assignments.status, "active"),
        lt(assignments.createdAt, s.before),
      ),
    );
}

/** The units of the tenant among `ids`, with what the categories and the last tie-break read. */
export function findUnitsByIds(db: DbOrTx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: units.id,
      name: units.name,
      code: units.code,
      kind: units.kind,
      schoolType: units.schoolType,
    })
    .from(units)
    .where(and(eq(units.tenantId, tenantId), inArray(units.id, ids)));
}

/** The plan's cycles due by the assessment day, oldest first: each owed one report per assignment. */
export function findDueCycles(db: DbOrTx, s: FactsScope) {
  return db
    .select({ id: reportCycles.id, name: reportCycles.name, dueDate: reportCycles.dueDate })
    .from(reportCycles)
    .where(
      and(
        eq(reportCycles.tenantId, s.tenantId),
        eq(reportCycles.planId, s.planId),
        lte(reportCycles.dueDate, s.asOf),
      ),
    )
    .orderBy(asc(reportCycles.dueDate), asc(reportCycles.id));
}

/**
 * The reports of the plan's cycles due by the assessment day, with the instant each was first submitted: the
 * earliest `submit` event, or the report's own submission time where that is earlier (a report's events are
 * stamped by the database, its submission by the app's clock).
 */
export function findDueReports(db: DbOrTx, s: FactsScope) {
  const firstSubmit = sql<Date | null>`least(${reports.submittedAt}, min(${reportEvents.createdAt}))`;
  return db
    .select({
      id: reports.id,
      cycleId: reports.cycleId,
      assignmentId: reports.assignmentId,
      firstSubmittedAt: firstSubmit.mapWith((v: string | Date | null) => (v === null ? null : new Date(v))),
    })
    .from(reports)
    .innerJoin(reportCycles, and(eq(reportCycles.id, reports.cycleId), eq(reportCycles.tenantId, s.tenantId)))
    .leftJoin(
      reportEvents,
      and(
        eq(reportEvents.reportId, reports.id),
        eq(reportEvents.tenantId, s.tenantId),
        eq(reportEvents.action, "submit"),
      ),
    )
    .where(
      and(
        eq(reports.tenantId, s.tenantId),
        eq(reportCycles.planId, s.planId),
        lte(reportCycles.dueDate, s.asOf),
      ),
    )
    .groupBy(reports.id);
}

/** The plan's 督办单 raised before the end of the assessment day. */
export function findPlanNotices(db: DbOrTx, s: FactsScope) {
  return db
    .select({
      id: supervisionNotices.id,
      unitId: supervisionNotices.unitId,
      level: supervisionNotices.level,
      documentNumber: supervisionNotices.documentNumber,
      replyDue: supervisionNotices.replyDue,
      createdAt: supervisionNotices.createdAt,
    })
    .from(supervisionNotices)
    .where(
      and(
        eq(supervisionNotices.tenantId, s.tenantId),
        eq(supervisionNotices.planId, s.planId),
        lt(supervisionNotices.createdAt, s.before),
      ),
    );
}

/** The history of the plan's 督办单 up to the end of the assessment day, in the order it happened. */
export function findPlanNoticeEvents(db: DbOrTx, s: FactsScope) {
  return db
    .select({
      noticeId: noticeEvents.noticeId,
      action: noticeEvents.action,
      level: noticeEvents.level,
      createdAt: noticeEvents.createdAt,
    })
    .from(noticeEvents)
    .innerJoin(
      supervisionNotices,
      and(eq(supervisionNotices.id, noticeEvents.noticeId), eq(supervisionNotices.tenantId, s.tenantId)),
    )
    .where(
      and(
        eq(noticeEvents.tenantId, s.tenantId),
        eq(supervisionNotices.planId, s.planId),
        lt(noticeEvents.createdAt, s.before),
      ),
    )
    .orderBy(asc(noticeEvents.createdAt), asc(noticeEvents.id));
}

/**
 * The tenant's 整改 items due within the plan year up to the assessment day. 整改 items belong to units, not
 * plans: the plan year is what ties them to the plan being assessed.
 */
export function findDueRectifications(db: DbOrTx, s: FactsScope & { year: number }) {
  return db
    .select({
      id: rectifications.id,
      unitId: rectifications.unitId,
      problem: rectifications.problem,
      deadline: rectifications.deadline,
      status: rectifications.status,
      verifiedAt: rectifications.verifiedAt,
    })
    .from(rectifications)
    .where(
      and(
        eq(rectifications.tenantId, s.tenantId),
        gte(rectifications.deadline, `${s.year}-01-01`),
        lte(rectifications.deadline, s.asOf),
      ),
    )
    .orderBy(asc(rectifications.deadline), asc(rectifications.id));
}

/**
 * The indicators each unit reports on its own active assignments, with their targets. A computed indicator
 * （计算指标）is the formula's figure over every unit's form data, never one unit's: it is left out.
 */
export function findUnitIndicators(db: DbOrTx, s: FactsScope) {
  return db
    .selectDistinct({
      unitId: assignments.unitId,
      indicatorId: indicators.id,
      name: indicators.name,
      comparator: indicators.comparator,
      target: indicators.targetValue,
      targetMax: indicators.targetMax,
      unit: indicators.unit,
      aggregation: indicators.aggregation,
      position: indicators.position,
    })
    .from(assignmentIndicators)
    .innerJoin(
      assignments,
      and(eq(assignments.id, assignmentIndicators.assignmentId), eq(assignments.tenantId, s.tenantId)),
    )
    .innerJoin(
      indicators,
      and(eq(indicators.id, assignmentIndicators.indicatorId), eq(indicators.tenantId, s.tenantId)),
    )
    .leftJoin(
      indicatorFormulas,
      and(eq(indicatorFormulas.indicatorId, indicators.id), eq(indicatorFormulas.tenantId, s.tenantId)),
    )
    .where(
      and(
        eq(assignmentIndicators.tenantId, s.tenantId),
        eq(assignments.planId, s.planId),
        eq(assignments.status, "active"),
        lt(assignments.createdAt, s.before),
        isNull(indicatorFormulas.indicatorId),
      ),
    )
    .orderBy(asc(indicators.position), asc(indicators.id));
}

/** Each unit's latest value of each of the plan's indicators approved by the end of the assessment day. */
export function findUnitIndicatorValues(db: DbOrTx, s: FactsScope) {
  return db
    .selectDistinctOn([reportValues.indicatorId, reports.unitId], {
      indicatorId: reportValues.indicatorId,
      unitId: reports.unitId,
      value: reportValues.value,
    })
    .from(reportValues)
    .innerJoin(reports, and(eq(reports.id, reportValues.reportId), eq(reports.tenantId, s.tenantId)))
    .innerJoin(
      indicators,
      and(eq(indicators.id, reportValues.indicatorId), eq(indicators.tenantId, s.tenantId)),
    )
    .where(
      and(
        eq(reportValues.tenantId, s.tenantId),
        eq(indicators.planId, s.planId),
        eq(reports.status, "approved"),
        lt(reports.reviewedAt, s.before),
      ),
    )
    .orderBy(reportValues.indicatorId, reports.unitId, desc(reports.reviewedAt), desc(reports.id));
}

/** The plan's manual entries that count: entered by the end of the assessment day and not revoked. */
export function findCountingEntries(db: DbOrTx, s: FactsScope) {
  return db
    .select({
      id: assessmentEntries.id,
      unitId: assessmentEntries.unitId,
      itemKey: assessmentEntries.itemKey,
      points: assessmentEntries.points,
      reason: assessmentEntries.reason,
    })
    .from(assessmentEntries)
    .where(
      and(
        eq(assessmentEntries.tenantId, s.tenantId),
        eq(assessmentEntries.planId, s.planId),
        lt(assessmentEntries.createdAt, s.before),
        isNull(assessmentEntries.revokedAt),
      ),
    )
    .orderBy(asc(assessmentEntries.createdAt), asc(assessmentEntries.id));
}
