import { defaultPlanReminderSettings } from "@duban/domain";
import { type AnyColumn, and, eq, inArray, isNotNull, isNull, lt, ne, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import {
  assignments,
  planNodes,
  planReminderSettings,
  plans,
  rectifications,
  reminderLog,
  reportCycles,
  reports,
  tenants,
  units,
} from "../db/schema.js";
import { followedUpPlan } from "../modules/plans/index.js";

/**
 * Whether a due date has come within its reminder window by `today`: `due − remindDaysBefore ≤ today`, the first
 * day `dueReminders` can have anything to send. Compared as text against the window's last day, so a plan date
 * (`2023`, `2023-09`) sorts before every day it covers and is let through early, never late; the rules then decide.
 * The scheduler reads only these rows, not every unfinished assignment of the installation each minute.
 */
function withinReminderWindow(due: SQL | AnyColumn, today: string, remindDaysBefore: SQL | number): SQL {
  return sql`${due} <= to_char(${today}::date + ${remindDaysBefore}::int, 'YYYY-MM-DD')`;
}

/** A plan's remind-days setting, or the default when it has no settings row (left-joined). */
const planRemindDays = sql`coalesce(${planReminderSettings.remindDaysBefore}, ${defaultPlanReminderSettings.remindDaysBefore})`;

/**
 * Every active assignment of a plan followed up in `year` (published, not of a past year unless kept live)
 * paired with each open cycle of that plan for which the unit has not submitted: the work reminders are about.
 * Across all tenants: the scheduler serves the whole installation.
 */
export async function findUnreportedCycles(db: DbOrTx, year: number, today: string, tenantId?: string) {
  return (
    db
      .select({
        tenantId: assignments.tenantId,
        assignmentId: assignments.id,
        unitId: assignments.unitId,
        unitName: units.name,
        planId: plans.id,
        nodeId: planNodes.id,
        nodeTitle: planNodes.title,
        cycleId: reportCycles.id,
        cycleName: reportCycles.name,
        cycleDue: reportCycles.dueDate,
        remindDaysBefore: planReminderSettings.remindDaysBefore,
        escalateAfterDays: planReminderSettings.escalateAfterDays,
        remindWorkdaysOnly: planReminderSettings.remindWorkdaysOnly,
      })
      .from(assignments)
      .innerJoin(plans, and(eq(plans.id, assignments.planId), followedUpPlan(year)))
      .innerJoin(planNodes, eq(planNodes.id, assignments.nodeId))
      .innerJoin(units, eq(units.id, assignments.unitId))
      .innerJoin(
        reportCycles,
        and(
          eq(reportCycles.tenantId, assignments.tenantId),
          eq(reportCycles.planId, assignments.planId),
          eq(reportCycles.status, "open"),
        ),
      )
      .leftJoin(planReminderSettings, eq(planReminderSettings.planId, plans.id))
      // A returned or draft report still owes an answer; only submitted or approved ones end the reminders.
      .leftJoin(
        reports,
        and(
          eq(reports.tenantId, assignments.tenantId),
          eq(reports.cycleId, reportCycles.id),
          eq(reports.assignmentId, assignments.id),
          inArray(reports.status, ["submitted", "approved"]),
        ),
      )
      .where(
        and(
          eq(assignments.status, "active"),
          isNull(reports.id),
          withinReminderWindow(reportCycles.dueDate, today, planRemindDays),
          tenantId ? eq(assignments.tenantId, tenantId) : undefined,
        ),
      )
  );
}

/** One row per unreported cycle. */
export type UnreportedCycle = Awaited<ReturnType<typeof findUnreportedCycles>>[number];

/**
 * Every active assignment of a plan followed up in `year` whose task is not finished and has a due date: the assignment's own,
 * else its node's, still a plan date (`2023-09` or a day). Not finished is the lights' notion of not done
 * (`progress >= 100` or the node closed out（销号）), so the reminders stop when the assignment's light turns blue.
 */
export async function findUnfinishedAssignments(db: DbOrTx, year: number, today: string, tenantId?: string) {
  const due = sql<string>`coalesce(${assignments.dueDate}, ${planNodes.dueDate})`;
  return db
    .select({
      tenantId: assignments.tenantId,
      assignmentId: assignments.id,
      unitId: assignments.unitId,
      unitName: units.name,
      nodeTitle: planNodes.title,
      due,
      remindDaysBefore: planReminderSettings.remindDaysBefore,
      escalateAfterDays: planReminderSettings.escalateAfterDays,
      remindWorkdaysOnly: planReminderSettings.remindWorkdaysOnly,
    })
    .from(assignments)
    .innerJoin(plans, and(eq(plans.id, assignments.planId), followedUpPlan(year)))
    .innerJoin(planNodes, eq(planNodes.id, assignments.nodeId))
    .innerJoin(units, eq(units.id, assignments.unitId))
    .leftJoin(planReminderSettings, eq(planReminderSettings.planId, plans.id))
    .where(
      and(
        eq(assignments.status, "active"),
        lt(assignments.progress, 100),
        ne(planNodes.status, "closed"),
        isNotNull(due),
        withinReminderWindow(due, today, planRemindDays),
        tenantId ? eq(assignments.tenantId, tenantId) : undefined,
      ),
    );
}

/** One unfinished assignment with a due date, as a plan date. */
export type UnfinishedAssignment = Awaited<ReturnType<typeof findUnfinishedAssignments>>[number];

/**
 * Every 整改 item still owing the unit's answer: open, or returned by the verifier. A submitted item waits on the
 * verifier and an accepted one is closed out（销号）, so neither is reminded. Across all tenants, like the cycles.
 */
export async function findUnansweredRectifications(db: DbOrTx, today: string, tenantId?: string) {
  return db
    .select({
      tenantId: rectifications.tenantId,
      rectificationId: rectifications.id,
      unitId: rectifications.unitId,
      unitName: units.name,
      problem: rectifications.problem,
      status: rectifications.status,
      deadline: rectifications.deadline,
    })
    .from(rectifications)
    .innerJoin(units, eq(units.id, rectifications.unitId))
    .where(
      and(
        inArray(rectifications.status, ["open", "returned"]),
        withinReminderWindow(rectifications.deadline, today, defaultPlanReminderSettings.remindDaysBefore),
        tenantId ? eq(rectifications.tenantId, tenantId) : undefined,
      ),
    );
}

/** One 整改 item awaiting the unit. */
export type UnansweredRectification = Awaited<ReturnType<typeof findUnansweredRectifications>>[number];

/**
 * What a reminder is claimed for, besides its tenant and kind: an assignment's report for a cycle, the
 * assignment's own due date (no cycle), or a 整改 item — the three row shapes `reminder_log_subject` allows.
 */
export type ReminderClaimKey =
  | { assignmentId: string; cycleId: string }
  | { assignmentId: string; cycleId?: never }
  | { rectificationId: string };

/** One claim as a string, the same for a claim about to be made and one read back from reminder_log. */
export function claimId(claim: {
  tenantId: string;
  assignmentId?: string | null;
  cycleId?: string | null;
  rectificationId?: string | null;
  kind: string;
}): string {
  return [claim.tenantId, claim.assignmentId, claim.cycleId, claim.rectificationId, claim.kind]
    .map((part) => part ?? "")
    .join("|");
}

/**
 * Which of the given kinds are already claimed (as `claimId`s), read in one query so a run does not open a
 * transaction for every reminder sent on an earlier run. The unique keys still decide between racing processes.
 */
export async function findClaimed(db: DbOrTx, kinds: string[], tenantId?: string): Promise<Set<string>> {
  if (kinds.length === 0) return new Set();
  const rows = await db
    .select({
      tenantId: reminderLog.tenantId,
      assignmentId: reminderLog.assignmentId,
      cycleId: reminderLog.cycleId,
      rectificationId: reminderLog.rectificationId,
      kind: reminderLog.kind,
    })
    .from(reminderLog)
    .where(and(inArray(reminderLog.kind, kinds), tenantId ? eq(reminderLog.tenantId, tenantId) : undefined));
  return new Set(rows.map(claimId));
}

/** Claims a reminder; true only for the one process whose insert won the unique key. */
export async function claimReminder(
  tx: DbOrTx,
  claim: ReminderClaimKey & { tenantId: string; kind: string },
): Promise<boolean> {
  const rows = await tx
    .insert(reminderLog)
    .values(claim)
    .onConflictDoNothing()
    .returning({ id: reminderLog.id });
  return rows.length > 0;
}

/** Every tenant of the installation: the scheduler's automatic notices run tenant by tenant. */
export async function findTenantIds(db: DbOrTx): Promise<{ id: string }[]> {
  return db.select({ id: tenants.id }).from(tenants);
}
