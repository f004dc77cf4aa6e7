import {
  canViewForms,
  type FormRound,
  type FormRoundCreateInput,
  type FormRoundUnit,
  type FormRoundUrgeResult,
  type FormVersionInput,
  formPermissions,
  formRoundAbilities,
  formRoundPermissions,
  formTransitions,
  isAfterDate,
  notificationLinks,
  shanghaiDate,
  urgeOutcome,
} from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { AppError, invalid, notFound } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { findCycle } from "../cycles/index.js";
import { findSentDedupeKeys, notify } from "../notifications/index.js";
import { runFormDataChanged } from "./data-changed-hook.js";
import { resolveAudience } from "./form-audience.js";
import * as subs from "./form-submissions.repository.js";
import * as repo from "./forms.repository.js";
import { getFormRow, toRoundSummary } from "./forms.service.js";

/** The dedupe key of one unit's 催报 of a round on one Shanghai day: at most one a unit a day. */
const urgeKey = (roundId: string, unitId: string, day: string) => `form.urge:${roundId}:${unitId}:${day}`;

/** A submission the unit has not handed in（未报送 or 已退回 and not yet resubmitted）. */
const isMissing = (status: string) => status === "draft" || status === "returned";

/** One round of the tenant the actor may read (the bureau's roles), or 404. */
async function getRoundRow(ctx: ServiceContext, id: string) {
  const row = canViewForms(ctx.actor) ? await repo.findRound(ctx.database.db, ctx.actor.tenantId, id) : null;
  if (!row) throw notFound("填报批次");
  return row;
}

/** Refuses (400) a cycle that is not one of the form's plan's. */
async function assertCycleOfPlan(ctx: ServiceContext, cycleId: string, planId: string) {
  const cycle = await findCycle(ctx.database.db, ctx.actor.tenantId, cycleId);
  if (!cycle || cycle.planId !== planId)
    throw invalid([{ path: "cycleId", message: "填报周期不存在或不属于该填报表的计划" }]);
}

/**
 * Sends a form to units（下发）: one draft submission per unit named or in a group named, the form made active
 * (its fields' keys and types fixed from now on), all in one transaction.
 */
export async function createRound(ctx: ServiceContext, formId: string, input: FormRoundCreateInput) {
  const { form } = await getFormRow(ctx, formId);
  authorize(formPermissions(ctx.actor, form), "send", "只有填报表的负责科室或督查室可以下发");
  transition(formTransitions, form.status, "send", "该填报表已归档，不能再下发");
  const today = shanghaiDate(ctx.clock.now());
  if (isAfterDate(today, input.deadline))
    throw invalid([{ path: "deadline", message: `截止日期不能早于今天（${today}）` }]);
  if (input.cycleId) await assertCycleOfPlan(ctx, input.cycleId, form.planId);
  const unitIds = await resolveAudience(ctx, ctx.database.db, input);
  const id = await ctx.database.db.transaction(async (tx) => {
    const round = await sendRound(ctx, tx, { form, round: input, unitIds });
    if (!round) throw new AppError("conflict", "本填报表在该填报周期已有填报批次，请在已有批次中填报或催报");
    return round;
  });
  return getRound(ctx, id);
}

/**
 * Writes a round inside `tx`: the round, one draft submission per unit, the form made active when it was a draft,
 * the computed indicators started over and the audit row. Null when the form already has a round for that cycle
 * (the unique index decides, so two processes never send one cycle's round twice). The one path of the manual
 * 下发 and of the rounds each cycle sends on its own.
 */
export async function sendRound(
  ctx: ServiceContext,
  tx: DbOrTx,
  input: {
    form: repo.FormRow;
    round: { name: string; deadline: string; cycleId?: string | null | undefined };
    unitIds: string[];
  },
): Promise<string | null> {
  const { form, round: body, unitIds } = input;
  const now = ctx.clock.now();
  const tenantId = ctx.actor.tenantId;
  const round = await repo.insertRound(tx, {
    tenantId,
    formId: form.id,
    name: body.name,
    deadline: body.deadline,
    cycleId: body.cycleId ?? null,
    createdBy: ctx.actor.userId,
    createdAt: now,
  });
  if (!round) return null;
  await subs.insertDraftSubmissions(tx, { tenantId, roundId: round.id, formId: form.id, unitIds, now });
  if (form.status === "draft") {
    const activated = await repo.updateForm(
      tx,
      { tenantId, id: form.id, version: form.version },
      { status: "active", updatedAt: now },
    );
    if (!activated) throw new AppError("stale_version", "该填报表刚被他人修改，请刷新后再下发");
  }
  // The latest round is what computed indicators count: a new one starts them over at 已报 0/n.
  await runFormDataChanged(tx, { tenantId, formId: form.id, now });
  await audit(ctx, tx, {
    action: "form_round.create",
    entity: "form_round",
    entityId: round.id,
    summary: { form: form.title, name: body.name, deadline: body.deadline, units: unitIds.length },
  });
  return round.id;
}

