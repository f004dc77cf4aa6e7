import { type Form, type FormVersionInput, formPermissions, formTransitions } from "@duban/domain";
import { AppError } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { findPlan } from "../plans/index.js";
import * as repo from "./forms.repository.js";
import { getForm, getFormRow } from "./forms.service.js";

/** The message of a write that lost the race. */
const STALE = "该填报表已被他人修改，请刷新后再操作";

/**
 * Refuses (409) to archive a form a computed indicator still stands on while its plan runs: the indicator would
 * freeze at its last figure with nothing saying why. Once the plan is archived its figures are final anyway.
 */
async function assertNoLiveFormulas(ctx: ServiceContext, form: repo.FormRow) {
  const { db } = ctx.database;
  const formulas = await repo.findFormFormulas(db, ctx.actor.tenantId, form.id);
  if (formulas.length === 0) return;
  const plan = await findPlan(db, ctx.actor.tenantId, form.planId);
  if (plan?.plan.status === "archived") return;
  const names = formulas.map((f) => `“${f.name}”`).join("、");
  throw new AppError(
    "conflict",
    `该填报表被计算指标${names}的公式使用，计划尚未归档，不能归档；请先修改或删除这些指标的公式`,
    formulas.map((f) => ({ indicator: { id: f.indicatorId, name: f.name } })),
  );
}

/** Moves a form to `to` at the version the user saw, with its audit row, in one transaction. */
async function moveForm(
  ctx: ServiceContext,
  form: repo.FormRow,
  input: FormVersionInput & { to: "active" | "archived"; action: "form.archive" | "form.restore" },
) {
  await ctx.database.db.transaction(async (tx) => {
    const moved = await repo.updateForm(
      tx,
      { tenantId: ctx.actor.tenantId, id: form.id, version: input.version },
      { status: input.to, updatedAt: ctx.clock.now() },
    );
    if (!moved) throw new AppError("stale_version", STALE);
    await audit(ctx, tx, {
      action: input.action,
      entity: "form",
      entityId: form.id,
      summary: { title: form.title },
    });
  });
}

/**
 * 归档: a form no longer collected leaves the plan's list and takes no new round (manual or per cycle); its rounds
 * and submissions stay readable. Refused while one of its rounds is still open (units are filling it in) and
 * while a computed indicator of a running plan reads it.
 */
export async function archiveForm(ctx: ServiceContext, id: string, input: FormVersionInput): Promise<Form> {
  const { form } = await getFormRow(ctx, id);
  authorize(formPermissions(ctx.actor, form), "archive", "只有填报表的负责科室或督查室可以归档");
  transition(formTransitions, form.status, "archive", "只有已下发的填报表可以归档");
  if (form.version !== input.version) throw new AppError("stale_version", STALE);
  const open = (await repo.findFormRounds(ctx.database.db, ctx.actor.tenantId, id)).find(
    (r) => r.round.status === "open",
  );
  if (open)
    throw new AppError("conflict", `填报批次“${open.round.name}”尚未结束，请先结束该批次再归档填报表`);
  await assertNoLiveFormulas(ctx, form);
  await moveForm(ctx, form, { version: input.version, to: "archived", action: "form.archive" });
  return getForm(ctx, id);
}

/** Brings an archived form back: it is listed and may be sent again. */
export async function restoreForm(ctx: ServiceContext, id: string, input: FormVersionInput): Promise<Form> {
  const { form } = await getFormRow(ctx, id);
  authorize(formPermissions(ctx.actor, form), "restore", "只有填报表的负责科室或督查室可以恢复");
  transition(formTransitions, form.status, "restore", "该填报表未归档，无需恢复");
  if (form.version !== input.version) throw new AppError("stale_version", STALE);
  await moveForm(ctx, form, { version: input.version, to: "active", action: "form.restore" });
  return getForm(ctx, id);
}
