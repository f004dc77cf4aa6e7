import { and, asc, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { dataVersionOf } from "../../db/data-version.js";
import { readTogether } from "../../db/read-together.js";
import {
  assignmentIndicators,
  assignments,
  indicators,
  leaderInstructions,
  planNodes,
  planSnapshots,
  plans,
  rectifications,
  reportCycles,
  reports,
  supervisionNotices,
  units,
} from "../../db/schema.js";
import { findApprovedValuesUntil } from "./approved-values.repository.js";

// The outer 批示's columns written out in full: drizzle leaves a one-table select's columns unqualified.
const liEntity = sql.raw(`"leader_instructions"."entity"`);
const liEntityId = sql.raw(`"leader_instructions"."entity_id"`);

/** 督办单 still waiting on someone: not accepted and not closed by the scan. */
const liveNoticeStatuses = ["open", "replied", "returned"] as const;

/** A plan of the tenant, or undefined. */
export async function findSnapshotPlan(db: DbOrTx, tenantId: string, planId: string) {
  const [row] = await db
    .select({
      id: plans.id,
      title: plans.title,
      year: plans.year,
      status: plans.status,
      lightTolerance: plans.lightTolerance,
    })
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, planId)));
  return row;
}

/**
 * A plan of the tenant with the tenant's data version (see `dataVersions`) and the day of the snapshot `asOf`
 * reads (that day or the latest before; null when none), in one statement so all are of one moment: a cockpit
 * computed after this read is at least as new as that version. Undefined for no such plan.
 */
export async function findCockpitPlan(db: DbOrTx, at: { tenantId: string; planId: string; asOf: string }) {
  const { tenantId, planId, asOf } = at;
  const [row] = await db
    .select({
      id: plans.id,
      title: plans.title,
      year: plans.year,
      status: plans.status,
      dataVersion: dataVersionOf(tenantId),
      snapshotDay: sql<string | null>`(select "plan_snapshots"."day" from ${planSnapshots}
        where "plan_snapshots"."tenant_id" = ${tenantId} and "plan_snapshots"."plan_id" = ${planId}
        and "plan_snapshots"."day" <= ${asOf} order by "plan_snapshots"."day" desc limit 1)`,
    })
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, planId)));
  return row;
}

/** The plans the daily job records: published ones (archived plans are a closed record and do not change). */
export async function findPublishedPlanIds(db: DbOrTx, tenantId: string): Promise<string[]> {
  const rows = await db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.status, "published")));
  return rows.map((r) => r.id);
}

/**
 * Everything a plan's state on `day` is computed from, read in parallel: the tree, indicators with their approved
 * values (approved by `until`) and expected units, active assignments, the current cycle's reports, units, live
 * 督办单, 整改 items and unacknowledged 批示.
 */
