import {
  type FormSubmission,
  type FormSubmissionReturnInput,
  type FormSubmissionVersionInput,
  formSubmissionPermissions,
  formSubmissionTransitions,
  notificationLinks,
} from "@duban/domain";
import { AppError } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { notify } from "../notifications/index.js";
import { runFormDataChanged } from "./data-changed-hook.js";
import * as repo from "./form-submissions.repository.js";
import { getSubmission, getSubmissionRow, STALE_SUBMISSION } from "./form-submissions.service.js";

/** Why a submission cannot be reviewed now. */
function notReviewable(status: string): string {
  if (status === "approved") return "该填报已审核通过并锁定";
  if (status === "returned") return "该填报已退回，等待单位修改后重新提交";
  return "该填报尚未提交，不能审核";
}

/** A submission the actor may review (403 otherwise), in a state that allows `action` (409 otherwise). */
async function getReviewable(ctx: ServiceContext, id: string, action: "approve" | "return", version: number) {
  const row = await getSubmissionRow(ctx, id);
  const may = formSubmissionPermissions(ctx.actor, row.submission, row.form);
  authorize(may, "review", "只有填报表的负责科室或督查室可以审核");
  const status = transition(formSubmissionTransitions, row.submission.status, action, notReviewable);
  if (row.submission.version !== version) throw new AppError("stale_version", STALE_SUBMISSION);
  return { row, status };
}

/**
 * The form's manager approves a submitted form: it is locked, and the computed indicators over the form are
 * recomputed in the same transaction, so a value never shows data that was not approved.
 */
export async function approveSubmission(
  ctx: ServiceContext,
  id: string,
  input: FormSubmissionVersionInput,
): Promise<FormSubmission> {
  const { row, status } = await getReviewable(ctx, id, "approve", input.version);
  const now = ctx.clock.now();
  const tenantId = ctx.actor.tenantId;
  await ctx.database.db.transaction(async (tx) => {
    const key = { tenantId, id, version: input.version, from: row.submission.status };
    const saved = await repo.updateSubmission(tx, key, {
      status,
      reviewedAt: now,
      reviewedBy: ctx.actor.userId,
      updatedAt: now,
    });
    if (!saved) throw new AppError("stale_version", STALE_SUBMISSION);
    await repo.insertSubmissionEvent(tx, {
      tenantId,
      submissionId: id,
      action: "approved",
      values: row.submission.values,
      actorId: ctx.actor.userId,
      createdAt: now,
    });
    await runFormDataChanged(tx, { tenantId, formId: row.form.id, now });
    await audit(ctx, tx, {
      action: "form_submission.approve",
      entity: "form_submission",
      entityId: id,
      summary: { form: row.form.title, unit: row.unitName },
    });
  });
  return getSubmission(ctx, id);
}

/** The form's manager returns a submitted form to its unit with a reason; the unit is told and corrects it. */
export async function returnSubmission(
  ctx: ServiceContext,
  id: string,
  input: FormSubmissionReturnInput,
): Promise<FormSubmission> {
  const { row, status } = await getReviewable(ctx, id, "return", input.version);
  const now = ctx.clock.now();
  const tenantId = ctx.actor.tenantId;
  const s = row.submission;
  await ctx.database.db.transaction(async (tx) => {
    const key = { tenantId, id, version: input.version, from: s.status };
    const saved = await repo.updateSubmission(tx, key, {
      status,
      reviewedAt: now,
      reviewedBy: ctx.actor.userId,
      returnReason: input.reason,
      updatedAt: now,
    });
    if (!saved) throw new AppError("stale_version", STALE_SUBMISSION);
    await repo.insertSubmissionEvent(tx, {
      tenantId,
      submissionId: id,
      action: "returned",
      reason: input.reason,
      actorId: ctx.actor.userId,
      createdAt: now,
    });
    // The one who handed it in hears of it; an imported one without a submitter, its unit.
    await notify(tx, {
      tenantId,
      kind: "form.returned",
      recipients: s.submittedBy ? { userIds: [s.submittedBy] } : { unitId: s.unitId },
      title: `${row.form.title}（${row.round.name}）被退回，请修改后重新提交`,
      body: `退回原因：${input.reason}`,
      link: notificationLinks.formSubmission(id),
      entity: "form_submission",
      entityId: id,
      dedupeKey: `form.returned:${id}:v${input.version}`,
      now,
    });
    await audit(ctx, tx, {
      action: "form_submission.return",
      entity: "form_submission",
      entityId: id,
      summary: { form: row.form.title, unit: row.unitName, reason: input.reason },
    });
  });
  return getSubmission(ctx, id);
}
