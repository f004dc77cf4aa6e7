/**
 * The formula language of 数据填报: computed indicators over approved form data and cross-field rules of one
 * submission, parsed into a JSON AST and evaluated without eval.
 */
import type { FormField, FormRule, FormValues } from "../forms.js";
import type {
  FormulaAst,
  FormulaParseResult,
  FormulaResult,
  FormulaRow,
  SubmissionProblem,
} from "./types.js";

export type * from "./types.js";

const notYet = (): never => {
  throw new Error("not implemented");
};

/** Parses an indicator formula such as `sum(在园幼儿数 where ownership=公办) / sum(在园幼儿数) × 100`. */
export function parseFormula(source: string, fields: FormField[]): FormulaParseResult {
  return notYet();
}

/** Parses a cross-field rule of one submission such as `公办在园幼儿数 <= 在园幼儿总数`. */
export function parseRule(source: string, fields: FormField[]): FormulaParseResult {
  return notYet();
}

/** Problems of a parsed formula or rule against the form's current fields; [] when it is fine. */
export function checkFormula(ast: FormulaAst, fields: FormField[]): string[] {
  return notYet();
}

/** Evaluates an indicator formula over the units' rows; never returns Infinity or NaN. */
export function evaluateFormula(ast: FormulaAst, rows: FormulaRow[]): FormulaResult {
  return notYet();
}

/** The formula read out in Chinese, e.g. "公办幼儿园的在园幼儿数之和 ÷ 在园幼儿数之和 × 100". */
export function formulaInWords(ast: FormulaAst, fields: FormField[]): string {
  return notYet();
}

/** The formula written back as source text with the fields' current labels（parses to the same AST）. */
export function formulaSource(ast: FormulaAst, fields: FormField[]): string {
  return notYet();
}

/** Keys of the fields a formula or rule uses（to refuse deleting them）. */
export function formulaFieldKeys(ast: FormulaAst): string[] {
  return notYet();
}

/** Every problem of one submission: each value against its field, then each cross-field rule. */
export function checkSubmission(
  fields: FormField[],
  rules: FormRule[],
  values: FormValues,
): SubmissionProblem[] {
  return notYet();
}
