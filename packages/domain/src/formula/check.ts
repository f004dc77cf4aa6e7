/** Type checks of a stored formula or rule against a form's current fields. */
import { type FormField, formFieldTypeLabels, formulaUnitAttributes } from "../forms.js";
import { formulaAttributeLabels, isAttributeValue } from "./attributes.js";
import { isNumericField, isValidDate } from "./fields.js";
import type { FormulaMode } from "./resolve.js";
import type { FormulaAst } from "./types.js";

/** A problem and the node it concerns. */
export interface FormulaProblem {
  node: FormulaAst;
  message: string;
}

const aggregateNames = {
  sum: "求和",
  avg: "求平均",
  min: "求最小值",
  max: "求最大值",
  count: "计数",
} as const;

/** Every problem of an AST against the fields, in source order; a rule may not aggregate, a formula must. */
export function formulaProblems(ast: FormulaAst, fields: FormField[], mode: FormulaMode): FormulaProblem[] {
  const problems: FormulaProblem[] = [];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const report = (node: FormulaAst, message: string): void => {
    problems.push({ node, message });
  };
  const field = (node: FormulaAst, key: string): FormField | undefined => {
    const found = byKey.get(key);
    if (!found) report(node, `用到的字段（${key}）已不在表中：请修改公式`);
    return found;
  };

  // The unit of measure a numeric node is in（人、所、%）, to refuse adding people to schools.
  const unitOf = (node: FormulaAst): string | null => {
    if (node.kind === "field" || (node.kind === "aggregate" && node.fn !== "count" && node.field !== null)) {
      const key = node.kind === "field" ? node.key : (node.field as string);
      return byKey.get(key)?.unit || null;
    }
    if (node.kind === "negate") return unitOf(node.operand);
    if (node.kind === "binary" && (node.op === "+" || node.op === "-"))
      return unitOf(node.left) ?? unitOf(node.right);
    return null;
  };
  const sameUnits = (node: FormulaAst, left: FormulaAst, right: FormulaAst, verb: string) => {
    const a = unitOf(left);
    const b = unitOf(right);
    if (a !== null && b !== null && a !== b) report(node, `单位不同（${a} 与 ${b}），不能${verb}`);
  };

  const numeric = (node: FormulaAst, inRow: boolean): void => {
    switch (node.kind) {
      case "number":
        return;
      case "field": {
        if (!inRow) report(node, "字段须放在汇总中，例如 sum(字段)");
        const f = field(node, node.key);
        if (f && !isNumericField(f))
          report(node, `「${f.label}」是${formFieldTypeLabels[f.type]}字段，不能参与计算`);
        return;
      }
      case "negate":
        numeric(node.operand, inRow);
        return;
      case "binary":
        numeric(node.left, inRow);
        numeric(node.right, inRow);
        if (node.op === "+" || node.op === "-")
          sameUnits(node, node.left, node.right, node.op === "+" ? "相加" : "相减");
        return;
      case "aggregate":
        aggregate(node, inRow);
        return;
      default:
        report(node, "此处应是一个数");
    }
  };

  const aggregate = (node: Extract<FormulaAst, { kind: "aggregate" }>, inRow: boolean) => {
    if (inRow) report(node, mode === "rule" ? "规则不能使用汇总" : "汇总中不能再套汇总");
    if (node.field === null) {
      if (node.fn !== "count") report(node, `${node.fn} 须指定一个字段`);
    } else {
      const f = field(node, node.field);
      if (f && node.fn !== "count" && !isNumericField(f)) {
        report(node, `「${f.label}」是${formFieldTypeLabels[f.type]}字段，不能${aggregateNames[node.fn]}`);
      }
    }
    if (node.where !== null) condition(node.where);
  };

  const condition = (node: FormulaAst): void => {
    switch (node.kind) {
      case "and":
      case "or":
        condition(node.left);
        condition(node.right);
        return;
      case "not":
        condition(node.operand);
        return;
      case "compare":
        compare(node, node.left, [node.right], node.op === "=" || node.op === "!=");
        return;
      case "in":
        compare(node, node.operand, node.values, true);
        return;
      default:
        report(node, "此处应是一个条件");
    }
  };

  const compare = (node: FormulaAst, left: FormulaAst, rights: FormulaAst[], equality: boolean) => {
    if (left.kind === "attribute") {
      if (!formulaUnitAttributes.includes(left.name)) return report(left, `没有单位属性「${left.name}」`);
      if (mode === "rule") return report(left, "规则只能使用本表的字段，不能使用单位属性");
      const label = formulaAttributeLabels[left.name];
      if (!equality) report(node, `「${label}」只能用 = 或 ≠ 比较`);
      for (const r of rights) {
        const v = r.kind === "text" || r.kind === "boolean" ? r.value : undefined;
        if (!isAttributeValue(left.name, v)) report(r, `「${label}」的取值不正确`);
      }
      return;
    }
    const f = left.kind === "field" ? field(left, left.key) : undefined;
    if (left.kind === "field" && !f) return;
    if (f === undefined || isNumericField(f)) {
      numeric(left, true);
      for (const r of rights) numeric(r, true);
      if (rights.length === 1) sameUnits(node, left, rights[0] as FormulaAst, "比较");
      return;
    }
    if (f.type === "file") return report(node, `附件「${f.label}」不能比较`);
    if (!equality && f.type !== "date") report(node, `「${f.label}」只能用 = 或 ≠ 比较`);
    for (const r of rights) value(f, r);
  };

  const value = (f: FormField, node: FormulaAst) => {
    if (f.type === "boolean") {
      if (node.kind !== "boolean") report(node, `「${f.label}」只能与 是、否 比较`);
      return;
    }
    if (node.kind !== "text") return report(node, `「${f.label}」应与文字比较`);
    const options = f.options ?? [];
    if ((f.type === "choice" || f.type === "multi_choice") && !options.includes(node.value)) {
      report(node, `「${f.label}」没有选项「${node.value}」：只能是 ${options.join("、")}`);
    }
    if (f.type === "date" && !isValidDate(node.value))
      report(node, `「${f.label}」应与日期比较，例如 2023-06-01`);
  };

  if (mode === "rule") condition(ast);
  else numeric(ast, false);
  return problems;
}
