import {
  type ComputedRow,
  evaluateFormula,
  type FormField,
  type FormulaAst,
  type FormulaRow,
  type FormValues,
  formulaFieldKeys,
} from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import * as repo from "./indicator-formulas.repository.js";

type Submission = Awaited<ReturnType<typeof repo.findRoundSubmissions>>[number];

/** A formula's value over a round, with the coverage and the approved submissions behind it. */
export interface RoundFigure {
  value: number | null;
  reason: string | null;
  reported: number;
  expected: number;
  approved: Submission[];
}

/**
 * The data rule of computed indicators: the value is the formula over the approved submissions of the form's
 * latest round, one per unit; coverage is those units over the round's audience. Earlier rounds are other
 * periods and never mix into the figure; a unit whose submission is not approved yet is left out.
 */
export function computeRoundFigure(ast: FormulaAst, submissions: Submission[]): RoundFigure {
  const approved = submissions.filter((s) => s.status === "approved");
  const rows: FormulaRow[] = approved.map((s) => ({
    unit: {
      id: s.unit.id,
      kind: s.unit.kind,
      schoolType: s.unit.schoolType,
      ownership: s.unit.ownership,
      township: s.unit.township,
    },
    values: s.values,
  }));
  const result = evaluateFormula(ast, rows);
  return {
    value: result.value,
    reason: result.value === null ? (result.reason ?? "无数据") : null,
    reported: approved.length,
    expected: submissions.length,
    approved,
  };
}

/**
 * Reads the form's latest round and its submissions with the values of the fields the formulas use: what
 * formulas over the form are computed from.
 */
export async function readLatestRound(db: DbOrTx, tenantId: string, formId: string, asts: FormulaAst[]) {
  const round = await repo.findLatestRound(db, tenantId, formId);
  const keys = [...new Set(asts.flatMap((ast) => formulaFieldKeys(ast)))];
  const submissions = round ? await repo.findRoundSubmissions(db, tenantId, round.id, keys) : [];
  return { round, submissions };
}

/**
 * Appends the figure to the indicator's history when its value or coverage differs from the last point (or
 * there is none); returns whether it did.
 */
export async function recordFigure(
  tx: DbOrTx,
  target: { tenantId: string; indicatorId: string; now: Date },
  figure: Pick<RoundFigure, "value" | "reported" | "expected">,
): Promise<boolean> {
  const last = await repo.findLatestPoint(tx, target.tenantId, target.indicatorId);
  if (
    last &&
    last.value === figure.value &&
    last.reported === figure.reported &&
    last.expected === figure.expected
  )
    return false;
  await repo.insertPoint(tx, {
    tenantId: target.tenantId,
    indicatorId: target.indicatorId,
    value: figure.value,
    reported: figure.reported,
    expected: figure.expected,
    computedAt: target.now,
  });
  return true;
}

/**
 * Recomputes every indicator whose formula reads the form and appends a history point where the value or
 * coverage changed. Runs in the caller's transaction: the forms module calls it after an approval or an
 * import of approved rows, so the figure and the data behind it commit together.
 */
export async function recomputeFormIndicators(
  tx: DbOrTx,
  at: { tenantId: string; formId: string; now: Date },
): Promise<{ recomputed: number; changed: number }> {
  const formulas = await repo.findFormulasOfForm(tx, at.tenantId, at.formId);
  if (formulas.length === 0) return { recomputed: 0, changed: 0 };
  const asts = formulas.map((f) => f.ast as FormulaAst);
  const { submissions } = await readLatestRound(tx, at.tenantId, at.formId, asts);
  let changed = 0;
  for (const f of formulas) {
    const figure = computeRoundFigure(f.ast as FormulaAst, submissions);
    const target = { tenantId: at.tenantId, indicatorId: f.indicatorId, now: at.now };
    if (await recordFigure(tx, target, figure)) changed += 1;
  }
  return { recomputed: formulas.length, changed };
}

/** The keys of the form's fields a formula reads, the form's fields first in their order. */
export function usedFields(ast: FormulaAst, fields: FormField[]): FormField[] {
  const keys = new Set(formulaFieldKeys(ast));
  return fields.filter((f) => keys.has(f.key));
}

/** One approved submission as a drill-down row: the unit, its register attributes and the fields used. */
export function toComputedRow(submission: Submission, columns: FormField[]): ComputedRow {
  const { unit } = submission;
  const values: FormValues = {};
  for (const c of columns) values[c.key] = submission.values[c.key] ?? null;
  return {
    unitId: unit.id,
    unitName: unit.name,
    kind: unit.kind,
    schoolType: unit.schoolType,
    ownership: unit.ownership,
    inclusive: unit.ownership === "public" || unit.ownership === "private_inclusive",
    township: unit.township,
    values,
  };
}

/**
 * `recomputeFormIndicators` as the forms module's data-changed hook (approval, import, a new round): one function
 * for the process, so it runs once however many apps register it.
 */
export async function recomputeOnFormDataChanged(
  tx: DbOrTx,
  at: { tenantId: string; formId: string; now: Date },
): Promise<void> {
  await recomputeFormIndicators(tx, at);
}