export async function findSnapshotSources(
  db: DbOrTx,
  at: { tenantId: string; planId: string; day: string; until: Date },
) {
  const { tenantId, planId, day } = at;
  const [nodes, indicatorRows, values, indicatorUnits, assignmentRows, cycle, unitRows] = await readTogether(
    db,
    [
      db
        .select({
          id: planNodes.id,
          parentId: planNodes.parentId,
          level: planNodes.level,
          label: planNodes.label,
          number: planNodes.number,
          title: planNodes.title,
          leadUnitId: planNodes.leadUnitId,
          startDate: planNodes.startDate,
          dueDate: planNodes.dueDate,
          weight: planNodes.weight,
          progress: planNodes.progress,
          status: planNodes.status,
        })
        .from(planNodes)
        .where(and(eq(planNodes.tenantId, tenantId), eq(planNodes.planId, planId)))
        .orderBy(asc(planNodes.position)),
      db
        .select()
        .from(indicators)
        .where(and(eq(indicators.tenantId, tenantId), eq(indicators.planId, planId)))
        .orderBy(asc(indicators.position)),
      // Only each unit's latest approved value counts; picking it here spares reading twelve months of values.
      () => findApprovedValuesUntil(db, { tenantId, planId, until: at.until }),
      db
        .select({ indicatorId: assignmentIndicators.indicatorId, unitId: assignments.unitId })
        .from(assignmentIndicators)
        .innerJoin(assignments, eq(assignments.id, assignmentIndicators.assignmentId))
        .where(
          and(
            eq(assignmentIndicators.tenantId, tenantId),
            eq(assignments.planId, planId),
            eq(assignments.status, "active"),
          ),
        ),
      db
        .select({
          id: assignments.id,
          nodeId: assignments.nodeId,
          unitId: assignments.unitId,
          role: assignments.role,
          dueDate: assignments.dueDate,
          progress: assignments.progress,
        })
        .from(assignments)
        .where(
          and(
            eq(assignments.tenantId, tenantId),
            eq(assignments.planId, planId),
            eq(assignments.status, "active"),
          ),
        )
        .orderBy(asc(assignments.createdAt), asc(assignments.id)),
      findCurrentCycle(db, tenantId, planId, day),
      db
        .select({
          id: units.id,
          name: units.name,
          kind: units.kind,
          schoolType: units.schoolType,
          township: units.township,
        })
        .from(units)
        .where(eq(units.tenantId, tenantId)),
    ],
  );
  const [reportRows, supervision] = await readTogether(db, [
    () => (cycle ? findCycleReports(db, tenantId, cycle.id) : Promise.resolve([])),
    () => findSupervisionSources(db, { tenantId, planId, day }),
  ]);
  return {
    nodes,
    indicatorRows,
    values,
    indicatorUnits,
    assignmentRows,
    cycle,
    unitRows,
    reportRows,
    ...supervision,
  };
}

/** The cycle reports are counted in on `day`: the last one to have started by then. */
async function findCurrentCycle(db: DbOrTx, tenantId: string, planId: string, day: string) {
  const [row] = await db
    .select({
      id: reportCycles.id,
      name: reportCycles.name,
      startDate: reportCycles.startDate,
      dueDate: reportCycles.dueDate,
    })
    .from(reportCycles)
    .where(
      and(
        eq(reportCycles.tenantId, tenantId),
        eq(reportCycles.planId, planId),
        lte(reportCycles.startDate, day),
      ),
    )
    .orderBy(desc(reportCycles.startDate), desc(reportCycles.createdAt))
    .limit(1);
  return row ?? null;
}

/** A cycle's reports: whose assignment, how far along, and whether it came in late. */
async function findCycleReports(db: DbOrTx, tenantId: string, cycleId: string) {
  return db
    .select({ assignmentId: reports.assignmentId, status: reports.status, late: reports.late })
    .from(reports)
    .where(and(eq(reports.tenantId, tenantId), eq(reports.cycleId, cycleId)));
}

/** Live 督办单 by unit and level, days to first reply, 整改 items by unit, and unacknowledged 批示 of the plan. */
async function findSupervisionSources(db: DbOrTx, at: { tenantId: string; planId: string; day: string }) {
  const { tenantId, planId, day } = at;
  const planNotice = and(eq(supervisionNotices.tenantId, tenantId), eq(supervisionNotices.planId, planId));
  const [notices, replies, rectificationRows, instructions] = await readTogether(db, [
    db
      .select({
        unitId: supervisionNotices.unitId,
        level: supervisionNotices.level,
        n: sql<number>`count(*)::int`,
      })
      .from(supervisionNotices)
      .where(and(planNotice, inArray(supervisionNotices.status, [...liveNoticeStatuses])))
      .groupBy(supervisionNotices.unitId, supervisionNotices.level),
    // Days from raising to the first reply, over the notices replied to at all (avg skips the nulls).
    db
      .select({
        // Columns written out in full: drizzle leaves them unqualified, and the subquery has its own id.
        avg: sql<number | null>`avg(extract(epoch from ((select min(e.created_at) from notice_events e
          where e.tenant_id = ${tenantId} and e.notice_id = ${sql.raw('"supervision_notices"."id"')}
          and e.action = 'reply') - ${sql.raw('"supervision_notices"."created_at"')})) / 86400)::float8`,
      })
      .from(supervisionNotices)
      .where(planNotice),
    db
      .select({
        unitId: rectifications.unitId,
        open: sql<number>`count(*)::int`,
        overdue: sql<number>`(count(*) filter (where ${rectifications.status} in ('open', 'returned') and ${rectifications.deadline} < ${day}))::int`,
      })
      .from(rectifications)
      .where(and(eq(rectifications.tenantId, tenantId), sql`${rectifications.status} <> 'accepted'`))
      .groupBy(rectifications.unitId),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(leaderInstructions)
      .where(
        and(
          eq(leaderInstructions.tenantId, tenantId),
          isNull(leaderInstructions.acknowledgedAt),
          // EXISTS per instruction, not IN over the plan's reports: there are few 批示 and many reports.
          sql`exists (
            select 1 from plan_nodes n where ${liEntity} = 'plan_node'
              and n.id = ${liEntityId} and n.tenant_id = ${tenantId} and n.plan_id = ${planId}
            union all
            select 1 from supervision_notices sn where ${liEntity} = 'notice'
              and sn.id = ${liEntityId} and sn.tenant_id = ${tenantId} and sn.plan_id = ${planId}
            union all
            select 1 from reports r join assignments a on a.id = r.assignment_id
            where ${liEntity} = 'report' and r.id = ${liEntityId}
              and r.tenant_id = ${tenantId} and a.plan_id = ${planId})`,
        ),
      ),
  ]);
  return {
    notices,
    averageReplyDays: replies[0]?.avg ?? null,
    rectificationRows,
    unacknowledgedInstructions: instructions[0]?.n ?? 0,
  };
}

