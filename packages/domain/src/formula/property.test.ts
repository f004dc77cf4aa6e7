import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ownershipLabels, schoolTypeLabels, unitKindLabels } from "../units.js";
import {
  checkSubmission,
  evaluateFormula,
  formulaAstSchema,
  formulaSource,
  parseFormula,
  parseRule,
} from "./index.js";
import { arbitraryFormula, roundTripFields } from "./test-fixtures/arbitrary-ast.js";
import { fields } from "./test-fixtures/fields.js";
import type { FormulaRow } from "./types.js";

type Truth = boolean | null;
/** A filter as source text beside its meaning, computed directly on a row. */
interface Filter {
  source: string;
  holds: (row: FormulaRow) => Truth;
}

const towns = ["城关镇", "河口镇", "新 区"];
const levels = ["省级示范", "市级示范", "普通"];
const unitArb = fc.record({
  id: fc.uuid(),
  kind: fc.constantFrom("school" as const, "department" as const),
  schoolType: fc.option(fc.constantFrom("kindergarten" as const, "primary" as const, "special" as const)),
  ownership: fc.option(fc.constantFrom("public" as const, "private" as const, "private_inclusive" as const)),
  township: fc.option(fc.constantFrom(...towns)),
});
const valuesArb = fc.record(
  {
    children: fc.option(fc.integer({ min: 0, max: 5000 })),
    rate: fc.option(fc.integer({ min: 0, max: 1000 }).map((n) => n / 10)),
    model: fc.option(fc.boolean()),
    level: fc.option(fc.constantFrom(...levels)),
    stages: fc.subarray(["小班", "中班", "大班"]),
  },
  { requiredKeys: [] },
);
const rowsArb = fc.array(fc.record({ unit: unitArb, values: valuesArb }), { maxLength: 30 });

const equals =
  <T>(get: (r: FormulaRow) => T | null | undefined, value: T) =>
  (r: FormulaRow) => {
    const v = get(r);
    return v === null || v === undefined ? null : v === value;
  };
const labelOf = (labels: Record<string, string>) => fc.constantFrom(...Object.entries(labels));
const inclusive = (r: FormulaRow) =>
  r.unit.ownership === null
    ? null
    : r.unit.ownership === "public" || r.unit.ownership === "private_inclusive";
const compareInts: Record<string, (a: number, b: number) => boolean> = {
  "=": (a, b) => a === b,
  "!=": (a, b) => a !== b,
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
};

const leafArb: fc.Arbitrary<Filter> = fc.oneof(
  labelOf(ownershipLabels).map(([code, label]) => ({
    source: `办学性质 = ${label}`,
    holds: equals((r) => r.unit.ownership, code),
  })),
  labelOf(schoolTypeLabels).map(([code, label]) => ({
    source: `学段 = ${label}`,
    holds: equals((r) => r.unit.schoolType, code),
  })),
  labelOf(unitKindLabels).map(([code, label]) => ({
    source: `kind = ${label}`,
    holds: equals((r) => r.unit.kind, code),
  })),
  fc.boolean().map((b) => ({ source: `普惠 = ${b ? "是" : "否"}`, holds: equals(inclusive, b) })),
  fc
    .constantFrom(...towns)
    .map((t) => ({ source: `乡镇 = 「${t}」`, holds: equals((r) => r.unit.township, t) })),
  fc
    .boolean()
    .map((b) => ({ source: `党建示范校 = ${b ? "是" : "否"}`, holds: equals((r) => r.values.model, b) })),
  fc
    .tuple(fc.constantFrom(...Object.keys(compareInts)), fc.integer({ min: 0, max: 5000 }))
    .map(([op, n]) => ({
      source: `在园幼儿数 ${op} ${n}`,
      holds: (r: FormulaRow) => {
        const v = r.values.children;
        return typeof v === "number" ? (compareInts[op] as (a: number, b: number) => boolean)(v, n) : null;
      },
    })),
  fc.subarray(levels, { minLength: 1 }).map((chosen) => ({
    source: `办园等级 in (${chosen.join(", ")})`,
    holds: (r: FormulaRow) => (typeof r.values.level === "string" ? chosen.includes(r.values.level) : null),
  })),
  fc.constantFrom("小班", "中班", "大班").map((s) => ({
    source: `开设年级 = ${s}`,
    holds: (r: FormulaRow) => {
      const v = r.values.stages;
      return Array.isArray(v) && v.length > 0 ? v.includes(s) : null;
    },
  })),
);

const { filter: filterArb } = fc.letrec<{ filter: Filter }>((tie) => ({
  filter: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leafArb,
    fc.tuple(tie("filter"), tie("filter")).map(([a, b]) => ({
      source: `(${a.source}) and (${b.source})`,
      holds: (r: FormulaRow) => {
        const x = a.holds(r);
        const y = b.holds(r);
        return x === false || y === false ? false : x === null || y === null ? null : true;
      },
    })),
    fc.tuple(tie("filter"), tie("filter")).map(([a, b]) => ({
      source: `(${a.source}) 或 (${b.source})`,
      holds: (r: FormulaRow) => {
        const x = a.holds(r);
        const y = b.holds(r);
        return x === true || y === true ? true : x === null || y === null ? null : false;
      },
    })),
    tie("filter").map((a) => ({
      source: `not (${a.source})`,
      holds: (r: FormulaRow) => {
        const x = a.holds(r);
        return x === null ? null : !x;
      },
    })),
  ),
}));

