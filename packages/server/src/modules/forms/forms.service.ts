import {
  canManageAllForms,
  canViewForms,
  canViewPlanStatus,
  type FieldIssue,
  type Form,
  type FormAutoRound,
  type FormCreateInput,
  type FormListQuery,
  type FormPage,
  type FormRoundCounts,
  type FormRoundSummary,
  type FormSummary,
  type FormUpdateInput,
  type FormVersionInput,
  formAbilities,
  formListAbilities,
  formPermissions,
  formTransitions,
} from "@duban/domain";
import { AppError, forbidden, invalid, notFound } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { findPlan } from "../plans/index.js";
import { findUnit } from "../units/index.js";
import { resolveAudience } from "./form-audience.js";
import {
  assertRemovedFieldsUnused,
  assertRulesParse,
  assertTypesKept,
  findFieldsInUse,
  rulesAfterRename,
} from "./form-definition.js";
import * as repo from "./forms.repository.js";

/** The message of a write that lost the race: someone saved, sent or deleted the form first. */
const STALE = "该填报表已被他人修改，请刷新后再操作";

/** The list shape of a round. */
export function toRoundSummary(row: { round: repo.FormRoundRow; counts: FormRoundCounts }): FormRoundSummary {
  const r = row.round;
  return {
    id: r.id,
    formId: r.formId,
    name: r.name,
    deadline: r.deadline,
    cycleId: r.cycleId,
    status: r.status,
    closedAt: r.closedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
    counts: row.counts,
  };
}

/** The list shape of a form. */
function toSummary(
  ctx: ServiceContext,
  row: { form: repo.FormRow; ownerName: string | null },
  roundCount: number,
): FormSummary {
  const f = row.form;
  return {
    id: f.id,
    planId: f.planId,
    title: f.title,
    description: f.description,
    status: f.status,
    ownerUnit: f.ownerUnitId ? { id: f.ownerUnitId, name: row.ownerName ?? "" } : null,
    fieldCount: f.fields.length,
    roundCount,
    version: f.version,
    updatedAt: f.updatedAt.toISOString(),
    abilities: formAbilities(ctx.actor, f, { hasRounds: roundCount > 0 }),
  };
}

/** A plan of the tenant the actor may read, or 404. */
async function getPlanRow(ctx: ServiceContext, planId: string) {
  const row = await findPlan(ctx.database.db, ctx.actor.tenantId, planId);
  if (!row || !canViewPlanStatus(ctx.actor, row.plan.status)) throw notFound("计划");
  return row.plan;
}

/** One form the actor may read (the bureau's roles), or 404: a unit sees a form only through its submission. */
export async function getFormRow(ctx: ServiceContext, id: string) {
  const row = canViewForms(ctx.actor) ? await repo.findForm(ctx.database.db, ctx.actor.tenantId, id) : null;
  if (!row) throw notFound("填报表");
  return row;
}

/** One form with its fields, rules, rounds and the fields computed indicators use. */
export async function getForm(ctx: ServiceContext, id: string): Promise<Form> {
  const row = await getFormRow(ctx, id);
  const { db } = ctx.database;
  const [rounds, fieldsInUse] = await Promise.all([
    repo.findFormRounds(db, ctx.actor.tenantId, id),
    findFieldsInUse(db, ctx.actor.tenantId, id),
  ]);
  return {
    ...toSummary(ctx, row, rounds.length),
    fields: row.form.fields,
    rules: row.form.rules,
    rounds: rounds.map(toRoundSummary),
    fieldsInUse,
    autoRound: row.form.autoRound ?? null,
  };
}