/** A stored snapshot row as the readers need it. */
export interface StoredSnapshot {
  day: string;
  takenAt: Date;
  data: unknown;
}

/**
 * Stores a plan's day unless that day is already stored: the unique key decides between concurrent writers, so
 * the first one wins and the others change nothing. True when this call stored it.
 */
export async function insertSnapshotOnce(
  db: DbOrTx,
  row: { tenantId: string; planId: string; day: string; takenAt: Date; totals: unknown; data: unknown },
): Promise<boolean> {
  const inserted = await db
    .insert(planSnapshots)
    .values(row)
    .onConflictDoNothing({ target: [planSnapshots.tenantId, planSnapshots.planId, planSnapshots.day] })
    .returning({ id: planSnapshots.id });
  return inserted.length > 0;
}

/** The snapshot of `asOf`, else the latest before it; undefined when none is that old. */
export async function findSnapshotAsOf(
  db: DbOrTx,
  at: { tenantId: string; planId: string; asOf: string },
): Promise<StoredSnapshot | undefined> {
  const [row] = await db
    .select({ day: planSnapshots.day, takenAt: planSnapshots.takenAt, data: planSnapshots.data })
    .from(planSnapshots)
    .where(
      and(
        eq(planSnapshots.tenantId, at.tenantId),
        eq(planSnapshots.planId, at.planId),
        lte(planSnapshots.day, at.asOf),
      ),
    )
    .orderBy(desc(planSnapshots.day))
    .limit(1);
  return row;
}

/** The totals of every stored day from `from` to `to`, oldest first: what a trend line is drawn from. */
export async function findSnapshotTotals(
  db: DbOrTx,
  at: { tenantId: string; planId: string; from: string; to: string },
) {
  return db
    .select({ day: planSnapshots.day, totals: planSnapshots.totals })
    .from(planSnapshots)
    .where(
      and(
        eq(planSnapshots.tenantId, at.tenantId),
        eq(planSnapshots.planId, at.planId),
        sql`${planSnapshots.day} between ${at.from} and ${at.to}`,
      ),
    )
    .orderBy(asc(planSnapshots.day));
}

/** Whether the plan's day is already stored, so a scheduler pass skips computing it again. */
export async function hasSnapshot(db: DbOrTx, at: { tenantId: string; planId: string; day: string }) {
  const [row] = await db
    .select({ id: planSnapshots.id })
    .from(planSnapshots)
    .where(
      and(
        eq(planSnapshots.tenantId, at.tenantId),
        eq(planSnapshots.planId, at.planId),
        eq(planSnapshots.day, at.day),
      ),
    );
  return row !== undefined;
}
