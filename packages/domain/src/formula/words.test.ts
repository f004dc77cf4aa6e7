import { describe, expect, it } from "vitest";
import {
  checkFormula,
  checkRule,
  formulaAstSchema,
  formulaFieldKeys,
  formulaInWords,
  parseFormula,
  parseRule,
} from "./index.js";
import { fields } from "./test-fixtures/fields.js";
import type { FormulaAst } from "./types.js";

const ast = (source: string): FormulaAst => {
  const result = parseFormula(source, fields);
  if (!result.ok) throw new Error(result.message);
  return result.ast;
};
const words = (source: string) => formulaInWords(ast(source), fields);

describe("formulaInWords", () => {
  it.each([
    [
      "sum(在园幼儿数 where ownership=公办 and 学段=幼儿园) / sum(在园幼儿数) × 100",
      "公办幼儿园的在园幼儿数之和 ÷ 在园幼儿数之和 × 100",
    ],
    ["sum(在园幼儿数 where 普惠 and 学段 = 幼儿园)", "普惠性幼儿园的在园幼儿数之和"],
    ["sum(在园幼儿数 where 办学性质 = 普惠性民办 and 普惠)", "普惠性民办学校的在园幼儿数之和"],
    ["count(where 乡镇 = 城关镇 and 学段 = 小学 and 办学性质 = 民办)", "城关镇民办小学数"],
    ["count(党建示范校 = 是)", "党建示范校为“是”的单位数"],
    ["count(党建示范校)", "已填党建示范校的单位数"],
    [
      "count(党建示范校 where 学段 = 幼儿园 and 在园幼儿数 > 10)",
      "在园幼儿数大于10且已填党建示范校的幼儿园数",
    ],
    ["count(where kind = 学校 and 党建示范校 = 否)", "党建示范校为“否”的学校数"],
    ["avg(入园率 where 学段 = 幼儿园 and 在园幼儿数 >= 100)", "在园幼儿数不小于100的幼儿园的入园率的平均值"],
    [
      "max(在园幼儿数 where 办园等级 in (省级示范, 市级示范))",
      "办园等级为省级示范或市级示范的单位的在园幼儿数的最大值",
    ],
    [
      "min(在园幼儿数 where 办园等级 not in (普通) or not 党建示范校)",
      "（办园等级不是普通或党建示范校不为“是”）的单位的在园幼儿数的最小值",
    ],
    ["(sum(在园幼儿数) + 1) * -2", "（在园幼儿数之和 + 1） × −2"],
  ])("reads %s as %s", (source, expected) => {
    expect(words(source)).toBe(expected);
  });

  it("reads a rule", () => {
    const rule = parseRule("公办在园幼儿数 + 3-6岁幼儿数 <= 在园幼儿数", fields);
    expect(rule.ok && formulaInWords(rule.ast, fields)).toBe("公办在园幼儿数 + 3-6岁幼儿数不大于在园幼儿数");
  });
});

describe("formulaFieldKeys", () => {
  it("lists every field a formula uses, once, including those in filters", () => {
    expect(
      formulaFieldKeys(
        ast("sum(在园幼儿数 where 党建示范校 and 办学性质 = 公办) / sum(在园幼儿数) - count(开设年级)"),
      ),
    ).toEqual(["children", "model", "stages"]);
  });
});

describe("formulaAstSchema", () => {
  it("refuses a stored AST of the wrong shape", () => {
    expect(
      formulaAstSchema.safeParse({ kind: "aggregate", fn: "median", field: "children", where: null }).success,
    ).toBe(false);
    expect(formulaAstSchema.safeParse({ kind: "number", value: "1" }).success).toBe(false);
    expect(
      formulaAstSchema.safeParse({ kind: "in", operand: { kind: "field", key: "k" }, values: [] }).success,
    ).toBe(false);
    expect(formulaAstSchema.safeParse(ast("sum(在园幼儿数 where 办学性质 = 公办)")).success).toBe(true);
  });
});

describe("checkFormula", () => {
  const stored = ast("sum(在园幼儿数 where 办园等级 = 省级示范) / count(where 党建示范校)");

  it("finds nothing wrong with a formula its fields still fit", () => {
    expect(checkFormula(stored, fields)).toEqual([]);
  });

  it("names fields that were deleted, retyped or lost an option since the formula was saved", () => {
    const changed = fields
      .filter((f) => f.key !== "model")
      .map((f) => (f.key === "children" ? { ...f, type: "text" as const } : f))
      .map((f) => (f.key === "level" ? { ...f, options: ["示范", "普通"] } : f));
    expect(checkFormula(stored, changed)).toEqual([
      "「在园幼儿数」是文字字段，不能求和",
      "「办园等级」没有选项「省级示范」：只能是 示范、普通",
      "用到的字段（model）已不在表中：请修改公式",
    ]);
  });

  it("refuses a stored AST with a bad attribute value, a bare field or a condition where a number belongs", () => {
    const bad: FormulaAst = {
      kind: "binary",
      op: "+",
      left: { kind: "field", key: "children" },
      right: {
        kind: "aggregate",
        fn: "count",
        field: null,
        where: {
          kind: "compare",
          op: "=",
          left: { kind: "attribute", name: "ownership" },
          right: { kind: "text", value: "公立" },
        },
      },
    };
    expect(checkFormula(bad, fields)).toEqual([
      "字段须放在汇总中，例如 sum(字段)",
      "「办学性质」的取值不正确",
    ]);
    expect(checkFormula({ kind: "boolean", value: true }, fields)).toEqual(["此处应是一个数"]);
  });

  it("checks a rule, where aggregates and attributes do not belong", () => {
    const rule = parseRule("公办在园幼儿数 <= 在园幼儿数", fields);
    expect(rule.ok && checkRule(rule.ast, fields)).toEqual([]);
    expect(checkRule(ast("sum(在园幼儿数)"), fields)).toEqual(["此处应是一个条件"]);
    expect(checkRule(ast("count(where 办学性质 = 公办)"), fields)).toEqual(["此处应是一个条件"]);
  });
});
