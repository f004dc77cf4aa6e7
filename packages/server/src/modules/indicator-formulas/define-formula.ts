import {
  checkFormula,
  type FieldIssue,
  type FormField,
  type FormulaAst,
  type IndicatorFormulaPutInput,
  indicatorFormulaAbilities,
  isNodeOpen,
  parseFormula,
} from "@duban/domain";
import { AppError, invalid, notFound, staleVersion } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { computeRoundFigure, readLatestRound, recordFigure } from "./compute.js";
import * as repo from "./indicator-formulas.repository.js";
import { getReadableIndicator } from "./indicator-formulas.service.js";

/** An indicator whose formula the actor may define, or 404 / 403 / 409 (a 销号 task is frozen). */
async function getDefinableIndicator(ctx: ServiceContext, indicatorId: string) {
  const found = await getReadableIndicator(ctx, indicatorId);
  authorize(
    indicatorFormulaAbilities(ctx.actor, found.task),
    "define",
    "只有督查室或该任务的牵头科室可以设置计算公式",
  );
  if (!isNodeOpen(found.task)) throw new AppError("conflict", "任务已销号，不能再修改指标的计算方式");
  return found;
}

/** One problem of a formula, naming where in the source it is (a 1-based character position for people). */
interface FormulaIssue extends FieldIssue {
  at: number | null;
}

/** Parses and checks a formula against the form's fields; throws 400 naming the problem and its position. */
function validFormula(source: string, fields: FormField[]): FormulaAst {
  const parsed = parseFormula(source, fields);
  if (!parsed.ok) {
    const issue: FormulaIssue = { path: "source", message: parsed.message, at: parsed.at };
    throw invalid([issue], `计算公式第 ${parsed.at + 1} 个字符处有误：${parsed.message}`);
  }
  const problems = checkFormula(parsed.ast, fields);
  if (problems.length > 0) {
    const issues: FormulaIssue[] = problems.map((message) => ({ path: "source", message, at: null }));
    throw invalid(issues, `计算公式有误：${problems[0]}`);
  }
  return parsed.ast;
}

/**
 * `PUT /api/indicators/:id/formula`: defines or replaces how an indicator is computed from one form of its
 * plan, validated against the form's fields, and records the value at once. Replacing needs the version read.
 */
export async function putFormula(ctx: ServiceContext, indicatorId: string, input: IndicatorFormulaPutInput) {
  const found = await getDefinableIndicator(ctx, indicatorId);
  const { tenantId } = ctx.actor;
  const form = await repo.findForm(ctx.database.db, tenantId, input.formId);
  if (!form) throw notFound("填报表");
  if (form.planId !== found.plan.id)
    throw invalid([{ path: "formId", message: "该填报表不属于此指标所在的计划，请选择本计划的填报表" }]);
  const ast = validFormula(input.source, form.fields);
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const existing = await repo.findFormula(tx, tenantId, indicatorId);
    // A client that read no formula sends no version; one that read a formula sends its version.
    if ((existing?.version ?? undefined) !== input.version) throw staleVersion();
    const values = { formId: form.id, source: input.source, ast, updatedBy: ctx.actor.userId };
    const saved = existing
      ? await repo.updateFormula(tx, { tenantId, indicatorId, version: existing.version }, values)
      : await repo.insertFormula(tx, { tenantId, indicatorId, ...values });
    if (!saved) throw staleVersion();
    const { submissions } = await readLatestRound(tx, tenantId, form.id, [ast]);
    await recordFigure(tx, { tenantId, indicatorId, now }, computeRoundFigure(ast, submissions));
    await audit(ctx, tx, {
      action: "indicator.formula_set",
      entity: "indicator",
      entityId: indicatorId,
      summary: { formId: form.id, source: input.source, before: existing?.source ?? null },
    });
  });
}

/** `DELETE /api/indicators/:id/formula`: the indicator goes back to reported values; its computed history goes. */
export async function deleteFormula(ctx: ServiceContext, indicatorId: string) {
  await getDefinableIndicator(ctx, indicatorId);
  const { tenantId } = ctx.actor;
  const existing = await repo.findFormula(ctx.database.db, tenantId, indicatorId);
  if (!existing) throw notFound("计算公式");
  await ctx.database.db.transaction(async (tx) => {
    if (!(await repo.deleteFormula(tx, tenantId, indicatorId))) throw notFound("计算公式");
    await audit(ctx, tx, {
      action: "indicator.formula_delete",
      entity: "indicator",
      entityId: indicatorId,
      summary: { formId: existing.formId, source: existing.source },
    });
  });
}
