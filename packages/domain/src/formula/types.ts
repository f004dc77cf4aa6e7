import type { FormulaUnitAttribute, FormValues } from "../forms.js";
import type { Ownership, SchoolType, UnitKind } from "../units.js";

/** Arithmetic operators of a formula（× is stored as *, ÷ as /）. */
export type FormulaArithmetic = "+" | "-" | "*" | "/";
/** Comparison operators（≥ is stored as >=, ≤ as <=, ≠ as !=）. */
export type FormulaComparator = "=" | "!=" | "<" | "<=" | ">" | ">=";
/** Aggregates an indicator formula applies to the units' rows. */
export type FormulaAggregateFn = "sum" | "avg" | "min" | "max" | "count";

/**
 * A parsed formula or rule, as stored (jsonb): fields by key, unit attribute values by their code
 * （ownership "public", schoolType "kindergarten", inclusive true）, options of a choice field by their text.
 */
export type FormulaAst =
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "field"; key: string }
  | { kind: "attribute"; name: FormulaUnitAttribute }
  | { kind: "negate"; operand: FormulaAst }
  | { kind: "binary"; op: FormulaArithmetic; left: FormulaAst; right: FormulaAst }
  | { kind: "aggregate"; fn: FormulaAggregateFn; field: string | null; where: FormulaAst | null }
  | { kind: "compare"; op: FormulaComparator; left: FormulaAst; right: FormulaAst }
  | { kind: "in"; operand: FormulaAst; values: FormulaAst[] }
  | { kind: "and" | "or"; left: FormulaAst; right: FormulaAst }
  | { kind: "not"; operand: FormulaAst };

/** Outcome of parsing: the AST, or a Chinese message and the 0-based character position it points at. */
export type FormulaParseResult = { ok: true; ast: FormulaAst } | { ok: false; message: string; at: number };

/** The unit-register facts a formula may filter by（inclusive is derived from ownership）. */
export interface FormulaUnit {
  id: string;
  kind: UnitKind;
  schoolType: SchoolType | null;
  ownership: Ownership | null;
  township: string | null;
}

/** One unit's approved submission, the row an indicator formula aggregates. */
export interface FormulaRow {
  unit: FormulaUnit;
  values: FormValues;
}

/** A formula's value; null with a reason（"无数据"）when it cannot be computed. */
export interface FormulaResult {
  value: number | null;
  reason?: string;
}

/** One problem of a submission: the field's key it concerns（null for a cross-field rule）and a Chinese message. */
export interface SubmissionProblem {
  field: string | null;
  message: string;
}
