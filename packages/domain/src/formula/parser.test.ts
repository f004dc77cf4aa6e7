import { describe, expect, it } from "vitest";
import { formulaSource, parseFormula, parseRule } from "./index.js";
import { fields } from "./test-fixtures/fields.js";
import type { FormulaAst } from "./types.js";

const ast = (source: string): FormulaAst => {
  const result = parseFormula(source, fields);
  if (!result.ok) throw new Error(`${result.message} at ${result.at}`);
  return result.ast;
};
const rule = (source: string): FormulaAst => {
  const result = parseRule(source, fields);
  if (!result.ok) throw new Error(`${result.message} at ${result.at}`);
  return result.ast;
};
const sum = (field: string, where: FormulaAst | null = null): FormulaAst => ({
  kind: "aggregate",
  fn: "sum",
  field,
  where,
});
const num = (value: number): FormulaAst => ({ kind: "number", value });
const ownershipIs = (value: string): FormulaAst => ({
  kind: "compare",
  op: "=",
  left: { kind: "attribute", name: "ownership" },
  right: { kind: "text", value },
});

describe("parseFormula", () => {
  it("reads the issue's ratio with fields as keys and 公办 as its code", () => {
    expect(ast("sum(在园幼儿数 where ownership=公办) / sum(在园幼儿数) × 100")).toEqual({
      kind: "binary",
      op: "*",
      left: { kind: "binary", op: "/", left: sum("children", ownershipIs("public")), right: sum("children") },
      right: num(100),
    });
  });

  it("binds × and ÷ tighter than + and −, left to right, and parentheses override", () => {
    const a = sum("children");
    const b = sum("classes");
    expect(ast("1 + 2 × 3")).toEqual({
      kind: "binary",
      op: "+",
      left: num(1),
      right: { kind: "binary", op: "*", left: num(2), right: num(3) },
    });
    expect(ast("8 − 4 − 2")).toEqual({
      kind: "binary",
      op: "-",
      left: { kind: "binary", op: "-", left: num(8), right: num(4) },
      right: num(2),
    });
    expect(ast("(sum(在园幼儿数) + 1) ÷ 2")).toEqual({
      kind: "binary",
      op: "/",
      left: { kind: "binary", op: "+", left: a, right: num(1) },
      right: num(2),
    });
    expect(ast("-sum(班级数) * 2")).toEqual({
      kind: "binary",
      op: "*",
      left: { kind: "negate", operand: b },
      right: num(2),
    });
  });

  it("reads full-width brackets, ≥ ≤ ≠ and 且 / 或 like their ASCII spellings", () => {
    expect(ast("count（where 入园率 ≥ 90 且 办学性质 ≠ 民办 或 not 普惠）")).toEqual(
      ast("count(where (入园率 >= 90 and ownership != 民办) or not inclusive = 是)"),
    );
    expect(ast("count(where 入园率 ≤ 90)")).toEqual(ast("count(where 入园率 <= 90)"));
    expect(ast("count(where 学段 in （小学，初中、高中）)")).toEqual(
      ast("count(where 学段 in (小学, 初中, 高中))"),
    );
    expect(ast("count(where 入园率 ＞ 90％) * 100%")).toEqual(ast("count(where 入园率 > 90) * 100"));
  });

  it("reads full-width digits, letters and operators as a Chinese IME types them", () => {
    expect(ast("ｓｕｍ（在园幼儿数 ｗｈｅｒｅ 办学性质＝公办）／ｓｕｍ（在园幼儿数）＊１００")).toEqual(
      ast("sum(在园幼儿数 where 办学性质=公办)/sum(在园幼儿数)*100"),
    );
    expect(ast("count(where 入园率 ＞＝ ９２．５ 且 班级数 ！＝ ０)")).toEqual(
      ast("count(where 入园率 >= 92.5 and 班级数 != 0)"),
    );
    expect(ast("sum(在园幼儿数) － ５ × ３ ÷ （２＋１）")).toEqual(ast("sum(在园幼儿数) - 5 * 3 / (2+1)"));
    // The ideographic space separates like a space; a label with ASCII in it is found when typed full width.
    expect(rule("３－６岁幼儿数　＜　１ｅ３")).toEqual(rule("3-6岁幼儿数 < 1e3"));
    expect(rule("开办日期 ＜ ２０２３－０９－０１")).toEqual(rule("开办日期 < 2023-09-01"));
  });

  it("names a stray full-width symbol as it was typed, at its position", () => {
    expect(parseFormula("sum(在园幼儿数) ＃ 2", fields)).toEqual({
      ok: false,
      message: "无法识别的符号「＃」",
      at: 11,
    });
  });

  it("binds and tighter than or, and not tighter than and", () => {
    const where = (ast("count(where 普惠 or 党建示范校 and not 入园率 > 1)") as { where: FormulaAst }).where;
    expect(where.kind).toBe("or");
    expect((where as { right: FormulaAst }).right).toMatchObject({ kind: "and", right: { kind: "not" } });
  });

  it("takes labels with spaces or operators quoted, and known labels whole without quotes", () => {
    expect(ast("count(「备注 说明」)")).toEqual({
      kind: "aggregate",
      fn: "count",
      field: "note",
      where: null,
    });
    expect(ast('count("备注 说明")')).toEqual(ast("count(备注 说明)"));
    expect(ast("sum(3-6岁幼儿数)")).toEqual(sum("young"));
  });

  it("reads a label holding 且 or 或 whole, and 且 / 或 between names written without spaces", () => {
    const odd = [
      ...fields,
      { key: "both", label: "教师或保育员数", type: "integer" as const, required: false, unit: "人" },
    ];
    expect(parseFormula("sum(教师或保育员数)", odd)).toEqual({
      ok: true,
      ast: { kind: "aggregate", fn: "sum", field: "both", where: null },
    });
    expect(ast("count(where 普惠且党建示范校或普惠)")).toEqual(
      ast("count(where 普惠 and 党建示范校 or 普惠)"),
    );
  });

  it("accepts unit attributes by English and Chinese name, values by label", () => {
    const expected = ast("count(where schoolType = 幼儿园 and kind = 学校 and township = 城关镇)");
    expect(ast("count(where 学段 = 幼儿园 且 类型 = 学校 且 乡镇 = 城关镇)")).toEqual(expected);
    expect(ast("count(where 学校类型 = 幼儿园 and 单位类型 = 学校 and 乡镇 = 「城关镇」)")).toEqual(expected);
    expect(ast("count(where 学段 in (中职/职教中心, 小学))")).toMatchObject({
      where: { kind: "in", values: [{ value: "vocational" }, { value: "primary" }] },
    });
  });

  it("counts a yes/no field written as a condition, bare, or with where", () => {
    const expected = ast("count(where 党建示范校 = 是)");
    expect(ast("count(党建示范校 = 是)")).toEqual(expected);
    expect(ast("count(where 党建示范校)")).toEqual(expected);
    expect(ast("count(党建示范校)")).toEqual({ kind: "aggregate", fn: "count", field: "model", where: null });
  });

  it("reads not in as the negation of in, and dates in comparisons", () => {
    expect(ast("count(where 办园等级 not in (普通))")).toEqual({
      kind: "aggregate",
      fn: "count",
      field: null,
      where: {
        kind: "not",
        operand: {
          kind: "in",
          operand: { kind: "field", key: "level" },
          values: [{ kind: "text", value: "普通" }],
        },
      },
    });
    expect(ast("count(where 开办日期 < 2020-09-01)")).toMatchObject({
      where: { op: "<", right: { kind: "text", value: "2020-09-01" } },
    });
  });

  it("reads aggregates by their Chinese names", () => {
    expect(
      ast("合计(在园幼儿数) + 求和(在园幼儿数) - 平均值(入园率) + 最大(入园率) + 最小值(入园率) + 计数()"),
    ).toEqual(ast("sum(在园幼儿数) + sum(在园幼儿数) - avg(入园率) + max(入园率) + min(入园率) + count()"));
  });

  it("refuses nesting deeper than 60 levels and sources longer than 2000 characters, without overflowing", () => {
    expect(parseFormula(`${"(".repeat(61)}1${")".repeat(61)}`, fields)).toEqual({
      ok: false,
      message: "嵌套超过 60 层：请简化公式",
      at: 60,
    });
    expect(parseFormula(`${"-".repeat(61)}1`, fields)).toMatchObject({ ok: false, at: 60 });
    expect(parseFormula(`${"(".repeat(60)}1${")".repeat(60)}`, fields)).toEqual({ ok: true, ast: num(1) });
    expect(parseFormula(`1${" + 1".repeat(500)}`, fields)).toEqual({
      ok: false,
      message: "公式太长：请控制在 2000 个字符以内",
      at: 2000,
    });
  });

  it.each([
    ["sum(在园幼儿数 where ownership=公立)", "办学性质只能是 公办、民办、普惠性民办", 26],
    ["count(where 普惠 = 有)", "普惠只能是 是、否", 17],
    [
      "count(where 学段 = 大学)",
      "学段只能是 幼儿园、小学、初中、九年一贯制、高中、中职/职教中心、特殊教育学校、教师进修学校、其他",
      17,
    ],
    ["在园幼儿数 / 2", "「在园幼儿数」须放在汇总中，例如 sum(在园幼儿数) 或 count(在园幼儿数)", 0],
    ["sum(在园人数)", "表中没有名为「在园人数」的字段", 4],
    ["sum(在园幼儿数", "括号没有闭合：请补上 )", 3],
    ["1 +", "结尾处缺少字段或数值", 3],
    ["sum(在园幼儿数) sum(班级数)", "「sum」处多余：请检查是否缺少运算符或括号", 11],
    ["sum(在园幼儿数 where 办园等级 = 国家级)", "「办园等级」只能是 省级示范、市级示范、普通", 23],
    ["sum(在园幼儿数 where 党建示范校 > 是)", "「党建示范校」只能用 = 或 ≠ 比较", 22],
    ["sum(在园幼儿数 where 办学性质 < 公办)", "「办学性质」只能用 = 或 ≠ 比较", 21],
    ["sum(在园幼儿数 where sum(班级数) > 1)", "汇总中不能再套汇总（sum）", 16],
    ["sum(备注 说明)", "「备注 说明」是文字字段，不能求和", 0],
    ["avg(办园等级)", "「办园等级」是单选字段，不能求平均", 0],
    ["sum(在园幼儿数) + sum(班级数)", "单位不同（人 与 个），不能相加", 11],
    ["sum(在园幼儿数) > 5", "指标公式应算出一个数，例如 sum(在园幼儿数 where 办学性质 = 公办)", 11],
    ["count(where 在园幼儿数)", "此处应是一个条件，例如 办学性质 = 公办", 12],
    ["sum(在园幼儿数 where 开办日期 > 2023-02-30)", "「开办日期」应与日期比较，例如 2023-06-01", 23],
    ["sum(「在园幼儿数)", "引号没有闭合：请在名称后补上 」", 4],
    ["sum()", "「)」处缺少字段：sum 的括号里应写一个字段", 4],
    ["ownership", "单位属性「ownership」只能用在 where 条件中", 0],
    ["2 # 3", "无法识别的符号「#」", 2],
  ])("refuses %s: %s at %i", (source, message, at) => {
    expect(parseFormula(source, fields)).toEqual({ ok: false, message, at });
  });
});

