/** The formula grammar: one precedence ladder for arithmetic, comparisons and logic, producing an unresolved tree. */
import { FormulaSyntaxError, type Token, tokenize } from "./lexer.js";
import type { FormulaAggregateFn, FormulaArithmetic, FormulaComparator } from "./types.js";

/** A parsed node before names are resolved to fields, attributes or values; `at` is its source position. */
export type RawNode =
  | { t: "number"; value: number; at: number }
  | { t: "date"; value: string; at: number }
  | { t: "name"; text: string; quoted: boolean; at: number }
  | { t: "negate"; operand: RawNode; at: number }
  | { t: "binary"; op: FormulaArithmetic; left: RawNode; right: RawNode; at: number }
  | { t: "aggregate"; fn: FormulaAggregateFn; arg: RawNode | null; where: RawNode | null; at: number }
  | { t: "compare"; op: FormulaComparator; left: RawNode; right: RawNode; at: number }
  | { t: "in"; operand: RawNode; values: RawNode[]; negated: boolean; at: number }
  | { t: "and" | "or"; left: RawNode; right: RawNode; at: number }
  | { t: "not"; operand: RawNode; at: number };

// Aggregates by English name（any case）and by the Chinese words a bureau would write.
const aggregates: Record<string, FormulaAggregateFn> = {
  sum: "sum",
  avg: "avg",
  min: "min",
  max: "max",
  count: "count",
  求和: "sum",
  合计: "sum",
  平均: "avg",
  平均值: "avg",
  最小: "min",
  最小值: "min",
  最大: "max",
  最大值: "max",
  计数: "count",
};
// Deeper nesting than any real formula needs is refused before it can exhaust the stack.
const maxDepth = 60;
const comparators = new Set<string>(["=", "!=", "<", "<=", ">", ">="]);
// Words the grammar reserves when written bare; a label spelled like one must be quoted.
const keywordOf: Record<string, string> = {
  and: "and",
  or: "or",
  not: "not",
  in: "in",
  where: "where",
  其中: "where",
};

/** Names the parser reserves: a label equal to one of these must be quoted. */
export const reservedWords = new Set([...Object.keys(keywordOf), ...Object.keys(aggregates)]);

/** Parses source text into a raw tree; throws FormulaSyntaxError with the position of the first problem. */
export function parseRaw(source: string, words: readonly string[]): RawNode {
  // A label spelled like a keyword（sum, and）is never read whole: written bare it stays the keyword.
  const tokens = tokenize(
    source,
    words.filter((w) => !reservedWords.has(w.toLowerCase())),
  );
  let i = 0;
  const peek = (): Token => tokens[i] as Token;
  const next = (): Token => tokens[i++] as Token;
  const keyword = (t: Token = peek()) => (t.kind === "name" ? keywordOf[t.text.toLowerCase()] : undefined);
  const describe = (t: Token) => (t.kind === "end" ? "结尾" : `「${t.text}」`);
  const fail = (t: Token, what: string): never => {
    throw new FormulaSyntaxError(`${describe(t)}处${what}`, t.at);
  };
  let depth = 0;
  const nested = <T>(at: number, parse: () => T): T => {
    if (++depth > maxDepth) throw new FormulaSyntaxError(`嵌套超过 ${maxDepth} 层：请简化公式`, at);
    const node = parse();
    depth--;
    return node;
  };
  const expectClose = (open: Token) => {
    if (peek().kind !== "rparen") {
      if (peek().kind === "end") throw new FormulaSyntaxError("括号没有闭合：请补上 )", open.at);
      fail(peek(), "应为 )");
    }
    next();
  };

  const orExpr = (): RawNode => {
    let left = andExpr();
    while (keyword() === "or") {
      const at = next().at;
      left = { t: "or", left, right: andExpr(), at };
    }
    return left;
  };
  const andExpr = (): RawNode => {
    let left = notExpr();
    while (keyword() === "and") {
      const at = next().at;
      left = { t: "and", left, right: notExpr(), at };
    }
    return left;
  };
  const notExpr = (): RawNode => {
    if (keyword() === "not") {
      const at = next().at;
      return { t: "not", operand: nested(at, notExpr), at };
    }
    return comparison();
  };
  const comparison = (): RawNode => {
    const left = additive();
    const t = peek();
    if (t.kind === "op" && comparators.has(t.text)) {
      next();
      return { t: "compare", op: t.text as FormulaComparator, left, right: additive(), at: t.at };
    }
    const negated = keyword() === "not" && keyword(tokens[i + 1]) === "in";
    if (negated || keyword() === "in") {
      if (negated) next();
      const inToken = next();
      const open = next();
      if (open.kind !== "lparen") fail(open, "应为 (：in 后面写候选值，例如 in (小学, 初中)");
      const values = [additive()];
      while (peek().kind === "comma") {
        next();
        values.push(additive());
      }
      expectClose(open);
      return { t: "in", operand: left, values, negated, at: inToken.at };
    }
    return left;
  };
  const additive = (): RawNode => {
    let left = multiplicative();
    while (peek().kind === "op" && (peek().text === "+" || peek().text === "-")) {
      const t = next();
      left = { t: "binary", op: t.text as FormulaArithmetic, left, right: multiplicative(), at: t.at };
    }
    return left;
  };
  const multiplicative = (): RawNode => {
    let left = unary();
    while (peek().kind === "op" && (peek().text === "*" || peek().text === "/")) {
      const t = next();
      left = { t: "binary", op: t.text as FormulaArithmetic, left, right: unary(), at: t.at };
    }
    return left;
  };
  const unary = (): RawNode => {
    if (peek().kind === "op" && peek().text === "-") {
      const at = next().at;
      return { t: "negate", operand: nested(at, unary), at };
    }
    if (peek().kind === "op" && peek().text === "+") next();
    return primary();
  };
  const aggregate = (fnToken: Token): RawNode => {
    const open = next();
    const fn = aggregates[fnToken.text.toLowerCase()] as FormulaAggregateFn;
    let arg: RawNode | null = null;
    let where: RawNode | null = null;
    if (peek().kind === "rparen" && fn !== "count") fail(peek(), `缺少字段：${fn} 的括号里应写一个字段`);
    if (peek().kind !== "rparen" && keyword() !== "where") arg = nested(open.at, orExpr);
    if (keyword() === "where") {
      next();
      where = nested(open.at, orExpr);
    }
    expectClose(open);
    return { t: "aggregate", fn, arg, where, at: fnToken.at };
  };
  const primary = (): RawNode => {
    const t = next();
    switch (t.kind) {
      case "number": {
        const value = Number(t.text);
        if (!Number.isFinite(value)) throw new FormulaSyntaxError(`数字「${t.text}」太大`, t.at);
        return { t: "number", value, at: t.at };
      }
      case "date":
        return { t: "date", value: t.text, at: t.at };
      case "quoted":
        if (t.text.trim() === "") throw new FormulaSyntaxError("引号里没有名称", t.at);
        return { t: "name", text: t.text, quoted: true, at: t.at };
      case "lparen": {
        const inner = nested(t.at, orExpr);
        expectClose(t);
        return inner;
      }
      case "name": {
        if (aggregates[t.text.toLowerCase()] !== undefined && peek().kind === "lparen") return aggregate(t);
        if (keyword(t) !== undefined) fail(t, "缺少字段或数值");
        return { t: "name", text: t.text, quoted: false, at: t.at };
      }
      default:
        return fail(t, "缺少字段或数值");
    }
  };

  const tree = orExpr();
  if (peek().kind !== "end") fail(peek(), "多余：请检查是否缺少运算符或括号");
  return tree;
}