describe("formula properties", () => {
  it("aggregates over a random filter exactly as a brute-force pass over the rows", () => {
    const fnArb = fc.constantFrom("sum", "avg", "min", "max", "count");
    const fieldArb = fc.constantFrom(["在园幼儿数", "children"], ["入园率", "rate"]);
    fc.assert(
      fc.property(rowsArb, filterArb, fnArb, fieldArb, (rows, filter, fn, [label, key]) => {
        const parsed = parseFormula(`${fn}(${label} where ${filter.source})`, fields);
        if (!parsed.ok) throw new Error(`${parsed.message} at ${parsed.at}: ${filter.source}`);
        const matching = rows.filter((r) => filter.holds(r) === true);
        const numbers = matching.map((r) => r.values[key]).filter((v): v is number => typeof v === "number");
        const total = numbers.reduce((s, n) => s + n, 0);
        const result = evaluateFormula(parsed.ast, rows);
        if (fn === "count") expect(result).toEqual({ value: numbers.length });
        else if (fn === "sum") expect(result.value).toBeCloseTo(total, 6);
        else if (numbers.length === 0) expect(result).toEqual({ value: null, reason: "无数据" });
        else {
          const extremes = {
            avg: total / numbers.length,
            min: Math.min(...numbers),
            max: Math.max(...numbers),
          };
          expect(result.value).toBeCloseTo(extremes[fn as keyof typeof extremes], 6);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("counts the rows a random filter holds for", () => {
    fc.assert(
      fc.property(rowsArb, filterArb, (rows, filter) => {
        const parsed = parseFormula(`count(where ${filter.source})`, fields);
        if (!parsed.ok) throw new Error(parsed.message);
        expect(evaluateFormula(parsed.ast, rows)).toEqual({
          value: rows.filter((r) => filter.holds(r) === true).length,
        });
      }),
    );
  });

  it("never returns Infinity or NaN, whatever the numbers and divisions", () => {
    fc.assert(
      fc.property(arbitraryFormula, rowsArb, (ast, rows) => {
        const result = evaluateFormula(ast, rows);
        if (result.value === null) expect(typeof result.reason).toBe("string");
        else expect(Number.isFinite(result.value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("answers any text with an AST or a message and a position inside it, never an exception", () => {
    const pieces = fc.constantFrom(
      ...'sum avg min max count where and or not in 且 或 ( ) （ ） , ， + - × ÷ * / = != ≥ ≤ < > 「 」 " 1 2.5 1e400 % 是 否'.split(
        " ",
      ),
      ...fields.map((f) => f.label),
      "办学性质",
      "公办",
      "学段",
      "2023-06-01",
    );
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.array(pieces, { maxLength: 25 }).map((p) => p.join(" ")),
    );
    fc.assert(
      fc.property(text, fc.boolean(), (source, asRule) => {
        const result = (asRule ? parseRule : parseFormula)(source, fields);
        if (!result.ok) {
          expect(result.at).toBeGreaterThanOrEqual(0);
          expect(result.at).toBeLessThanOrEqual(source.length);
          expect(result.message).not.toBe("");
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("checks any values of a submission without throwing", () => {
    const rules = [{ source: "公办在园幼儿数 <= 在园幼儿数", message: "公办多于总数" }];
    const values = fc.dictionary(fc.constantFrom(...fields.map((f) => f.key)), fc.anything());
    fc.assert(
      fc.property(values, (v) => {
        for (const p of checkSubmission(fields, rules, v as never)) expect(typeof p.message).toBe("string");
      }),
      { numRuns: 500 },
    );
  });

  it("accepts every well-formed AST in the stored-shape schema, unchanged", () => {
    fc.assert(
      fc.property(arbitraryFormula, (ast) => {
        expect(formulaAstSchema.parse(JSON.parse(JSON.stringify(ast)))).toEqual(ast);
      }),
      { numRuns: 200 },
    );
  });

  it("parses the printed source of any formula back to the same AST", () => {
    fc.assert(
      fc.property(arbitraryFormula, (ast) => {
        const source = formulaSource(ast, roundTripFields);
        const parsed = parseFormula(source, roundTripFields);
        expect(parsed.ok ? parsed.ast : `${source}: ${parsed.message} at ${parsed.at}`).toEqual(ast);
      }),
      { numRuns: 500 },
    );
  });

  it("parses a formula typed in full width (Chinese IME) to the same tree as its half-width source", () => {
    fc.assert(
      fc.property(arbitraryFormula, (ast) => {
        const source = formulaSource(ast, roundTripFields);
        const full = toFullWidthOutsideQuotes(source);
        const parsed = parseFormula(full, roundTripFields);
        expect(parsed.ok ? parsed.ast : `${full}: ${parsed.message} at ${parsed.at}`).toEqual(ast);
      }),
      { numRuns: 500 },
    );
  });
});

const closing: Record<string, string> = { "「": "」", '"': '"', "“": "”", "『": "』" };

/** Every ASCII character outside quotes as a full-width IME types it (a quoted text is kept as written). */
function toFullWidthOutsideQuotes(source: string): string {
  let out = "";
  let close: string | null = null;
  for (const c of source) {
    if (close !== null) {
      if (c === close) close = null;
      out += c;
    } else if (closing[c] !== undefined) {
      close = closing[c] as string;
      out += c;
    } else {
      const code = c.charCodeAt(0);
      out += code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : c === " " ? "\u3000" : c;
    }
  }
  return out;
}
