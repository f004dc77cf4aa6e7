/** Source text to a checked AST, with the position of the first problem. */
import type { FormField } from "../forms.js";
import { attributeValueWords } from "./attributes.js";
import { formulaProblems } from "./check.js";
import { FormulaSyntaxError } from "./lexer.js";
import { parseRaw } from "./parser.js";
import { type FormulaMode, type Positions, resolveRaw } from "./resolve.js";
import type { FormulaParseResult } from "./types.js";

/** The longest formula or rule accepted, in characters. */
export const maxFormulaLength = 2000;

/** Parses, resolves and type-checks source text as an indicator formula or a rule. */
export function parse(source: string, fields: FormField[], mode: FormulaMode): FormulaParseResult {
  const words = [
    ...fields.map((f) => f.label),
    ...fields.flatMap((f) => f.options ?? []),
    ...attributeValueWords(),
  ];
  if (source.length > maxFormulaLength) {
    return { ok: false, message: `公式太长：请控制在 ${maxFormulaLength} 个字符以内`, at: maxFormulaLength };
  }
  const positions: Positions = new Map();
  try {
    const ast = resolveRaw(parseRaw(source, words), mode, fields, positions);
    const [problem] = formulaProblems(ast, fields, mode);
    if (problem) return { ok: false, message: problem.message, at: positions.get(problem.node) ?? 0 };
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return { ok: false, message: e.message, at: e.at };
    throw e;
  }
}
