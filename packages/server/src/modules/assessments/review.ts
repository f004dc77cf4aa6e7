import {
  type AssessmentView,
  addDays,
  assessmentPermissions,
  assessmentTransitions,
  type CreateAssessmentAdjustmentInput,
  categoryOf,
  type FieldIssue,
  notificationLinks,
  type PageQuery,
  pageFrom,
  shanghaiDate,
} from "@duban/domain";
import { AppError, invalid } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { notifyUnit } from "../notifications/index.js";
import * as repo from "./assessments.repository.js";
import { getAssessment, getRunRow, rescoreRun, staleRun } from "./runs.service.js";

/** Why a finalised run refuses every change. */
export const finalisedMessage = "该考评已定档锁定，不能再修改；如需重新考评，请新建一次考评";

/**
 * The item of the run's scheme that a unit's points may be adjusted under: the unit must have been scored in the
 * run, and the item belong to its category. Otherwise 400 naming the field (`at` prefixes the path).
 */
export function assertAdjustable(
  run: Pick<repo.AssessmentRow, "scheme" | "facts">,
  target: { unitId: string; itemKey: string },
  at = "",
): void {
  const issue = (path: string, message: string) =>
    invalid([{ path: `${at}${path}`, message } satisfies FieldIssue]);
  const unit = run.facts.units.find((u) => u.unitId === target.unitId);
  const category = unit && categoryOf(run.scheme, unit);
  if (!unit || !category) throw issue("unitId", "该单位不在本次考评中");
  if (!category.items.some((i) => i.key === target.itemKey))
    throw issue("itemKey", `“${category.label}”类别没有该考评项`);
}

/**
 * The 督查室 adjusts a unit's item in a draft run with a reason: the adjustment is stored, the run re-scored from
 * its frozen facts with all its adjustments and its results rewritten, in one transaction.
 */
