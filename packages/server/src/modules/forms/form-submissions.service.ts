import {
  canSeeFormSubmission,
  checkSubmission,
  type FormField,
  type FormRule,
  type FormSubmission,
  type FormSubmissionPage,
  type FormSubmissionSaveInput,
  type FormSubmissionSummary,
  type FormSubmissionVersionInput,
  type FormValues,
  formSubmissionAbilities,
  formSubmissionPermissions,
  formSubmissionTransitions,
  isAfterDate,
  type MySubmissionsQuery,
  shanghaiDate,
} from "@duban/domain";
import { AppError, forbidden, notFound } from "../../errors.js";
import { transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import * as repo from "./form-submissions.repository.js";

/** The message the slower of two people acting on one submission sees. */
export const STALE_SUBMISSION = "该填报刚被他人修改或审核，请刷新后再操作";

/** Why a submission cannot change, by its state or its round's. */
export function lockedMessage(status: string): string {
  if (status === "approved") return "该填报已审核通过并锁定，不能再修改";
  if (status === "submitted") return "该填报已提交，正在等待审核；如需修改，请联系负责科室退回";
  return "该填报当前不能执行此操作";
}

/** The list shape of a submission. */
export function toSubmissionSummary(
  ctx: ServiceContext,
  row: repo.SubmissionInContext,
): FormSubmissionSummary {
  const { submission: s, round, form } = row;
  return {
    id: s.id,
    form: { id: form.id, title: form.title, planId: form.planId },
    round: { id: round.id, name: round.name, deadline: round.deadline, status: round.status },
    unit: { id: s.unitId, name: row.unitName },
    status: s.status,
    late: s.late,
    submittedAt: s.submittedAt?.toISOString() ?? null,
    reviewedAt: s.reviewedAt?.toISOString() ?? null,
    returnReason: s.returnReason,
    version: s.version,
    updatedAt: s.updatedAt.toISOString(),
    abilities: formSubmissionAbilities(ctx.actor, s, { form, round }),
  };
}

/** One submission the actor may see (the bureau's roles, or its own unit), or 404: another unit's is not there. */
export async function getSubmissionRow(ctx: ServiceContext, id: string) {
  const row = await repo.findSubmission(ctx.database.db, ctx.actor.tenantId, id);
  if (!row || !canSeeFormSubmission(ctx.actor, row.submission)) throw notFound("填报");
  return row;
}

/** One submission with its values, its form's fields and rules, and its history. */
export async function getSubmission(ctx: ServiceContext, id: string): Promise<FormSubmission> {
  const row = await getSubmissionRow(ctx, id);
  const events = await repo.findSubmissionEvents(ctx.database.db, ctx.actor.tenantId, id);
  return {
    ...toSubmissionSummary(ctx, row),
    values: row.submission.values,
    fields: row.form.fields,
    rules: row.form.rules,
    history: events.map(({ event: e, actorName }) => ({
      id: e.id,
      action: e.action,
      values: e.values,
      reason: e.reason,
      actor: e.actorId ? { id: e.actorId, name: actorName ?? "" } : null,
      at: e.createdAt.toISOString(),
    })),
  };
}

/** The signed-in unit's submissions（我的填报）: open rounds first, by deadline. */
export async function findMySubmissions(
  ctx: ServiceContext,
  query: MySubmissionsQuery,
): Promise<FormSubmissionPage> {
  const unitId = ctx.actor.unitId;
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize, abilities: {} };
  if (!unitId) return empty;
  const { rows, total } = await repo.findUnitSubmissions(
    ctx.database.db,
    { tenantId: ctx.actor.tenantId, unitId, status: query.status },
    query,
  );
  return { ...empty, items: rows.map((r) => toSubmissionSummary(ctx, r)), total };
}

/**
 * Refuses (400, one detail per problem) values that do not fit the form. A draft is checked field by field
 * (type, bounds, decimals, options); handing in also checks required fields and the cross-field rules.
 */
