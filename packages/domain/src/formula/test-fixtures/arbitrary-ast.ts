import fc from "fast-check";
import type { FormField } from "../../forms.js";
import { ownerships, schoolTypes, unitKinds } from "../../units.js";
import type { FormulaAst } from "../types.js";

/** Fields with labels that need quoting, collide with keywords or take over an attribute's Chinese name. */
export const roundTripFields: FormField[] = [
  { key: "children", label: "在园幼儿数", type: "integer", required: false },
  { key: "young", label: "3-6岁幼儿数", type: "integer", required: false },
  { key: "rate", label: "sum", type: "percent", required: false },
  { key: "area", label: "面积 (平方米)", type: "decimal", required: false },
  { key: "model", label: "且或", type: "boolean", required: false },
  { key: "level", label: "办学性质", type: "choice", required: false, options: ["省级示范", "A B", "x/y", "是"] },
  { key: "stages", label: "开设年级", type: "multi_choice", required: false, options: ["小班", "中班"] },
  { key: "opened", label: "开办日期", type: "date", required: false },
  { key: "note", label: "备注「说明」", type: "text", required: false },
];

const numericKeys = ["children", "young", "rate", "area"];
const textArb = fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() !== "" && s.trim() === s);
const numberArb = fc.oneof(
  fc.nat(1000),
  fc.constantFrom(0, 1e308, 5e-324, 0.1),
  fc.double({ min: 0, max: 1e300, noNaN: true }).filter((n) => !Object.is(n, -0)),
);
const dateArb = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2090-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const text = (value: string): FormulaAst => ({ kind: "text", value });
const bool = (value: boolean): FormulaAst => ({ kind: "boolean", value });
const field = (key: string): FormulaAst => ({ kind: "field", key });
const attribute = (name: "kind" | "schoolType" | "ownership" | "inclusive" | "township"): FormulaAst => ({
  kind: "attribute",
  name,
});
const equality = fc.constantFrom("=" as const, "!=" as const);
const anyOp = fc.constantFrom("=" as const, "!=" as const, "<" as const, "<=" as const, ">" as const, ">=" as const);
const compare = (op: fc.Arbitrary<"=" | "!=" | "<" | "<=" | ">" | ">=">, left: FormulaAst, right: fc.Arbitrary<FormulaAst>) =>
  fc.tuple(op, right).map(([o, r]): FormulaAst => ({ kind: "compare", op: o, left, right: r }));
const inList = (operand: FormulaAst, value: fc.Arbitrary<FormulaAst>) =>
  fc.array(value, { minLength: 1, maxLength: 3 }).map((values): FormulaAst => ({ kind: "in", operand, values }));

const leafCondition: fc.Arbitrary<FormulaAst> = fc.oneof(
  compare(equality, attribute("kind"), fc.constantFrom(...unitKinds).map(text)),
  inList(attribute("schoolType"), fc.constantFrom(...schoolTypes).map(text)),
  compare(equality, attribute("ownership"), fc.constantFrom(...ownerships).map(text)),
  compare(equality, attribute("inclusive"), fc.boolean().map(bool)),
  compare(equality, attribute("township"), textArb.map(text)),
  compare(anyOp, field("children"), fc.oneof(numberArb.map((value): FormulaAst => ({ kind: "number", value })), fc.constant(field("area")))),
  compare(equality, field("model"), fc.boolean().map(bool)),
  inList(field("level"), fc.constantFrom("省级示范", "A B", "x/y", "是").map(text)),
  compare(equality, field("stages"), fc.constantFrom("小班", "中班").map(text)),
  compare(anyOp, field("opened"), dateArb.map(text)),
  compare(equality, field("note"), textArb.map(text)),
);

/** Well-typed conditions of a where filter, nested with and / or / not. */
export const { condition: arbitraryCondition } = fc.letrec<{ condition: FormulaAst }>((tie) => ({
  condition: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leafCondition,
    fc.tuple(fc.constantFrom("and" as const, "or" as const), tie("condition"), tie("condition")).map(
      ([kind, left, right]): FormulaAst => ({ kind, left, right }),
    ),
    tie("condition").map((operand): FormulaAst => ({ kind: "not", operand })),
  ),
}));

const aggregateArb: fc.Arbitrary<FormulaAst> = fc.oneof(
  fc.tuple(fc.constantFrom("sum" as const, "avg" as const, "min" as const, "max" as const), fc.constantFrom(...numericKeys), fc.option(arbitraryCondition)).map(
    ([fn, key, where]): FormulaAst => ({ kind: "aggregate", fn, field: key, where }),
  ),
  fc.tuple(fc.option(fc.constantFrom(...roundTripFields.map((f) => f.key))), fc.option(arbitraryCondition)).map(
    ([key, where]): FormulaAst => ({ kind: "aggregate", fn: "count", field: key, where }),
  ),
);

/** Well-typed indicator formulas over `roundTripFields`: numbers and aggregates under + − × ÷ and negation. */
export const { formula: arbitraryFormula } = fc.letrec<{ formula: FormulaAst }>((tie) => ({
  formula: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    numberArb.map((value): FormulaAst => ({ kind: "number", value })),
    aggregateArb,
    fc.tuple(fc.constantFrom("+" as const, "-" as const, "*" as const, "/" as const), tie("formula"), tie("formula")).map(
      ([op, left, right]): FormulaAst => ({ kind: "binary", op, left, right }),
    ),
    tie("formula").map((operand): FormulaAst => ({ kind: "negate", operand })),
  ),
}));
