/** Turns the raw tree into the stored AST: labels to field keys, attribute values to codes, context rules enforced. */
import type { FormField, FormulaUnitAttribute } from "../forms.js";
import { attributeNamed, attributeValue, formulaAttributeLabels, yesNo } from "./attributes.js";
import { isNumericField, isValidDate } from "./fields.js";
import { FormulaSyntaxError } from "./lexer.js";
import type { RawNode } from "./parser.js";
import type { FormulaAst } from "./types.js";

/** What is being parsed: an indicator formula over many units' rows, or a rule over one submission. */
export type FormulaMode = "formula" | "rule";

/** Where each resolved node came from in the source, for pointing at it in messages. */
export type Positions = Map<FormulaAst, number>;

interface Context {
  mode: FormulaMode;
  fields: FormField[];
  positions: Positions;
  inAggregate: boolean;
}

const fail = (message: string, at: number): never => {
  throw new FormulaSyntaxError(message, at);
};
const isCondition = (ast: FormulaAst) => ["compare", "in", "and", "or", "not"].includes(ast.kind);

/** Resolves a raw tree in a mode; throws FormulaSyntaxError at the offending position. */
export function resolveRaw(
  raw: RawNode,
  mode: FormulaMode,
  fields: FormField[],
  positions: Positions,
): FormulaAst {
  const ctx: Context = { mode, fields, positions, inAggregate: false };
  if (mode === "rule") {
    return condition(raw, ctx, "规则应是一个比较，例如 公办在园幼儿数 <= 在园幼儿总数");
  }
  const ast = expression(raw, ctx);
  if (isCondition(ast)) fail("指标公式应算出一个数，例如 sum(在园幼儿数 where 办学性质 = 公办)", raw.at);
  return ast;
}

function mark(ast: FormulaAst, at: number, ctx: Context): FormulaAst {
  ctx.positions.set(ast, at);
  return ast;
}

/** A node read as a condition; a bare yes/no field or 普惠 means "is 是". */
function condition(raw: RawNode, ctx: Context, hint = "此处应是一个条件，例如 办学性质 = 公办"): FormulaAst {
  const ast = expression(raw, ctx);
  if (isCondition(ast)) return ast;
  const yesNoSubject =
    (ast.kind === "attribute" && ast.name === "inclusive") ||
    (ast.kind === "field" && ctx.fields.find((f) => f.key === ast.key)?.type === "boolean");
  if (yesNoSubject) {
    return mark(
      { kind: "compare", op: "=", left: ast, right: mark({ kind: "boolean", value: true }, raw.at, ctx) },
      raw.at,
      ctx,
    );
  }
  return fail(hint, raw.at);
}

function expression(raw: RawNode, ctx: Context): FormulaAst {
  switch (raw.t) {
    case "number":
      return mark({ kind: "number", value: raw.value }, raw.at, ctx);
    case "date":
      return fail(`日期只能用来比较，例如 填报日期 >= ${raw.value}`, raw.at);
    case "name":
      return name(raw, ctx);
    case "negate":
      return mark({ kind: "negate", operand: arithmetic(raw.operand, ctx) }, raw.at, ctx);
    case "binary":
      return mark(
        { kind: "binary", op: raw.op, left: arithmetic(raw.left, ctx), right: arithmetic(raw.right, ctx) },
        raw.at,
        ctx,
      );
    case "aggregate":
      return aggregate(raw, ctx);
    case "compare":
    case "in":
      return comparison(raw, ctx);
    case "and":
    case "or":
      return mark(
        { kind: raw.t, left: condition(raw.left, ctx), right: condition(raw.right, ctx) },
        raw.at,
        ctx,
      );
    case "not":
      return mark({ kind: "not", operand: condition(raw.operand, ctx) }, raw.at, ctx);
  }
}

function arithmetic(raw: RawNode, ctx: Context): FormulaAst {
  const ast = expression(raw, ctx);
  if (isCondition(ast)) fail("条件不能参与计算：请用括号把比较和计算分开", raw.at);
  return ast;
}

function name(raw: Extract<RawNode, { t: "name" }>, ctx: Context): FormulaAst {
  const named = ctx.fields.filter((f) => f.label === raw.text);
  if (named.length > 1) fail(`表中有 ${named.length} 个字段都叫「${raw.text}」：请先改名再写公式`, raw.at);
  const field = named[0];
  if (field) {
    if (ctx.mode === "formula" && !ctx.inAggregate) {
      fail(`「${field.label}」须放在汇总中，例如 sum(${raw.text}) 或 count(${raw.text})`, raw.at);
    }
    return mark({ kind: "field", key: field.key }, raw.at, ctx);
  }
  const attribute = raw.quoted ? undefined : attributeNamed(raw.text);
  if (attribute !== undefined) {
    if (ctx.mode === "rule") fail(`规则只能使用本表的字段，不能使用单位属性「${raw.text}」`, raw.at);
    if (!ctx.inAggregate) fail(`单位属性「${raw.text}」只能用在 where 条件中`, raw.at);
    return mark({ kind: "attribute", name: attribute }, raw.at, ctx);
  }
  return fail(`表中没有名为「${raw.text}」的字段`, raw.at);
}