export async function adjustAssessment(
  ctx: ServiceContext,
  id: string,
  input: CreateAssessmentAdjustmentInput,
) {
  const { run } = await getRunRow(ctx, id);
  authorize(assessmentPermissions(ctx.actor), "adjust", "只有督查室可以调整考评得分");
  transition(assessmentTransitions, run.status, "adjust", (from) =>
    from === "finalised" ? finalisedMessage : "考评结果已发布，得分只能通过申诉调整",
  );
  if (run.version !== input.version) throw new AppError("stale_version", staleRun);
  assertAdjustable(run, input);
  const tenantId = ctx.actor.tenantId;
  return ctx.database.db.transaction(async (tx) => {
    const moved = await repo.updateRun(tx, { tenantId, id, version: input.version, from: "draft" }, {});
    if (!moved) throw new AppError("stale_version", staleRun);
    const row = await repo.insertAdjustment(tx, {
      tenantId,
      assessmentId: id,
      unitId: input.unitId,
      itemKey: input.itemKey,
      points: input.points,
      reason: input.reason,
      source: "review",
      createdBy: ctx.actor.userId,
      createdAt: ctx.clock.now(),
    });
    await rescoreRun(tx, run);
    await audit(ctx, tx, {
      action: "assessment.adjust",
      entity: "assessment",
      entityId: id,
      summary: { unitId: input.unitId, itemKey: input.itemKey, points: input.points, reason: input.reason },
    });
    return {
      id: row.id,
      unitId: row.unitId,
      itemKey: row.itemKey,
      points: row.points,
      reason: row.reason,
      source: row.source,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

/** A run's adjustments, for those who see all of it (a unit reads its own breakdown instead). */
export async function findAssessmentAdjustments(ctx: ServiceContext, id: string, query: PageQuery) {
  const { run } = await getRunRow(ctx, id);
  authorize(assessmentPermissions(ctx.actor), "adjust", "只有督查室可以查看调整记录");
  const rows = await repo.findAdjustments(ctx.database.db, { tenantId: run.tenantId, id });
  const items = rows.map((a) => ({
    id: a.id,
    unitId: a.unitId,
    itemKey: a.itemKey,
    points: a.points,
    reason: a.reason,
    source: a.source,
    createdAt: a.createdAt.toISOString(),
  }));
  return pageFrom(items, query, {});
}

/**
 * The 督查室 publishes a formal run to the units: the appeal window runs to today + the scheme's appeal days, and
 * each assessed unit's people are told, in one transaction. Publishing twice is 409.
 */
export async function publishAssessment(
  ctx: ServiceContext,
  id: string,
  input: { version: number },
): Promise<AssessmentView> {
  const { run } = await getRunRow(ctx, id);
  authorize(assessmentPermissions(ctx.actor), "publish", "只有督查室可以发布考评结果");
  if (!run.final) throw new AppError("conflict", "试评结果不能发布，请进行正式考评后发布");
  transition(assessmentTransitions, run.status, "publish", (from) =>
    from === "finalised" ? finalisedMessage : "该考评结果已发布，不能重复发布",
  );
  if (run.version !== input.version) throw new AppError("stale_version", staleRun);
  const tenantId = ctx.actor.tenantId;
  const now = ctx.clock.now();
  const appealUntil = addDays(shanghaiDate(now), run.scheme.appealDays);
  await ctx.database.db.transaction(async (tx) => {
    const moved = await repo.updateRun(
      tx,
      { tenantId, id, version: input.version, from: "draft" },
      { status: "published", appealUntil, publishedAt: now, publishedBy: ctx.actor.userId },
    );
    if (!moved) throw new AppError("stale_version", staleRun);
    const results = await repo.findResults(tx, { tenantId, id, unitId: null });
    for (const { result } of results)
      await notifyUnit(tx, {
        tenantId,
        unitId: result.unitId,
        kind: "assessment.published",
        title: `考评结果已发布：贵单位${result.grade}，如有异议请于 ${appealUntil} 前提出申诉`,
        body: `截至 ${run.asOf}，得分 ${result.total}`,
        link: notificationLinks.assessment(id),
        entity: "assessment",
        entityId: id,
        dedupeKey: `assessment.published:${id}`,
        now,
      });
    await audit(ctx, tx, {
      action: "assessment.publish",
      entity: "assessment",
      entityId: id,
      summary: { asOf: run.asOf, appealUntil, units: results.length },
    });
  });
  return getAssessment(ctx, id);
}

/**
 * The 督查室 finalises a published run once every appeal is decided: it is locked and never changes again. 409
 * while appeals are pending (the message says how many), and for anything but a published run.
 */
export async function finaliseAssessment(
  ctx: ServiceContext,
  id: string,
  input: { version: number },
): Promise<AssessmentView> {
  const row = await getRunRow(ctx, id);
  const { run } = row;
  authorize(assessmentPermissions(ctx.actor), "finalise", "只有督查室可以定档");
  transition(assessmentTransitions, run.status, "finalise", (from) =>
    from === "finalised" ? finalisedMessage : "考评结果尚未发布，发布并处理完申诉后才能定档",
  );
  const pending = (n: number) => new AppError("conflict", `还有 ${n} 条申诉未处理，请处理完所有申诉后再定档`);
  if (row.pendingAppeals > 0) throw pending(row.pendingAppeals);
  if (run.version !== input.version) throw new AppError("stale_version", staleRun);
  const tenantId = ctx.actor.tenantId;
  await ctx.database.db.transaction(async (tx) => {
    const moved = await repo.updateRun(
      tx,
      { tenantId, id, version: input.version, from: "published" },
      { status: "finalised", finalisedAt: ctx.clock.now(), finalisedBy: ctx.actor.userId },
    );
    if (!moved) throw new AppError("stale_version", staleRun);
    // An appeal written while this waited for the run's lock is pending now.
    const late = await repo.countPendingAppeals(tx, { tenantId, id });
    if (late > 0) throw pending(late);
    await audit(ctx, tx, {
      action: "assessment.finalise",
      entity: "assessment",
      entityId: id,
      summary: { asOf: run.asOf },
    });
  });
  return getAssessment(ctx, id);
}