describe("duplicate labels", () => {
  it("refuses a label two fields share instead of guessing which is meant", () => {
    const twice = [
      ...fields,
      { key: "children2", label: "在园幼儿数", type: "integer" as const, required: false },
    ];
    expect(parseFormula("sum(班级数) + sum(在园幼儿数)", twice)).toEqual({
      ok: false,
      message: "表中有 2 个字段都叫「在园幼儿数」：请先改名再写公式",
      at: 15,
    });
  });
});

describe("parseRule", () => {
  it("compares fields of one submission directly, with sums on either side", () => {
    expect(rule("公办在园幼儿数 <= 在园幼儿数")).toEqual({
      kind: "compare",
      op: "<=",
      left: { kind: "field", key: "publicChildren" },
      right: { kind: "field", key: "children" },
    });
    expect(rule("公办在园幼儿数 + 3-6岁幼儿数 = 在园幼儿数")).toMatchObject({
      kind: "compare",
      op: "=",
      left: { kind: "binary", op: "+" },
    });
  });

  it("reads a yes/no field, a choice and logic in a rule", () => {
    expect(rule("not 党建示范校 or 办园等级 ≠ 普通")).toMatchObject({ kind: "or", left: { kind: "not" } });
  });

  it.each([
    ["sum(在园幼儿数) > 1", "规则只比较同一份填报的字段，不能使用 sum 汇总", 0],
    ["在园幼儿数 + 1", "规则应是一个比较，例如 公办在园幼儿数 <= 在园幼儿总数", 6],
    ["办学性质 = 公办", "规则只能使用本表的字段，不能使用单位属性「办学性质」", 0],
    ["公办在园幼儿数 <= 在园幼儿总数", "表中没有名为「在园幼儿总数」的字段", 11],
    ["(在园幼儿数 > 1) + 1 > 2", "条件不能参与计算：请用括号把比较和计算分开", 7],
  ])("refuses %s: %s at %i", (source, message, at) => {
    expect(parseRule(source, fields)).toEqual({ ok: false, message, at });
  });
});

describe("formulaSource", () => {
  it("writes labels back, quoting those that need it, and parses to the same AST", () => {
    const parsed = ast(
      "count(where 学段=中职/职教中心 且 not (普惠 or 办园等级 in (普通))) − sum(3-6岁幼儿数) ÷ -(2 - 1)",
    );
    const text = formulaSource(parsed, fields);
    expect(text).toBe(
      "count(where 学段 = 「中职/职教中心」 and not (普惠 = 是 or 办园等级 in (普通))) - sum(「3-6岁幼儿数」) / -(2 - 1)",
    );
    expect(ast(text)).toEqual(parsed);
  });

  it("uses a field's new label after it is renamed", () => {
    const renamed = fields.map((f) => (f.key === "children" ? { ...f, label: "在园 幼儿 总数" } : f));
    expect(formulaSource(ast("sum(在园幼儿数)"), renamed)).toBe("sum(「在园 幼儿 总数」)");
  });
});
