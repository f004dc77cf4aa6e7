/** Writes an AST back as source text with the fields' current labels; parsing the text gives the AST back. */
import type { FormField } from "../forms.js";
import {
  attributeNamed,
  attributeSpellings,
  attributeValueLabel,
  formulaAttributeLabels,
} from "./attributes.js";
import { tokenize } from "./lexer.js";
import { reservedWords } from "./parser.js";
import type { FormulaAst } from "./types.js";

/** Binding strength of each node kind, loosest first; a child binding looser than its place is parenthesized. */
export function precedence(ast: FormulaAst): number {
  switch (ast.kind) {
    case "or":
      return 1;
    case "and":
      return 2;
    case "not":
      return 3;
    case "compare":
    case "in":
      return 4;
    case "binary":
      return ast.op === "+" || ast.op === "-" ? 5 : 6;
    case "negate":
      return 7;
    default:
      return 8;
  }
}

// A bare name must lex as one plain name token that is not a keyword; anything else is quoted.
function isBareName(name: string): boolean {
  try {
    const tokens = tokenize(name);
    const [token] = tokens;
    return (
      tokens.length === 2 &&
      token?.kind === "name" &&
      token.text === name &&
      !reservedWords.has(name.toLowerCase())
    );
  } catch {
    return false;
  }
}

// Quote pairs the lexer knows, tried in turn so a name holding 」 is still written in quotes it cannot end.
const quotePairs = [
  ["「", "」"],
  ['"', '"'],
  ["“", "”"],
  ["『", "』"],
];

/** A name written bare when it can be, else in the first quotes it does not contain. */
export function quoteName(name: string): string {
  if (isBareName(name)) return name;
  const [open, close] =
    quotePairs.find(([, c]) => !name.includes(c as string)) ?? (quotePairs[0] as string[]);
  return `${open}${name}${close}`;
}

/** Source text of an AST; field keys become labels, attribute codes their Chinese labels. */
export function printFormula(ast: FormulaAst, fields: FormField[]): string {
  const labels = new Map(fields.map((f) => [f.key, f.label]));
  const labelSet = new Set(labels.values());
  const fieldName = (key: string) => quoteName(labels.get(key) ?? key);
  const child = (node: FormulaAst, min: number) => {
    const text = print(node);
    return precedence(node) < min ? `(${text})` : text;
  };
  const print = (node: FormulaAst): string => {
    const p = precedence(node);
    switch (node.kind) {
      case "number":
        return String(node.value);
      case "text":
        return /^\d{4}-\d{2}-\d{2}$/u.test(node.value) ? node.value : quoteName(node.value);
      case "boolean":
        return node.value ? "是" : "否";
      case "field":
        return fieldName(node.key);
      case "attribute": {
        // A field labelled like an attribute takes the name over, so fall back to a spelling still free.
        const spellings = [formulaAttributeLabels[node.name], ...attributeSpellings(node.name)];
        return spellings.find((s) => !labelSet.has(s) && attributeNamed(s) === node.name) ?? node.name;
      }
      case "negate":
        return `-${child(node.operand, p)}`;
      case "binary":
        return `${child(node.left, p)} ${node.op} ${child(node.right, p + 1)}`;
      case "aggregate": {
        const parts = [node.field === null ? "" : fieldName(node.field)];
        if (node.where !== null) parts.push(`where ${print(node.where)}`);
        return `${node.fn}(${parts.filter((s) => s !== "").join(" ")})`;
      }
      case "compare":
        return `${child(node.left, 5)} ${node.op} ${value(node.left, node.right)}`;
      case "in":
        return `${child(node.operand, 5)} in (${node.values.map((v) => value(node.operand, v)).join(", ")})`;
      case "and":
      case "or":
        return `${child(node.left, p)} ${node.kind} ${child(node.right, p + 1)}`;
      case "not":
        return `not ${child(node.operand, p)}`;
    }
  };
  const value = (subject: FormulaAst, node: FormulaAst): string => {
    if (subject.kind === "attribute" && (node.kind === "text" || node.kind === "boolean")) {
      return quoteName(attributeValueLabel(subject.name, node.value));
    }
    return child(node, 5);
  };
  return print(ast);
}