/** Every audience unit's standing in the round: those who have not handed in first, then by name. */
async function roundUnits(ctx: ServiceContext, roundId: string): Promise<FormRoundUnit[]> {
  const { db } = ctx.database;
  const rows = await subs.findRoundSubmissions(db, ctx.actor.tenantId, roundId);
  const today = shanghaiDate(ctx.clock.now());
  const urged = await findSentDedupeKeys(
    db,
    ctx.actor.tenantId,
    rows.map((r) => urgeKey(roundId, r.submission.unitId, today)),
  );
  const units = rows.map(({ submission: s, unitName }) => ({
    unit: { id: s.unitId, name: unitName },
    submissionId: s.id,
    status: s.status,
    late: s.late,
    submittedAt: s.submittedAt?.toISOString() ?? null,
    reviewedAt: s.reviewedAt?.toISOString() ?? null,
    urgedToday: urged.has(urgeKey(roundId, s.unitId, today)),
  }));
  // Stable: within each half the repository's order by name stays.
  return [...units.filter((u) => isMissing(u.status)), ...units.filter((u) => !isMissing(u.status))];
}

/** A round with its form and 填报情况: who has filled, who is missing. */
export async function getRound(ctx: ServiceContext, id: string): Promise<FormRound> {
  const { round, form } = await getRoundRow(ctx, id);
  const units = await roundUnits(ctx, id);
  const n = (status: string) => units.filter((u) => u.status === status).length;
  const counts = {
    expected: units.length,
    draft: n("draft"),
    submitted: n("submitted"),
    returned: n("returned"),
    approved: n("approved"),
  };
  return {
    ...toRoundSummary({ round, counts }),
    form: { id: form.id, title: form.title, planId: form.planId },
    units,
    abilities: formRoundAbilities(ctx.actor, form, round),
  };
}

/**
 * 催报: reminds every unit that has not handed in, through the one notification path. The dedupe key names the
 * round, the unit and the Shanghai day, so a unit is told at most once a day however often the button is pressed.
 */
export async function urgeRound(ctx: ServiceContext, id: string): Promise<FormRoundUrgeResult> {
  const { round, form } = await getRoundRow(ctx, id);
  authorize(formRoundPermissions(ctx.actor, form), "urge", "只有填报表的负责科室或督查室可以催报");
  if (round.status !== "open") throw new AppError("conflict", "该填报批次已结束，无需催报");
  const missing = (await roundUnits(ctx, id)).filter((u) => isMissing(u.status));
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const reminded = await ctx.database.db.transaction(async (tx) => {
    let told = 0;
    for (const u of missing) {
      const users = await notify(tx, {
        tenantId: ctx.actor.tenantId,
        kind: "reminder_urge",
        recipients: { unitId: u.unit.id },
        title: `催报：${form.title}（${round.name}）尚未报送`,
        body: `${u.unit.name}：${form.title}（${round.name}）截止于 ${round.deadline}，请尽快填报并提交。`,
        link: notificationLinks.formSubmission(u.submissionId),
        entity: "form_submission",
        entityId: u.submissionId,
        dedupeKey: urgeKey(id, u.unit.id, today),
        now,
      });
      if (users > 0) told++;
    }
    await audit(ctx, tx, {
      action: "form_round.urge",
      entity: "form_round",
      entityId: id,
      summary: { form: form.title, name: round.name, missing: missing.length, reminded: told },
    });
    return told;
  });
  return urgeOutcome(missing.length, reminded);
}

/** Ends a round: no more filling in; what was approved counts as final, what was submitted may still be reviewed. */
export async function closeRound(
  ctx: ServiceContext,
  id: string,
  input: FormVersionInput,
): Promise<FormRound> {
  const { round, form } = await getRoundRow(ctx, id);
  authorize(formRoundPermissions(ctx.actor, form), "close", "只有填报表的负责科室或督查室可以结束填报批次");
  if (round.status !== "open") throw new AppError("conflict", "该填报批次已结束");
  const stale = "该填报批次已被他人修改，请刷新后再操作";
  if (round.version !== input.version) throw new AppError("stale_version", stale);
  await ctx.database.db.transaction(async (tx) => {
    const key = { tenantId: ctx.actor.tenantId, id, version: input.version };
    if (!(await repo.closeRound(tx, key, ctx.clock.now()))) throw new AppError("stale_version", stale);
    await audit(ctx, tx, {
      action: "form_round.close",
      entity: "form_round",
      entityId: id,
      summary: { form: form.title, name: round.name },
    });
  });
  return getRound(ctx, id);
}
