import {
  type AssessmentAppealView,
  assessmentPermissions,
  assessmentTransitions,
  type CreateAssessmentAppealInput,
  type DecideAssessmentAppealInput,
  notificationLinks,
  type PageQuery,
  pageFrom,
  seesAllAssessments,
  shanghaiDate,
} from "@duban/domain";
import { AppError, notFound, uniqueViolation } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { findAttachableFiles } from "../evidence/index.js";
import { notify, notifyUnit } from "../notifications/index.js";
import * as repo from "./assessments.repository.js";
import { assertAdjustable, finalisedMessage } from "./review.js";
import { getRunRow, rescoreRun, staleRun } from "./runs.service.js";

const appealedTwice = "贵单位已就本次考评提出申诉，不能重复申诉";

function toView(r: { appeal: repo.AppealRow; unitName: string }): AssessmentAppealView {
  const a = r.appeal;
  return {
    id: a.id,
    assessmentId: a.assessmentId,
    unitId: a.unitId,
    unitName: r.unitName,
    reason: a.reason,
    fileIds: a.fileIds,
    status: a.status,
    decisionReason: a.decisionReason,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}

/** A run's appeals: all of them for the 督查室 and leaders, its own for a unit. */
export async function findAssessmentAppeals(ctx: ServiceContext, id: string, query: PageQuery) {
  await getRunRow(ctx, id);
  const rows = await repo.findAppeals(ctx.database.db, {
    tenantId: ctx.actor.tenantId,
    id,
    unitId: seesAllAssessments(ctx.actor) ? null : ctx.actor.unitId,
  });
  return pageFrom(rows.map(toView), query, {});
}

/** 409 unless the run takes appeals today: published, and its window open. */
function assertWindowOpen(
  state: { status: repo.AssessmentRow["status"]; appealUntil: string | null },
  today: string,
) {
  transition(assessmentTransitions, state.status, "appeal", (from) =>
    from === "finalised" ? "考评结果已定档，不能再申诉" : "考评结果尚未发布",
  );
  if (!state.appealUntil || today > state.appealUntil)
    throw new AppError("conflict", `申诉期已于 ${state.appealUntil} 结束，不能再提出申诉`);
}

/**
 * A unit appeals its published result within the window, with a reason and evidence: once per unit and run
 * (409 the second time, as after the window). The 督查室 is told.
 */
export async function createAssessmentAppeal(
  ctx: ServiceContext,
  id: string,
  input: CreateAssessmentAppealInput,
): Promise<AssessmentAppealView> {
  const { run } = await getRunRow(ctx, id);
  authorize(assessmentPermissions(ctx.actor), "appeal", "只有被考评单位可以提出申诉");
  const today = shanghaiDate(ctx.clock.now());
  assertWindowOpen(run, today);
  const tenantId = ctx.actor.tenantId;
  const unitId = ctx.actor.unitId!;
  const db = ctx.database.db;
  const [own] = await repo.findResults(db, { tenantId, id, unitId });
  if (!own) throw notFound("考评结果");
  const fileIds = [...new Set(input.fileIds ?? [])];
  await findAttachableFiles(db, ctx.actor, fileIds);
  const now = ctx.clock.now();
  let appealId: string;
  try {
    appealId = await db.transaction(async (tx) => {
      // Held until commit: a finalise of the run waits for this appeal and then finds it pending.
      const state = await repo.lockRunState(tx, { tenantId, id });
      if (!state) throw notFound("考评");
      assertWindowOpen(state, today);
      const row = await repo.insertAppeal(tx, {
        tenantId,
        assessmentId: id,
        unitId,
        reason: input.reason,
        fileIds,
        createdBy: ctx.actor.userId,
        createdAt: now,
      });
      await notify(tx, {
        tenantId,
        kind: "assessment.appeal_submitted",
        recipients: { roles: ["supervisor"] },
        title: `有单位对考评结果提出申诉，请处理`,
        body: input.reason,
        link: notificationLinks.assessment(id),
        entity: "assessment_appeal",
        entityId: row.id,
        dedupeKey: `assessment.appeal_submitted:${row.id}`,
        now,
      });
      await audit(ctx, tx, {
        action: "assessment_appeal.create",
        entity: "assessment_appeal",
        entityId: row.id,
        summary: { assessmentId: id, files: fileIds.length },
      });
      return row.id;
    });
  } catch (err) {
    if (uniqueViolation(err)) throw new AppError("conflict", appealedTwice);
    throw err;
  }
  const found = await repo.findAppeal(db, { tenantId, id: appealId });
  return toView(found!);
}

/**
 * The 督查室 decides an appeal with a reason: accepted with an adjustment of the unit's item (stored as an
 * appeal adjustment, the run re-scored and its results rewritten) or rejected; the unit is told. All in one
 * transaction; deciding twice is 409.
 */
export async function decideAssessmentAppeal(
  ctx: ServiceContext,
  appealId: string,
  input: DecideAssessmentAppealInput,
): Promise<AssessmentAppealView> {
  const tenantId = ctx.actor.tenantId;
  const db = ctx.database.db;
  const found = await repo.findAppeal(db, { tenantId, id: appealId });
  if (!found) throw notFound("申诉");
  const { appeal } = found;
  const { run } = await getRunRow(ctx, appeal.assessmentId);
  if (!seesAllAssessments(ctx.actor) && appeal.unitId !== ctx.actor.unitId) throw notFound("申诉");
  authorize(assessmentPermissions(ctx.actor), "decide", "只有督查室可以处理申诉");
  transition(assessmentTransitions, run.status, "decide", (from) =>
    from === "finalised" ? finalisedMessage : "考评结果尚未发布",
  );
  if (appeal.status !== "pending") throw new AppError("conflict", "该申诉已处理，不能重复处理");
  const accept = input.decision === "accept";
  if (accept)
    assertAdjustable(run, { unitId: appeal.unitId, itemKey: input.adjustment.itemKey }, "adjustment.");
  const now = ctx.clock.now();
  const runKey = { tenantId, id: run.id };
  await db.transaction(async (tx) => {
    const decided = await repo.decideAppeal(
      tx,
      { tenantId, id: appealId },
      {
        status: accept ? "accepted" : "rejected",
        decisionReason: input.reason,
        decidedBy: ctx.actor.userId,
        decidedAt: now,
      },
    );
    if (!decided) throw new AppError("conflict", "该申诉已处理，不能重复处理");
    const moved = await repo.updateRun(tx, { ...runKey, version: run.version, from: "published" }, {});
    if (!moved) throw new AppError("stale_version", staleRun);
    if (input.decision === "accept") {
      await repo.insertAdjustment(tx, {
        tenantId,
        assessmentId: run.id,
        unitId: appeal.unitId,
        itemKey: input.adjustment.itemKey,
        points: input.adjustment.points,
        reason: input.reason,
        source: "appeal",
        appealId,
        createdBy: ctx.actor.userId,
        createdAt: now,
      });
      await rescoreRun(tx, run);
    }
    await notifyUnit(tx, {
      tenantId,
      unitId: appeal.unitId,
      kind: "assessment.appeal_decided",
      title: accept ? "贵单位的考评申诉已采纳，得分已调整" : "贵单位的考评申诉未予采纳",
      body: input.reason,
      link: notificationLinks.assessment(run.id),
      entity: "assessment_appeal",
      entityId: appealId,
      dedupeKey: `assessment.appeal_decided:${appealId}`,
      now,
    });
    await audit(ctx, tx, {
      action: accept ? "assessment_appeal.accept" : "assessment_appeal.reject",
      entity: "assessment_appeal",
      entityId: appealId,
      summary: {
        assessmentId: run.id,
        reason: input.reason,
        ...(input.decision === "accept"
          ? { itemKey: input.adjustment.itemKey, points: input.adjustment.points }
          : {}),
      },
    });
  });
  return toView((await repo.findAppeal(db, { tenantId, id: appealId }))!);
}