function aggregate(raw: Extract<RawNode, { t: "aggregate" }>, ctx: Context): FormulaAst {
  if (ctx.mode === "rule") fail(`规则只比较同一份填报的字段，不能使用 ${raw.fn} 汇总`, raw.at);
  if (ctx.inAggregate) fail(`汇总中不能再套汇总（${raw.fn}）`, raw.at);
  const inner: Context = { ...ctx, inAggregate: true };
  let where = raw.where === null ? null : condition(raw.where, inner);
  let field: string | null = null;
  if (raw.arg !== null) {
    const arg = expression(raw.arg, inner);
    if (arg.kind === "field") field = arg.key;
    else if (raw.fn === "count" && isCondition(arg)) {
      // count(党建示范校 = 是) counts the units the condition holds for, as count(where …) does.
      where = where === null ? arg : mark({ kind: "and", left: arg, right: where }, raw.arg.at, ctx);
    } else {
      fail(`${raw.fn} 的括号里应是一个字段${raw.fn === "count" ? "或条件" : ""}`, raw.arg.at);
    }
  }
  return mark({ kind: "aggregate", fn: raw.fn, field, where }, raw.at, ctx);
}

type Subject = { kind: "attribute"; name: FormulaUnitAttribute } | { kind: "field"; field: FormField };

// A comparison with an attribute or a non-numeric field takes a value on its right（公办, 小学, 是）, not a field.
function subjectOf(ast: FormulaAst, ctx: Context): Subject | null {
  if (ast.kind === "attribute") return { kind: "attribute", name: ast.name };
  if (ast.kind !== "field") return null;
  const field = ctx.fields.find((f) => f.key === ast.key) as FormField;
  return isNumericField(field) ? null : { kind: "field", field };
}

function comparison(raw: Extract<RawNode, { t: "compare" } | { t: "in" }>, ctx: Context): FormulaAst {
  const leftRaw = raw.t === "compare" ? raw.left : raw.operand;
  const left = arithmetic(leftRaw, ctx);
  const subject = subjectOf(left, ctx);
  const operand = (r: RawNode) => (subject ? value(r, subject, ctx) : arithmetic(r, ctx));
  if (raw.t === "in") {
    const ast = mark({ kind: "in", operand: left, values: raw.values.map(operand) }, raw.at, ctx);
    return raw.negated ? mark({ kind: "not", operand: ast }, raw.at, ctx) : ast;
  }
  if (
    subject &&
    raw.op !== "=" &&
    raw.op !== "!=" &&
    !(subject.kind === "field" && subject.field.type === "date")
  ) {
    fail(`「${subjectName(subject)}」只能用 = 或 ≠ 比较`, raw.at);
  }
  return mark({ kind: "compare", op: raw.op, left, right: operand(raw.right) }, raw.at, ctx);
}

const subjectName = (s: Subject) => (s.kind === "attribute" ? formulaAttributeLabels[s.name] : s.field.label);

function value(raw: RawNode, subject: Subject, ctx: Context): FormulaAst {
  const text =
    raw.t === "name"
      ? raw.text
      : raw.t === "date"
        ? raw.value
        : raw.t === "number"
          ? String(raw.value)
          : null;
  if (text === null) return fail(`「${subjectName(subject)}」应与一个值比较`, raw.at);
  if (subject.kind === "attribute") {
    const resolved = attributeValue(subject.name, text);
    if (!resolved.ok) return fail(resolved.message, raw.at);
    const v = resolved.value;
    return mark(
      typeof v === "boolean" ? { kind: "boolean", value: v } : { kind: "text", value: v },
      raw.at,
      ctx,
    );
  }
  const field = subject.field;
  switch (field.type) {
    case "boolean": {
      const v = yesNo[text.toLowerCase()];
      if (v === undefined) fail(`「${field.label}」只能是 是、否`, raw.at);
      return mark({ kind: "boolean", value: v as boolean }, raw.at, ctx);
    }
    case "choice":
    case "multi_choice": {
      const options = field.options ?? [];
      if (!options.includes(text)) fail(`「${field.label}」只能是 ${options.join("、")}`, raw.at);
      break;
    }
    case "date":
      if (!isValidDate(text)) fail(`「${field.label}」应与日期比较，例如 2023-06-01`, raw.at);
      break;
    case "file":
      fail(`附件「${field.label}」不能比较：请用 count(${field.label}) 数已上传的单位`, raw.at);
  }
  return mark({ kind: "text", value: text }, raw.at, ctx);
}
