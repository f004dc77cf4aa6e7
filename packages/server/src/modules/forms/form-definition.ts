import {
  type FieldIssue,
  type FormField,
  type FormRule,
  type FormulaAst,
  formulaFieldKeys,
  formulaSource,
  parseRule,
} from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { AppError, invalid } from "../../errors.js";
import * as repo from "./forms.repository.js";

// Checks of a form's definition beyond its schema: rules that parse, fixed keys and types, fields in use.

/** Refuses (400) rules that do not parse over the form's fields, naming each rule. */
export function assertRulesParse(fields: FormField[], rules: FormRule[]): void {
  const issues: FieldIssue[] = [];
  rules.forEach((rule, i) => {
    const parsed = parseRule(rule.source, fields);
    if (!parsed.ok) issues.push({ path: `rules.${i}.source`, message: parsed.message });
  });
  if (issues.length) throw invalid(issues, `校验规则有误：${issues[0]!.message}`);
}

/**
 * The rules rewritten for renamed fields: a rule names fields by label, so a rule that read the form before the
 * edit but not after it is printed again from its parse over the old fields (keys stay, labels change). Rules
 * that parse either way, neither way, or use a removed field are left for `assertRulesParse` to judge.
 */
export function rulesAfterRename(before: FormField[], after: FormField[], rules: FormRule[]): FormRule[] {
  return rules.map((rule) => {
    if (parseRule(rule.source, after).ok) return rule;
    const old = parseRule(rule.source, before);
    // A rule over a field the edit removes keeps its words, so the refusal names the field by its label.
    const keys = new Set(after.map((f) => f.key));
    if (!old.ok || !formulaFieldKeys(old.ast).every((k) => keys.has(k))) return rule;
    return { ...rule, source: formulaSource(old.ast, after) };
  });
}

/**
 * Refuses (409) a change of an existing field's type once the form was sent: units' stored values and the
 * formulas over them were written for that type. Labels, help, unit, bounds, decimals, options and whether it
 * is required may change; they apply to what is saved from then on.
 */
export function assertTypesKept(before: FormField[], after: FormField[]): void {
  const old = new Map(before.map((f) => [f.key, f]));
  for (const field of after) {
    const was = old.get(field.key);
    if (was && was.type !== field.type)
      throw new AppError(
        "conflict",
        `填报表已下发，字段“${was.label}”的类型不能再修改；如需其他类型，请新增一个字段`,
      );
  }
}

/** The fields computed indicators' formulas use, each with the indicator, in indicator order. */
export async function findFieldsInUse(db: DbOrTx, tenantId: string, formId: string) {
  const formulas = await repo.findFormFormulas(db, tenantId, formId);
  return formulas.flatMap((f) =>
    formulaFieldKeys(f.ast as FormulaAst).map((fieldKey) => ({
      fieldKey,
      indicator: { id: f.indicatorId, name: f.name },
    })),
  );
}

/** Refuses (409 `form_field_in_use`) removing a field a computed indicator's formula uses, naming the indicator. */
export async function assertRemovedFieldsUnused(
  db: DbOrTx,
  key: { tenantId: string; formId: string },
  before: FormField[],
  after: FormField[],
): Promise<void> {
  const kept = new Set(after.map((f) => f.key));
  const removed = before.filter((f) => !kept.has(f.key));
  if (removed.length === 0) return;
  const uses = await findFieldsInUse(db, key.tenantId, key.formId);
  const blocked = uses.filter((u) => removed.some((f) => f.key === u.fieldKey));
  if (blocked.length === 0) return;
  const first = blocked[0]!;
  const label = removed.find((f) => f.key === first.fieldKey)!.label;
  throw new AppError(
    "form_field_in_use",
    `字段“${label}”被计算指标“${first.indicator.name}”的公式使用，不能删除；请先修改该指标的公式`,
    blocked.map((b) => ({ field: b.fieldKey, indicator: b.indicator })),
  );
}
