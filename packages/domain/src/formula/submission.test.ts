import { describe, expect, it } from "vitest";
import type { FormField, FormRule } from "../forms.js";
import { checkSubmission } from "./index.js";
import { fields } from "./test-fixtures/fields.js";

const rules: FormRule[] = [
  { source: "公办在园幼儿数 ≤ 在园幼儿数", message: "公办在园幼儿数不能多于在园幼儿数" },
];
const check = (
  values: Record<string, unknown>,
  formRules: FormRule[] = rules,
  formFields: FormField[] = fields,
) => checkSubmission(formFields, formRules, values as never);
const only = (field: FormField) => (value: unknown) => check({ [field.key]: value }, [], [field]);

describe("checkSubmission", () => {
  it("accepts a complete, consistent submission", () => {
    expect(
      check({
        children: 120,
        publicChildren: 100,
        area: 3.25,
        rate: 99.5,
        model: true,
        level: "普通",
        stages: ["小班", "大班"],
        opened: "2024-02-29",
        note: "新园",
        proof: "file_01HZ",
      }),
    ).toEqual([]);
  });

  it("names the field of each wrong value, then the broken rule with the form's message", () => {
    expect(check({ children: 12.5, publicChildren: 20, rate: 101 })).toEqual([
      { field: "children", message: "在园幼儿数：应为整数" },
      { field: "rate", message: "入园率：应在 0% 到 100% 之间" },
    ]);
    expect(check({ children: 12, publicChildren: 20 })).toEqual([
      { field: null, message: "公办在园幼儿数不能多于在园幼儿数" },
    ]);
  });

  it("asks for required values, empty text and empty choices included", () => {
    expect(check({})).toEqual([{ field: "children", message: "在园幼儿数：必填，请填写" }]);
    const required: FormField = {
      key: "k",
      label: "开设年级",
      type: "multi_choice",
      required: true,
      options: ["小班"],
    };
    expect(only(required)([])).toEqual([{ field: "k", message: "开设年级：必填，请填写" }]);
  });

  it.each([
    [{ key: "n", label: "人数", type: "integer", required: false, min: 0 }, -1, "人数：不能小于 0"],
    [
      { key: "n", label: "人数", type: "integer", required: false, max: 10, unit: "人" },
      11,
      "人数：不能大于 10人",
    ],
    [{ key: "n", label: "人数", type: "integer", required: false }, "12", "人数：应为数字"],
    [{ key: "n", label: "人数", type: "integer", required: false }, Number.NaN, "人数：应为数字"],
    [
      { key: "d", label: "面积", type: "decimal", required: false, decimals: 2 },
      1.234,
      "面积：最多保留 2 位小数",
    ],
    [{ key: "d", label: "面积", type: "decimal", required: false, decimals: 0 }, 1.5, "面积：应为整数"],
    [{ key: "p", label: "增长率", type: "percent", required: false }, -0.1, "增长率：应在 0% 到 100% 之间"],
    [
      { key: "p", label: "增长率", type: "percent", required: false, max: 300 },
      301,
      "增长率：应在 0% 到 300% 之间",
    ],
    [{ key: "b", label: "示范", type: "boolean", required: false }, "是", "示范：应为“是”或“否”"],
    [
      { key: "c", label: "等级", type: "choice", required: false, options: ["甲", "乙"] },
      "丙",
      "等级：只能选 甲、乙 之一",
    ],
    [
      { key: "m", label: "年级", type: "multi_choice", required: false, options: ["甲", "乙"] },
      ["甲", "丙"],
      "年级：只能从 甲、乙 中选择",
    ],
    [
      { key: "m", label: "年级", type: "multi_choice", required: false, options: ["甲", "乙"] },
      "甲",
      "年级：只能从 甲、乙 中选择",
    ],
    [
      { key: "m", label: "年级", type: "multi_choice", required: false, options: ["甲", "乙"] },
      ["甲", "甲"],
      "年级：同一选项只能选一次",
    ],
    [
      { key: "m", label: "年级", type: "multi_choice", required: false, options: ["甲", "乙"], min: 2 },
      ["甲"],
      "年级：至少 2 项",
    ],
    [
      { key: "t", label: "日期", type: "date", required: false },
      "2023-02-29",
      "日期：应为日期，格式如 2023-06-01",
    ],
    [
      { key: "t", label: "日期", type: "date", required: false },
      "2023-6-1",
      "日期：应为日期，格式如 2023-06-01",
    ],
    [{ key: "x", label: "备注", type: "text", required: false, max: 3 }, "四个汉字", "备注：最多 3 字"],
    [{ key: "x", label: "备注", type: "text", required: false }, 5, "备注：应为文字"],
    [{ key: "f", label: "附件", type: "file", required: false }, 42, "附件：应为已上传的附件"],
  ] as [FormField, unknown, string][])("refuses %o = %o: %s", (field, value, message) => {
    expect(only(field)(value)).toEqual([{ field: field.key, message }]);
  });

  it("accepts boundary values and a percent above 100 when the form allows it", () => {
    const rate: FormField = {
      key: "p",
      label: "增长率",
      type: "percent",
      required: false,
      min: -50,
      max: 300,
      decimals: 1,
    };
    expect(only(rate)(300)).toEqual([]);
    expect(only(rate)(-50)).toEqual([]);
    expect(only(rate)(0.1 + 0.2)).toEqual([]);
    expect(only({ key: "x", label: "备注", type: "text", required: false, max: 3 })("三个字")).toEqual([]);
  });

  it("lets a draft leave required fields empty and break rules, but not hold wrong values", () => {
    const draft = (values: Record<string, unknown>) =>
      checkSubmission(fields, rules, values as never, { draft: true });
    expect(draft({ publicChildren: 20, children: 10 })).toEqual([]);
    expect(draft({ children: 1.5 })).toEqual([{ field: "children", message: "在园幼儿数：应为整数" }]);
  });

  it("does not report a rule over a value already reported as wrong", () => {
    expect(check({ children: 10, publicChildren: 20.5 })).toEqual([
      { field: "publicChildren", message: "公办在园幼儿数：应为整数" },
    ]);
  });

  it("reports a rule that no longer parses instead of skipping it", () => {
    expect(check({ children: 1 }, [{ source: "在园总数 >= 0", message: "x" }])).toEqual([
      {
        field: null,
        message: "校验规则「在园总数 >= 0」有误（表中没有名为「在园总数」的字段）：请联系表单管理员",
      },
    ]);
  });
});
