import { describe, expect, it } from "vitest";
import { evaluateFormula, evaluateRule, isRowInFormula, parseFormula, parseRule } from "./index.js";
import { fields, row } from "./test-fixtures/fields.js";
import type { FormulaRow } from "./types.js";

const evaluate = (source: string, rows: FormulaRow[]) => {
  const parsed = parseFormula(source, fields);
  if (!parsed.ok) throw new Error(parsed.message);
  return evaluateFormula(parsed.ast, rows);
};
const holds = (source: string, values: FormulaRow["values"]) => {
  const parsed = parseRule(source, fields);
  if (!parsed.ok) throw new Error(parsed.message);
  return evaluateRule(parsed.ast, values);
};

// Three kindergartens and a primary school: public, 普惠性民办, 民办, and a public primary school in another town.
const rows: FormulaRow[] = [
  row({ children: 300, model: true, level: "省级示范", stages: ["小班", "中班"], rate: 95.5 }, { id: "a" }),
  row({ children: 200, model: false, level: "普通", rate: 88 }, { id: "b", ownership: "private_inclusive" }),
  row({ children: 100, model: true, level: "市级示范", stages: ["大班"] }, { id: "c", ownership: "private" }),
  row({ children: 50, model: null }, { id: "d", schoolType: "primary", township: "河口镇" }),
  row({}, { id: "e", kind: "department", schoolType: null, ownership: null, township: null }),
];

describe("evaluateFormula", () => {
  it("computes the share of children in public kindergartens", () => {
    expect(
      evaluate(
        "sum(在园幼儿数 where 办学性质=公办 and 学段=幼儿园) / sum(在园幼儿数 where 学段=幼儿园) × 100",
        rows,
      ),
    ).toEqual({
      value: 50,
    });
  });

  it("counts 普惠 as public plus 普惠性民办", () => {
    expect(
      evaluate("sum(在园幼儿数 where 普惠 且 学段=幼儿园) ÷ sum(在园幼儿数 where 学段=幼儿园) * 100", rows),
    ).toEqual({
      value: (500 / 600) * 100,
    });
    expect(evaluate("count(where 普惠 = 否)", rows)).toEqual({ value: 1 });
  });

  it("counts rows, rows with a value, and rows a condition holds for", () => {
    expect(evaluate("count()", rows)).toEqual({ value: 5 });
    expect(evaluate("count(党建示范校)", rows)).toEqual({ value: 3 });
    expect(evaluate("count(党建示范校 = 是)", rows)).toEqual({ value: 2 });
    expect(evaluate("count(开设年级)", rows)).toEqual({ value: 2 });
    expect(evaluate("count(where kind = 科室)", rows)).toEqual({ value: 1 });
    expect(evaluate("count(where 乡镇 = 河口镇)", rows)).toEqual({ value: 1 });
  });

  it("averages, and takes min and max, over non-empty values only", () => {
    expect(evaluate("avg(入园率)", rows)).toEqual({ value: 91.75 });
    expect(evaluate("min(在园幼儿数)", rows)).toEqual({ value: 50 });
    expect(evaluate("max(在园幼儿数 where 学段 = 幼儿园)", rows)).toEqual({ value: 300 });
  });

  it("matches a multiple choice by any of its options, and in / not in", () => {
    expect(evaluate("count(where 开设年级 = 中班)", rows)).toEqual({ value: 1 });
    expect(evaluate("count(where 办园等级 in (省级示范, 市级示范))", rows)).toEqual({ value: 2 });
    // An empty 办园等级 is unknown, so neither in nor not in counts it.
    expect(evaluate("count(where 办园等级 not in (普通))", rows)).toEqual({ value: 2 });
  });

  it("gives 无数据, never Infinity or NaN, for a division by zero and avg / min / max over no rows", () => {
    expect(evaluate("sum(在园幼儿数) / sum(在园幼儿数 where 学段 = 高中)", rows)).toEqual({
      value: null,
      reason: "无数据",
    });
    expect(evaluate("avg(在园幼儿数 where 学段 = 高中)", rows)).toEqual({ value: null, reason: "无数据" });
    expect(evaluate("min(在园幼儿数)", [])).toEqual({ value: null, reason: "无数据" });
    expect(evaluate("sum(在园幼儿数)", [])).toEqual({ value: 0 });
    expect(evaluate("0 / 0 + 1", rows)).toEqual({ value: null, reason: "无数据" });
  });

  it("gives no value instead of an overflow", () => {
    expect(evaluate("1e300 * 1e300", rows)).toEqual({ value: null, reason: "结果超出可计算的范围" });
  });

  it("adds decimals without drift and keeps results unrounded", () => {
    const tenths = Array.from({ length: 10 }, (_, i) => row({ area: 0.1 }, { id: `t${i}` }));
    expect(evaluate("sum(生均面积)", tenths)).toEqual({ value: 1 });
    expect(evaluate("sum(在园幼儿数) / 3", [row({ children: 1 })])).toEqual({ value: 1 / 3 });
  });

  it("gives no value, not an exception, for a stored AST of the wrong shape", () => {
    const rule = parseRule("公办在园幼儿数 <= 在园幼儿数", fields);
    if (!rule.ok) throw new Error(rule.message);
    expect(evaluateFormula(rule.ast, rows)).toEqual({ value: null, reason: "公式有误：请重新保存公式" });
    expect(
      evaluateFormula(
        { kind: "aggregate", fn: "count", field: null, where: { kind: "number", value: 1 } },
        rows,
      ),
    ).toEqual({ value: null, reason: "公式有误：请重新保存公式" });
  });

  it("ignores values of the wrong type in a row", () => {
    expect(evaluate("sum(在园幼儿数)", [row({ children: "12" }), row({ children: 3 })])).toEqual({
      value: 3,
    });
  });
});

