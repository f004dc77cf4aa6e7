/** Formulas and rules read out in Chinese for the task page, e.g. "公办幼儿园的在园幼儿数之和 ÷ 在园幼儿数之和 × 100". */
import type { FormField, FormulaUnitAttribute } from "../forms.js";
import { schoolTypeLabels, unitKindLabels } from "../units.js";
import { attributeValueLabel, formulaAttributeLabels } from "./attributes.js";
import { precedence } from "./print.js";
import type { FormulaAst } from "./types.js";

const symbols: Record<string, string> = { "+": "+", "-": "−", "*": "×", "/": "÷" };
// Relations between numbers; a value（公办, 小学, 是）is "为" / "不为" instead.
const relations: Record<string, string> = {
  "=": "等于",
  "!=": "不等于",
  "<": "小于",
  "<=": "不大于",
  ">": "大于",
  ">=": "不小于",
};

/** Reads an AST out in Chinese with the fields' current labels. */
export function astInWords(ast: FormulaAst, fields: FormField[]): string {
  const labels = new Map(fields.map((f) => [f.key, f.label]));
  const label = (key: string) => labels.get(key) ?? `（已删除的字段 ${key}）`;

  const value = (node: FormulaAst, subject: FormulaAst): string => {
    if (subject.kind === "attribute" && (node.kind === "text" || node.kind === "boolean")) {
      return attributeValueLabel(subject.name, node.value);
    }
    if (node.kind === "boolean") return node.value ? "“是”" : "“否”";
    if (node.kind === "text") return node.value;
    return words(node, 5);
  };
  const condition = (node: FormulaAst, min = 0): string => {
    let text: string;
    switch (node.kind) {
      case "and":
        text = `${condition(node.left, 2)}且${condition(node.right, 2)}`;
        break;
      case "or":
        text = `${condition(node.left, 1)}或${condition(node.right, 1)}`;
        break;
      case "not":
        if (node.operand.kind === "in") text = inWords(node.operand, true);
        else if (node.operand.kind === "compare" && isValueEquality(node.operand))
          text = compareWords(node.operand, true);
        else text = `并非${condition(node.operand, 3)}`;
        break;
      case "compare":
        text = compareWords(node, false);
        break;
      case "in":
        text = inWords(node, false);
        break;
      default:
        return words(node, 0);
    }
    return precedence(node) < min ? `（${text}）` : text;
  };
  const compareWords = (node: Extract<FormulaAst, { kind: "compare" }>, negated: boolean) => {
    const equal = node.op === "=";
    const relation = isValueEquality(node) ? (equal !== negated ? "为" : "不为") : relations[node.op];
    return `${subjectWords(node.left)}${relation}${value(node.right, node.left)}`;
  };
  const inWords = (node: Extract<FormulaAst, { kind: "in" }>, negated: boolean) =>
    `${subjectWords(node.operand)}${negated ? "不是" : "为"}${node.values.map((v) => value(v, node.operand)).join("或")}`;
  const subjectWords = (node: FormulaAst) =>
    node.kind === "attribute" ? formulaAttributeLabels[node.name] : words(node, 5);

  const aggregate = (node: Extract<FormulaAst, { kind: "aggregate" }>): string => {
    const { noun, rest } = unitsOf(node.where);
    const restWords = rest.map((c) => condition(c, 2)).join("且");
    const units = rest.length === 0 ? noun : `${restWords}的${noun}`;
    const filtered = node.where === null ? "" : `${units}的`;
    const name = node.field === null ? "" : label(node.field);
    switch (node.fn) {
      case "sum":
        return `${filtered}${name}之和`;
      case "avg":
        return `${filtered}${name}的平均值`;
      case "min":
        return `${filtered}${name}的最小值`;
      case "max":
        return `${filtered}${name}的最大值`;
      case "count":
        if (node.field === null) return `${units}数`;
        return `${rest.length === 0 ? "" : `${restWords}且`}已填${name}的${noun}数`;
    }
  };

  const words = (node: FormulaAst, min: number): string => {
    let text: string;
    switch (node.kind) {
      case "number":
        return String(node.value);
      case "text":
      case "boolean":
        return value(node, node);
      case "field":
        return label(node.key);
      case "attribute":
        return formulaAttributeLabels[node.name];
      case "negate":
        text = `−${words(node.operand, 7)}`;
        break;
      case "binary": {
        const p = precedence(node);
        text = `${words(node.left, p)} ${symbols[node.op]} ${words(node.right, p + 1)}`;
        break;
      }
      case "aggregate":
        return aggregate(node);
      default:
        return condition(node, min);
    }
    return precedence(node) < min ? `（${text}）` : text;
  };

  return words(ast, 0);
}

/** Whether a comparison is an equality with a value（公办, 小学, 是）rather than between numbers. */
function isValueEquality(node: FormulaAst): boolean {
  return (
    node.kind === "compare" &&
    (node.op === "=" || node.op === "!=") &&
    (node.right.kind === "text" || node.right.kind === "boolean")
  );
}

/** The equalities on unit attributes at the top of a filter, read as one noun（城关镇公办幼儿园）; the rest apart. */
function unitsOf(where: FormulaAst | null): { noun: string; rest: FormulaAst[] } {
  const parts: FormulaAst[] = [];
  const flatten = (n: FormulaAst): void => {
    if (n.kind !== "and") parts.push(n);
    else {
      flatten(n.left);
      flatten(n.right);
    }
  };
  if (where !== null) flatten(where);
  const taken = new Map<FormulaUnitAttribute, string | boolean>();
  const rest: FormulaAst[] = [];
  for (const p of parts) {
    const v = p.kind === "compare" && p.op === "=" && p.left.kind === "attribute" ? p.right : null;
    const name = p.kind === "compare" && p.left.kind === "attribute" ? p.left.name : null;
    if (name !== null && v !== null && (v.kind === "text" || v.kind === "boolean") && !taken.has(name)) {
      taken.set(name, v.value);
    } else rest.push(p);
  }
  const school = taken.get("schoolType");
  const kind = taken.get("kind");
  const ownership = taken.get("ownership");
  const inclusive = taken.get("inclusive");
  const township = taken.get("township");
  const base =
    typeof school === "string"
      ? (schoolTypeLabels[school as keyof typeof schoolTypeLabels] ?? school)
      : typeof kind === "string"
        ? (unitKindLabels[kind as keyof typeof unitKindLabels] ?? kind)
        : ownership !== undefined || inclusive !== undefined
          ? "学校"
          : "单位";
  const noun = [
    typeof township === "string" ? township : "",
    typeof ownership === "string" ? attributeValueLabel("ownership", ownership) : "",
    // 普惠 adds nothing to an ownership already named（公办 and 普惠性民办 are 普惠 by definition）.
    ownership !== undefined ? "" : inclusive === true ? "普惠性" : inclusive === false ? "非普惠性" : "",
    base,
  ].join("");
  return { noun, rest };
}
