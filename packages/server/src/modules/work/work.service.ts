import { type Assignment, canSeeAssignment, type ReportRef } from "@duban/domain";
import { and, eq } from "drizzle-orm";
import { assignments } from "../../db/schema.js";
import { notFound } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { hasAnyRole } from "../../policy.js";
import { findAssignmentDetails, toAssignment } from "../assignments/index.js";
import { findUnit } from "../units/index.js";
import * as repo from "./work.repository.js";

/** Sorts by due date, soonest first; undated last. */
const byDue =
  <T>(due: (x: T) => string | null) =>
  (a: T, b: T) =>
    (due(a) ?? "9999").localeCompare(due(b) ?? "9999");

/** A unit's active assignments with this cycle's report state. */
async function unitWork(ctx: ServiceContext, unitId: string) {
  const { db } = ctx.database;
  const rows = await findAssignmentDetails(
    db,
    ctx.actor.tenantId,
    and(eq(assignments.unitId, unitId), eq(assignments.status, "active"))!,
  );
  const list = rows.map((r) => toAssignment(ctx, r));
  const cycles = await repo.findOpenCycles(db, ctx.actor.tenantId, [...new Set(list.map((a) => a.planId))]);
  const found = await repo.findReportsFor(
    db,
    ctx.actor.tenantId,
    list.map((a) => a.id),
    cycles.map((c) => c.id),
  );
  const reports: ReportRef[] = found;
  const due = list.flatMap((assignment) =>
    cycles
      .filter((c) => c.planId === assignment.planId)
      .map((c) => ({
        assignment,
        cycle: { id: c.id, name: c.name, dueDate: c.dueDate },
        report: reports.find((r) => r.assignmentId === assignment.id && r.cycleId === c.id) ?? null,
      })),
  );
  return { list, due };
}

/** 我的工作: what the actor must do now, most urgent first. */
export async function findMyWork(ctx: ServiceContext) {
  const unitId = ctx.actor.unitId;
  const mine = unitId ? await unitWork(ctx, unitId) : { list: [] as Assignment[], due: [] };
  const open = mine.due.filter((d) => !d.report || d.report.status === "draft");
  const returned = mine.due.filter((d) => d.report?.status === "returned");
  const reviewing =
    unitId && hasAnyRole(ctx.actor, "department")
      ? await repo.findReportsToReview(ctx.database.db, ctx.actor.tenantId, unitId)
      : [];
  return {
    toAcknowledge: mine.list.filter((a) => a.abilities.acknowledge).sort(byDue((a) => a.dueDate)),
    toReport: open.sort(byDue((d) => d.cycle.dueDate)),
    returned: returned.map((d) => ({ ...d, returnReason: d.report?.returnReason ?? null })),
    toReview: reviewing.map((r) => ({
      reportId: r.id,
      assignmentId: r.assignmentId,
      unitName: r.unitName,
      node: { id: r.nodeId, title: r.nodeTitle, number: r.nodeNumber },
      cycleName: r.cycleName,
      cycleDue: r.cycleDue,
      progress: r.progress,
      late: r.late,
      submittedAt: r.submittedAt?.toISOString() ?? null,
    })),
  };
}

/** A unit page: its assignments with lights; schools and inspectors may open only their own unit. */
export async function findUnitAssignments(ctx: ServiceContext, unitId: string) {
  // A unit's page shows its assignments, so it is open to whoever may see them.
  const unit = canSeeAssignment(ctx.actor, { unitId })
    ? await findUnit(ctx.database.db, ctx.actor.tenantId, unitId)
    : null;
  if (!unit) throw notFound("单位");
  const rows = await findAssignmentDetails(
    ctx.database.db,
    ctx.actor.tenantId,
    eq(assignments.unitId, unitId),
  );
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    assignments: rows.map((r) => toAssignment(ctx, r)),
  };
}
