/**
 * The formula language of 数据填报: computed indicators over approved form data and cross-field rules of one
 * submission, parsed into a JSON AST and evaluated without eval.
 */
import type { FormField, FormValues } from "../forms.js";
import { formulaProblems } from "./check.js";
import { evaluateFormulaAst, ruleHolds } from "./evaluate.js";
import { parse } from "./parse.js";
import { printFormula } from "./print.js";
import type { FormulaAst, FormulaParseResult, FormulaResult, FormulaRow } from "./types.js";
import { astInWords } from "./words.js";

export { formulaAttributeLabels } from "./attributes.js";
export { isRowInFormula, noDataReason } from "./evaluate.js";
export { maxFormulaLength } from "./parse.js";
export { formulaAstSchema } from "./schema.js";
export { type CheckSubmissionOptions, checkSubmission } from "./submission.js";

/** Whether a parsed rule holds for one submission's values（a rule over an empty value is not broken）. */
export function evaluateRule(ast: FormulaAst, values: FormValues): boolean {
  return ruleHolds(ast, values);
}
export type * from "./types.js";

/** Parses an indicator formula such as `sum(在园幼儿数 where ownership=公办) / sum(在园幼儿数) × 100`. */
export function parseFormula(source: string, fields: FormField[]): FormulaParseResult {
  return parse(source, fields, "formula");
}

/** Parses a cross-field rule of one submission such as `公办在园幼儿数 <= 在园幼儿总数`. */
export function parseRule(source: string, fields: FormField[]): FormulaParseResult {
  return parse(source, fields, "rule");
}

/** Problems of a parsed indicator formula against the form's current fields; [] when it is fine. */
export function checkFormula(ast: FormulaAst, fields: FormField[]): string[] {
  return formulaProblems(ast, fields, "formula").map((p) => p.message);
}

/** Problems of a parsed rule against the form's current fields; [] when it is fine. */
export function checkRule(ast: FormulaAst, fields: FormField[]): string[] {
  return formulaProblems(ast, fields, "rule").map((p) => p.message);
}

/** Evaluates an indicator formula over the units' rows; never returns Infinity or NaN. */
export function evaluateFormula(ast: FormulaAst, rows: FormulaRow[]): FormulaResult {
  return evaluateFormulaAst(ast, rows);
}

/** The formula or rule read out in Chinese, e.g. "公办幼儿园的在园幼儿数之和 ÷ 在园幼儿数之和 × 100". */
export function formulaInWords(ast: FormulaAst, fields: FormField[]): string {
  return astInWords(ast, fields);
}

/** The formula or rule written back as source text with the fields' current labels（parses to the same AST）. */
export function formulaSource(ast: FormulaAst, fields: FormField[]): string {
  return printFormula(ast, fields);
}

/** Keys of the fields a formula or rule uses, each once, in order of appearance（to refuse deleting them）. */
export function formulaFieldKeys(ast: FormulaAst): string[] {
  const keys = new Set<string>();
  const visit = (node: FormulaAst): void => {
    switch (node.kind) {
      case "field":
        keys.add(node.key);
        return;
      case "aggregate":
        if (node.field !== null) keys.add(node.field);
        if (node.where !== null) visit(node.where);
        return;
      case "negate":
      case "not":
        visit(node.operand);
        return;
      case "binary":
      case "compare":
      case "and":
      case "or":
        visit(node.left);
        visit(node.right);
        return;
      case "in":
        visit(node.operand);
        for (const v of node.values) visit(v);
        return;
      default:
        return;
    }
  };
  visit(ast);
  return [...keys];
}