export function assertValues(
  form: { fields: FormField[]; rules: FormRule[] },
  values: FormValues,
  mode: "draft" | "submit",
): void {
  // A value of no field: the form changed while the unit was filling it in.
  const known = new Set(form.fields.map((f) => f.key));
  const unknown = Object.keys(values)
    .filter((k) => !known.has(k))
    .map((k) => ({ field: k, message: `表中没有这一项（${k}）：请刷新页面后重新填写` }));
  const checked = checkSubmission(form.fields, form.rules, values, { draft: mode === "draft" });
  const problems = [...unknown, ...checked];
  if (problems.length === 0) return;
  throw new AppError(
    "validation_failed",
    problems.length === 1
      ? problems[0]!.message
      : `${problems[0]!.message}（共 ${problems.length} 处需要修改）`,
    problems.map((p) => ({ ...p, path: p.field ? `values.${p.field}` : "values" })),
  );
}

/** Refuses a change by anyone but the unit itself (403), in a state or round that does not allow it (409). */
function assertFillable(ctx: ServiceContext, row: repo.SubmissionInContext, action: "save" | "submit") {
  const { submission, round, form } = row;
  if (!formSubmissionPermissions(ctx.actor, submission, form).edit)
    throw forbidden("只有填报单位本单位的用户可以填写和提交");
  transition(formSubmissionTransitions, submission.status, action, lockedMessage);
  if (round.status !== "open") throw new AppError("conflict", "该填报批次已结束，不能再填写或提交");
}

/** The unit saves its values as they stand (a draft, or a returned submission being corrected). */
export async function saveSubmission(ctx: ServiceContext, id: string, input: FormSubmissionSaveInput) {
  const row = await getSubmissionRow(ctx, id);
  assertFillable(ctx, row, "save");
  const { submission } = row;
  if (submission.version !== input.version) throw new AppError("stale_version", STALE_SUBMISSION);
  assertValues(row.form, input.values, "draft");
  await ctx.database.db.transaction(async (tx) => {
    const key = { tenantId: ctx.actor.tenantId, id, version: input.version, from: submission.status };
    const saved = await repo.updateSubmission(tx, key, { values: input.values, updatedAt: ctx.clock.now() });
    if (!saved) throw new AppError("stale_version", STALE_SUBMISSION);
    await repo.insertSubmissionEvent(tx, {
      tenantId: ctx.actor.tenantId,
      submissionId: id,
      action: "saved",
      values: input.values,
      actorId: ctx.actor.userId,
      createdAt: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: "form_submission.save",
      entity: "form_submission",
      entityId: id,
      summary: { form: row.form.title, unit: row.unitName },
    });
  });
  return getSubmission(ctx, id);
}

/** The unit hands its saved values in for review, all checked; after the deadline it is marked late. */
export async function submitSubmission(ctx: ServiceContext, id: string, input: FormSubmissionVersionInput) {
  const row = await getSubmissionRow(ctx, id);
  assertFillable(ctx, row, "submit");
  const { submission, round } = row;
  if (submission.version !== input.version) throw new AppError("stale_version", STALE_SUBMISSION);
  // Values of fields removed from the form since they were saved are left behind, not held against the unit.
  const keys = new Set(row.form.fields.map((f) => f.key));
  const values = Object.fromEntries(Object.entries(submission.values).filter(([k]) => keys.has(k)));
  assertValues(row.form, values, "submit");
  const now = ctx.clock.now();
  // The deadline is the last Shanghai day to hand in: late from the next day on.
  const late = isAfterDate(shanghaiDate(now), round.deadline);
  await ctx.database.db.transaction(async (tx) => {
    const key = { tenantId: ctx.actor.tenantId, id, version: input.version, from: submission.status };
    const saved = await repo.updateSubmission(tx, key, {
      status: "submitted",
      values,
      late,
      submittedAt: now,
      submittedBy: ctx.actor.userId,
      returnReason: null,
      updatedAt: now,
    });
    if (!saved) throw new AppError("stale_version", STALE_SUBMISSION);
    await repo.insertSubmissionEvent(tx, {
      tenantId: ctx.actor.tenantId,
      submissionId: id,
      action: "submitted",
      values,
      actorId: ctx.actor.userId,
      createdAt: now,
    });
    await audit(ctx, tx, {
      action: "form_submission.submit",
      entity: "form_submission",
      entityId: id,
      summary: { form: row.form.title, unit: row.unitName, late },
    });
  });
  return getSubmission(ctx, id);
}