describe("isRowInFormula", () => {
  it("tells the rows any aggregate takes in: filtered, and with a value for a field aggregate", () => {
    const parsed = parseFormula("sum(在园幼儿数 where 办学性质 = 公办) / count(where 党建示范校)", fields);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(rows.filter((r) => isRowInFormula(parsed.ast, r)).map((r) => r.unit.id)).toEqual(["a", "c", "d"]);
    const rate = parseFormula("avg(入园率)", fields);
    expect(rate.ok && rows.filter((r) => isRowInFormula(rate.ast, r)).map((r) => r.unit.id)).toEqual([
      "a",
      "b",
    ]);
  });
});

describe("evaluateRule", () => {
  it("holds or fails on the values of one submission", () => {
    expect(holds("公办在园幼儿数 <= 在园幼儿数", { publicChildren: 10, children: 20 })).toBe(true);
    expect(holds("公办在园幼儿数 <= 在园幼儿数", { publicChildren: 30, children: 20 })).toBe(false);
    expect(
      holds("公办在园幼儿数 + 3-6岁幼儿数 = 在园幼儿数", { publicChildren: 12, young: 8, children: 20 }),
    ).toBe(true);
  });

  it("compares decimals with a tolerance, so 0.1 + 0.2 = 0.3", () => {
    expect(holds("生均面积 + 生均面积 = 入园率", { area: 0.15, rate: 0.3 })).toBe(true);
    expect(holds("生均面积 * 3 = 入园率", { area: 0.1, rate: 0.3 })).toBe(true);
    expect(holds("生均面积 < 入园率", { area: 0.3, rate: 0.1 + 0.2 })).toBe(false);
  });

  it("does not fail on an empty value: the required check speaks for it", () => {
    expect(holds("公办在园幼儿数 <= 在园幼儿数", { publicChildren: 10 })).toBe(true);
    expect(holds("公办在园幼儿数 / 在园幼儿数 < 1", { publicChildren: 10, children: 0 })).toBe(true);
  });

  it("uses three-valued logic: false and unknown is false, true or unknown is true", () => {
    expect(holds("在园幼儿数 > 1 and 公办在园幼儿数 > 1", { children: 0 })).toBe(false);
    expect(holds("在园幼儿数 > 1 or 公办在园幼儿数 > 1", { children: 0 })).toBe(true);
    expect(holds("not 党建示范校 or 办园等级 = 省级示范", { model: true, level: "普通" })).toBe(false);
    expect(holds("开办日期 <= 2023-06-15", { opened: "2023-06-16" })).toBe(false);
  });
});
