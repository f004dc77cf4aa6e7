/** A zod schema of the stored AST, so a jsonb column read back（`indicator_formulas.ast`）is checked before use. */
import { z } from "zod";
import { formulaUnitAttributes } from "../forms.js";
import type { FormulaAst } from "./types.js";

const comparator = z.enum(["=", "!=", "<", "<=", ">", ">="]);

/** The shape of a `FormulaAst`（its meaning against a form's fields is `checkFormula`'s to judge）. */
export const formulaAstSchema: z.ZodType<FormulaAst> = z.lazy(() =>
  z.union([
    z.object({ kind: z.literal("number"), value: z.number().finite() }),
    z.object({ kind: z.literal("text"), value: z.string() }),
    z.object({ kind: z.literal("boolean"), value: z.boolean() }),
    z.object({ kind: z.literal("field"), key: z.string().min(1) }),
    z.object({ kind: z.literal("attribute"), name: z.enum(formulaUnitAttributes) }),
    z.object({ kind: z.literal("negate"), operand: formulaAstSchema }),
    z.object({
      kind: z.literal("binary"),
      op: z.enum(["+", "-", "*", "/"]),
      left: formulaAstSchema,
      right: formulaAstSchema,
    }),
    z.object({
      kind: z.literal("aggregate"),
      fn: z.enum(["sum", "avg", "min", "max", "count"]),
      field: z.string().min(1).nullable(),
      where: formulaAstSchema.nullable(),
    }),
    z.object({ kind: z.literal("compare"), op: comparator, left: formulaAstSchema, right: formulaAstSchema }),
    z.object({ kind: z.literal("in"), operand: formulaAstSchema, values: z.array(formulaAstSchema).min(1) }),
    z.object({ kind: z.enum(["and", "or"]), left: formulaAstSchema, right: formulaAstSchema }),
    z.object({ kind: z.literal("not"), operand: formulaAstSchema }),
  ]),
);