/** A page of a plan's forms (archived ones only when asked for), for the bureau's roles. */
export async function findForms(
  ctx: ServiceContext,
  planId: string,
  query: FormListQuery,
): Promise<FormPage> {
  if (!canViewForms(ctx.actor)) throw forbidden("只有局机关可以查看填报表；学校请在“我的填报”中填写");
  await getPlanRow(ctx, planId);
  const { rows, total } = await repo.findPlanForms(
    ctx.database.db,
    { tenantId: ctx.actor.tenantId, planId },
    query,
  );
  return {
    items: rows.map((r) => toSummary(ctx, r, r.roundCount)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    abilities: formListAbilities(ctx.actor),
  };
}

/**
 * The department a form belongs to: the 督查室 and administrators pick any department of the tenant (or none),
 * a department's form is its own.
 */
async function ownerOf(ctx: ServiceContext, wanted: string | null | undefined, current: string | null) {
  if (!canManageAllForms(ctx.actor)) {
    if (wanted !== undefined && wanted !== ctx.actor.unitId)
      throw invalid([{ path: "ownerUnitId", message: "科室只能为本科室定义填报表" }]);
    return current ?? ctx.actor.unitId;
  }
  if (wanted === undefined) return current;
  if (wanted === null) return null;
  const unit = await findUnit(ctx.database.db, ctx.actor.tenantId, wanted);
  if (unit?.kind !== "department" || !unit.enabled)
    throw invalid([{ path: "ownerUnitId", message: "负责科室不存在或已停用，请重新选择" }]);
  return unit.id;
}

/**
 * The standing setting 每个填报周期自动发放 as it is to be stored: its audience resolved now, so an id that is no
 * enabled unit or group of the tenant is refused (400) when saved, not when a cycle opens. Undefined keeps
 * `current`; null turns the setting off.
 */
async function autoRoundOf(
  ctx: ServiceContext,
  wanted: FormAutoRound | null | undefined,
  current: FormAutoRound | null,
): Promise<FormAutoRound | null> {
  if (wanted === undefined) return current;
  if (wanted === null) return null;
  await resolveAudience(ctx, ctx.database.db, wanted).catch((e: unknown) => {
    if (!(e instanceof AppError) || !Array.isArray(e.details)) throw e;
    const issues = (e.details as FieldIssue[]).map((i) => ({ ...i, path: `autoRound.${i.path}` }));
    throw invalid(issues, e.message);
  });
  return wanted;
}

/** The 督查室, an administrator or a department defines a draft form of a plan. */
export async function createForm(ctx: ServiceContext, planId: string, input: FormCreateInput): Promise<Form> {
  authorize(formListAbilities(ctx.actor), "create", "只有督查室、系统管理员或科室可以定义填报表");
  await getPlanRow(ctx, planId);
  const rules = input.rules ?? [];
  assertRulesParse(input.fields, rules);
  const ownerUnitId = await ownerOf(ctx, input.ownerUnitId, null);
  const autoRound = await autoRoundOf(ctx, input.autoRound, null);
  const now = ctx.clock.now();
  const id = await ctx.database.db.transaction(async (tx) => {
    const row = await repo.insertForm(tx, {
      tenantId: ctx.actor.tenantId,
      planId,
      ownerUnitId,
      title: input.title,
      description: input.description ?? "",
      fields: input.fields,
      rules,
      autoRound,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await audit(ctx, tx, {
      action: "form.create",
      entity: "form",
      entityId: row.id,
      summary: { title: input.title, fields: input.fields.length },
    });
    return row.id;
  });
  return getForm(ctx, id);
}

/**
 * Saves the manager's edit of a form. While a draft anything changes; once sent, fields keep their types; a
 * field a computed indicator uses is never removed (409 naming the indicator).
 */
export async function updateForm(ctx: ServiceContext, id: string, input: FormUpdateInput): Promise<Form> {
  const { form } = await getFormRow(ctx, id);
  authorize(formPermissions(ctx.actor, form), "edit", "只有填报表的负责科室或督查室可以修改");
  transition(formTransitions, form.status, "edit", "该填报表已归档，不能再修改");
  if (form.version !== input.version) throw new AppError("stale_version", STALE);
  if (form.status !== "draft") assertTypesKept(form.fields, input.fields);
  const rules = rulesAfterRename(form.fields, input.fields, input.rules ?? []);
  assertRulesParse(input.fields, rules);
  const ownerUnitId = await ownerOf(ctx, input.ownerUnitId, form.ownerUnitId);
  const autoRound = await autoRoundOf(ctx, input.autoRound, form.autoRound);
  const key = { tenantId: ctx.actor.tenantId, formId: id };
  await ctx.database.db.transaction(async (tx) => {
    await assertRemovedFieldsUnused(tx, key, form.fields, input.fields);
    const saved = await repo.updateForm(
      tx,
      { tenantId: ctx.actor.tenantId, id, version: input.version },
      {
        title: input.title,
        description: input.description ?? "",
        fields: input.fields,
        rules,
        ownerUnitId,
        autoRound,
        updatedAt: ctx.clock.now(),
      },
    );
    if (!saved) throw new AppError("stale_version", STALE);
    await audit(ctx, tx, {
      action: "form.update",
      entity: "form",
      entityId: id,
      summary: { title: input.title, fields: input.fields.length },
    });
  });
  return getForm(ctx, id);
}

/** Deletes a form nothing was sent of; once a round went out its submissions keep it. */
export async function deleteForm(ctx: ServiceContext, id: string, input: FormVersionInput): Promise<void> {
  const { form } = await getFormRow(ctx, id);
  authorize(formPermissions(ctx.actor, form), "delete", "只有填报表的负责科室或督查室可以删除");
  const sent = "该填报表已下发，单位的填报记录须保留，不能删除";
  transition(formTransitions, form.status, "delete", sent);
  if (form.version !== input.version) throw new AppError("stale_version", STALE);
  const { db } = ctx.database;
  // A formula may count units without naming a field: any formula over the form keeps it.
  const formulas = await repo.findFormFormulas(db, ctx.actor.tenantId, id);
  if (formulas.length > 0)
    throw new AppError(
      "form_field_in_use",
      `该填报表被计算指标“${formulas[0]!.name}”的公式使用，不能删除；请先修改该指标的公式`,
      formulas.map((f) => ({ field: null, indicator: { id: f.indicatorId, name: f.name } })),
    );
  await db.transaction(async (tx) => {
    const gone = await repo.deleteForm(tx, { tenantId: ctx.actor.tenantId, id, version: input.version });
    // Moved, or a round was sent in the meantime.
    if (!gone) throw new AppError("stale_version", STALE);
    await audit(ctx, tx, {
      action: "form.delete",
      entity: "form",
      entityId: id,
      summary: { title: form.title },
    });
  });
}
