/** Evaluation of formulas over units' rows and of rules over one submission, without eval. */
import type { FormValues } from "../forms.js";
import { unitAttribute } from "./attributes.js";
import { isEmptyValue } from "./fields.js";
import type { FormulaAst, FormulaResult, FormulaRow, FormulaUnit } from "./types.js";

/** The reason a formula has no value: a division by zero, or avg / min / max over no rows. */
export const noDataReason = "无数据";
const tooLargeReason = "结果超出可计算的范围";
// A stored AST of the wrong shape gives no value rather than an exception: a recompute runs inside approvals.
const malformedReason = "公式有误：请重新保存公式";

class NoValue extends Error {}

type Scalar = number | string | boolean | string[] | null;
/** Three-valued truth: null when a value it needs is empty（a rule then does not fail, a filter does not match）. */
type Truth = boolean | null;

// Relative tolerance for numeric comparisons, so that 0.1 + 0.2 = 0.3 holds in a rule.
const epsilon = 1e-9;

/** Evaluates an indicator formula over the rows; a finite number, or null with the reason. */
export function evaluateFormulaAst(ast: FormulaAst, rows: FormulaRow[]): FormulaResult {
  try {
    // + 0 turns −0 into 0, which is what a reader expects to see.
    return { value: total(ast, rows) + 0 };
  } catch (e) {
    if (e instanceof NoValue) return { value: null, reason: e.message };
    throw e;
  }
}

/** Whether a rule holds for one submission's values: false only when it is definitely broken. */
export function ruleHolds(ast: FormulaAst, values: FormValues): boolean {
  try {
    return truth(ast, { values, unit: null }) !== false;
  } catch (e) {
    // A rule of the wrong shape cannot be judged; parseRule never produces one, so it blocks nobody.
    if (e instanceof NoValue) return true;
    throw e;
  }
}

const finite = (n: number): number => {
  if (!Number.isFinite(n)) throw new NoValue(tooLargeReason);
  return n;
};

function total(ast: FormulaAst, rows: FormulaRow[]): number {
  switch (ast.kind) {
    case "number":
      return finite(ast.value);
    case "negate":
      return -total(ast.operand, rows);
    case "binary": {
      const a = total(ast.left, rows);
      const b = total(ast.right, rows);
      if (ast.op === "/" && b === 0) throw new NoValue(noDataReason);
      return finite(arithmetic(ast.op, a, b));
    }
    case "aggregate":
      return aggregate(ast, rows);
    default:
      throw new NoValue(malformedReason);
  }
}

function arithmetic(op: string, a: number, b: number): number {
  if (op === "+") return a + b;
  if (op === "-") return a - b;
  if (op === "*") return a * b;
  return a / b;
}

/** Neumaier's compensated sum: adding many decimals stays as exact as the data allow. */
export function exactSum(values: number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const v of values) {
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/** Whether an aggregate takes a row in: its filter holds and, unless it counts rows, the row has a value. */
function includes(ast: Extract<FormulaAst, { kind: "aggregate" }>, row: FormulaRow): boolean {
  if (ast.where !== null && truth(ast.where, row) !== true) return false;
  if (ast.field === null) return true;
  const v = row.values[ast.field];
  return ast.fn === "count" ? !isEmptyValue(v) : typeof v === "number" && Number.isFinite(v);
}

/** Whether any aggregate of a formula takes the row in: the rows a drill-down shows behind the number. */
export function isRowInFormula(ast: FormulaAst, row: FormulaRow): boolean {
  switch (ast.kind) {
    case "aggregate":
      return includes(ast, row);
    case "negate":
      return isRowInFormula(ast.operand, row);
    case "binary":
      return isRowInFormula(ast.left, row) || isRowInFormula(ast.right, row);
    default:
      return false;
  }
}

function aggregate(ast: Extract<FormulaAst, { kind: "aggregate" }>, rows: FormulaRow[]): number {
  const taken = rows.filter((row) => includes(ast, row));
  if (ast.fn === "count") return taken.length;
  const numbers = taken.map((row) => row.values[ast.field as string] as number);
  if (ast.fn === "sum") return finite(exactSum(numbers));
  if (numbers.length === 0) throw new NoValue(noDataReason);
  if (ast.fn === "avg") return finite(exactSum(numbers) / numbers.length);
  // A loop, not Math.min(...numbers): spreading thousands of rows into arguments can overflow the stack.
  let extreme = numbers[0] as number;
  for (const n of numbers) if (ast.fn === "min" ? n < extreme : n > extreme) extreme = n;
  return extreme;
}

interface RowScope {
  values: FormValues;
  unit: FormulaUnit | null;
}

function scalar(ast: FormulaAst, row: RowScope): Scalar {
  switch (ast.kind) {
    case "number":
    case "text":
    case "boolean":
      return ast.value;
    case "field": {
      const v = row.values[ast.key];
      return v === undefined || isEmptyValue(v) ? null : v;
    }
    case "attribute":
      return row.unit === null ? null : unitAttribute(row.unit, ast.name);
    case "negate": {
      const v = scalar(ast.operand, row);
      return typeof v === "number" ? -v : null;
    }
    case "binary": {
      const a = scalar(ast.left, row);
      const b = scalar(ast.right, row);
      if (typeof a !== "number" || typeof b !== "number" || (ast.op === "/" && b === 0)) return null;
      const r = arithmetic(ast.op, a, b);
      return Number.isFinite(r) ? r : null;
    }
    default:
      throw new NoValue(malformedReason);
  }
}

function truth(ast: FormulaAst, row: RowScope): Truth {
  switch (ast.kind) {
    case "and": {
      const a = truth(ast.left, row);
      if (a === false) return false;
      const b = truth(ast.right, row);
      return b === false ? false : a === null || b === null ? null : true;
    }
    case "or": {
      const a = truth(ast.left, row);
      if (a === true) return true;
      const b = truth(ast.right, row);
      return b === true ? true : a === null || b === null ? null : false;
    }
    case "not": {
      const a = truth(ast.operand, row);
      return a === null ? null : !a;
    }
    case "compare":
      return compare(ast.op, scalar(ast.left, row), scalar(ast.right, row));
    case "in": {
      const left = scalar(ast.operand, row);
      const results = ast.values.map((v) => compare("=", left, scalar(v, row)));
      return results.includes(true) ? true : results.includes(null) ? null : false;
    }
    default:
      throw new NoValue(malformedReason);
  }
}

function compare(op: string, a: Scalar, b: Scalar): Truth {
  if (a === null || b === null) return null;
  // A multiple choice "is" an option when that option is among those chosen.
  if (Array.isArray(a))
    return op === "=" ? a.includes(String(b)) : op === "!=" ? !a.includes(String(b)) : null;
  if (typeof a === "number" && typeof b === "number") {
    const tolerance = epsilon * Math.max(1, Math.abs(a), Math.abs(b));
    const d = a - b;
    if (op === "=") return Math.abs(d) <= tolerance;
    if (op === "!=") return Math.abs(d) > tolerance;
    if (op === "<") return d < -tolerance;
    if (op === "<=") return d <= tolerance;
    if (op === ">") return d > tolerance;
    return d >= -tolerance;
  }
  if (typeof a !== typeof b) return null;
  if (op === "=") return a === b;
  if (op === "!=") return a !== b;
  // Only dates（YYYY-MM-DD text）are ordered, and their text order is their calendar order.
  if (typeof a !== "string" || typeof b !== "string") return null;
  if (op === "<") return a < b;
  if (op === "<=") return a <= b;
  if (op === ">") return a > b;
  return a >= b;
}
