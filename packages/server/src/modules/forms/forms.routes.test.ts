import { type Form, type FormPage, type FormRound, parseFormula } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { indicatorFormulas } from "../../db/schema.js";
import {
  defineForm,
  kindergartenFields,
  kindergartenRules,
  ok,
  refused,
  sendToKindergartens,
} from "../../test/form-fixtures.js";
import { buildPublishedPlan, type PublishedPlan } from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let p: PublishedPlan;
beforeAll(async () => {
  t = await createTestApp();
  p = await buildPublishedPlan(t);
}, 120_000);
afterAll(async () => t?.close());

/** The edit body of a form as it stands, with changes. */
function edit(form: Form, changes: Partial<Record<string, unknown>> = {}) {
  return { title: form.title, fields: form.fields, rules: form.rules, version: form.version, ...changes };
}

describe("defining a form", () => {
  it("gives a department's form to the department, as a draft it may edit, send and delete", async () => {
    const form = await defineForm(p);
    expect(form).toMatchObject({
      planId: p.planId,
      title: "幼儿园基本情况统计表",
      description: "",
      status: "draft",
      ownerUnit: { id: p.preschool.id, name: "学前教育科" },
      fieldCount: 3,
      roundCount: 0,
      version: 0,
      rules: kindergartenRules,
      rounds: [],
      fieldsInUse: [],
      autoRound: null,
      abilities: { edit: true, send: true, delete: true, review: true, archive: false, restore: false },
    });
    expect(form.fields.map((f) => [f.key, f.label, f.type, f.required])).toEqual([
      ["children", "在园幼儿数", "integer", true],
      ["publicChildren", "公办在园幼儿数", "integer", false],
      ["inclusive", "是否普惠", "boolean", false],
    ]);
    // Another department and leaders read it; neither may change it.
    const seen = await ok<Form>(p.otherDept.get(`/api/forms/${form.id}`));
    expect(seen.abilities).toEqual({
      edit: false,
      send: false,
      delete: false,
      review: false,
      archive: false,
      restore: false,
    });
    const list = await ok<FormPage>(p.supervisor.get(`/api/plans/${p.planId}/forms`));
    expect(list.abilities).toEqual({ create: true });
    expect(list.items.find((f) => f.id === form.id)).toMatchObject({
      fieldCount: 3,
      roundCount: 0,
      abilities: { edit: true, send: true, delete: true, review: true },
    });
  });

  it("lets the 督查室 give a form to a department or keep it, and refuses a unit that is no department", async () => {
    const own = await ok<Form>(
      p.supervisor.post(`/api/plans/${p.planId}/forms`, { title: "督查室表", fields: kindergartenFields }),
      201,
    );
    expect(own.ownerUnit).toBeNull();
    // The 学前教育科 does not manage the 督查室's own form.
    expect((await ok<Form>(p.lead.get(`/api/forms/${own.id}`))).abilities.edit).toBe(false);
    const details = await refused(
      p.supervisor.post(`/api/plans/${p.planId}/forms`, {
        title: "督查室表",
        fields: kindergartenFields,
        ownerUnitId: p.kindergarten.id,
      }),
      400,
      "validation_failed",
    );
    expect(details).toEqual([{ path: "ownerUnitId", message: "负责科室不存在或已停用，请重新选择" }]);
  });

  it("refuses a department defining a form for another department", async () => {
    const details = await refused(
      p.lead.post(`/api/plans/${p.planId}/forms`, {
        title: "表",
        fields: kindergartenFields,
        ownerUnitId: p.kindergarten.id,
      }),
      400,
      "validation_failed",
    );
    expect(details).toEqual([{ path: "ownerUnitId", message: "科室只能为本科室定义填报表" }]);
  });

  const bad: [string, Record<string, unknown>, string, string][] = [
    ["no field", { fields: [] }, "fields", "请至少添加一个字段"],
    [
      "a repeated key",
      { fields: [kindergartenFields[0], { ...kindergartenFields[1], key: "children" }] },
      "fields.1.key",
      "字段代码“children”重复",
    ],
    [
      "a repeated label",
      { fields: [kindergartenFields[0], { ...kindergartenFields[1], label: "在园幼儿数" }] },
      "fields.1.label",
      "字段名称“在园幼儿数”重复",
    ],
    [
      "a choice without options",
      { fields: [{ key: "kind", label: "类型", type: "choice", required: true }] },
      "fields.0.options",
      "选择题请至少设置两个选项",
    ],
    [
      "a minimum above the maximum",
      { fields: [{ key: "n", label: "人数", type: "integer", required: true, min: 10, max: 1 }] },
      "fields.0.min",
      "最小值不能大于最大值",
    ],
    [
      "a key that is not a code",
      { fields: [{ key: "人数", label: "人数", type: "integer", required: true }] },
      "fields.0.key",
      "字段代码应以英文字母开头，只含字母、数字和下划线",
    ],
    [
      "an unknown type",
      { fields: [{ key: "n", label: "人数", type: "money", required: true }] },
      "fields.0.type",
      "字段类型不正确",
    ],
  ];
  for (const [what, body, path, message] of bad)
    it(`refuses ${what} with 400 naming the field`, async () => {
      const res = await p.lead.post(`/api/plans/${p.planId}/forms`, {
        title: "表",
        fields: kindergartenFields,
        ...body,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details).toContainEqual(expect.objectContaining({ path, message }));
    });

  it("refuses a rule that does not parse, naming the rule", async () => {
    const details = await refused(
      p.lead.post(`/api/plans/${p.planId}/forms`, {
        title: "表",
        fields: kindergartenFields,
        rules: [{ source: "公办在园幼儿数 <= ", message: "不能多于总数" }],
      }),
      400,
      "validation_failed",
      "校验规则有误：结尾处缺少字段或数值",
    );
    expect(details).toEqual([{ path: "rules.0.source", message: "结尾处缺少字段或数值" }]);
  });
});

describe("editing a form", () => {
  it("saves a draft's edit and refuses the same version again as stale", async () => {
    const form = await defineForm(p);
    const saved = await ok<Form>(p.lead.put(`/api/forms/${form.id}`, edit(form, { title: "幼儿园情况表" })));
    expect([saved.title, saved.version]).toEqual(["幼儿园情况表", 1]);
    await refused(
      p.lead.put(`/api/forms/${form.id}`, edit(form, { title: "又改" })),
      409,
      "stale_version",
      "该填报表已被他人修改，请刷新后再操作",
    );
  });

  it("keeps a sent form's field types but lets labels, bounds and new fields change", async () => {
    const form = await defineForm(p);
    await sendToKindergartens(p, form.id);
    const sent = await ok<Form>(p.lead.get(`/api/forms/${form.id}`));
    expect([sent.status, sent.roundCount, sent.abilities.delete]).toEqual(["active", 1, false]);
    const retyped = sent.fields.map((f) => (f.key === "children" ? { ...f, type: "decimal" } : f));
    await refused(
      p.lead.put(`/api/forms/${form.id}`, edit(sent, { fields: retyped })),
      409,
      "conflict",
      "填报表已下发，字段“在园幼儿数”的类型不能再修改；如需其他类型，请新增一个字段",
    );
    const relabelled = [
      ...sent.fields.map((f) => (f.key === "children" ? { ...f, label: "在园幼儿总数", max: 8000 } : f)),
      { key: "teachers", label: "专任教师数", type: "integer", required: false, min: 0 },
    ];
    const rules = [
      { source: "公办在园幼儿数 <= 在园幼儿总数", message: "公办在园幼儿数不能多于在园幼儿总数" },
    ];
    const saved = await ok<Form>(
      p.lead.put(`/api/forms/${form.id}`, edit(sent, { fields: relabelled, rules })),
    );
    expect(saved.fields.map((f) => `${f.key}:${f.label}:${f.max ?? ""}`)).toEqual([
      "children:在园幼儿总数:8000",
      "publicChildren:公办在园幼儿数:",
      "inclusive:是否普惠:",
      "teachers:专任教师数:",
    ]);
  });

  it("rewrites a rule for a renamed field, so an edit that renames keeps the rule it was sent with", async () => {
    const form = await defineForm(p);
    const renamed = form.fields.map((f) => (f.key === "children" ? { ...f, label: "在园幼儿总数" } : f));
    // The rules as the page held them, still naming the old label.
    const saved = await ok<Form>(p.lead.put(`/api/forms/${form.id}`, edit(form, { fields: renamed })));
    expect(saved.rules).toEqual([
      { source: "公办在园幼儿数 <= 在园幼儿总数", message: "公办在园幼儿数不能多于在园幼儿数" },
    ]);
    const dropped = saved.fields.filter((f) => f.key !== "publicChildren");
    await refused(
      p.lead.put(`/api/forms/${form.id}`, edit(saved, { fields: dropped })),
      400,
      "validation_failed",
      "校验规则有误：表中没有名为「公办在园幼儿数」的字段",
    );
  });

  it("refuses removing a field a computed indicator uses, naming the indicator, and the form's deletion", async () => {
    const form = await defineForm(p);
    const indicator = p.task9.indicators.find((i) => i.name === "公办幼儿园在园幼儿占比")!;
    const parsed = parseFormula("sum(公办在园幼儿数) / sum(在园幼儿数) * 100", form.fields);
    if (!parsed.ok) throw new Error(parsed.message);
    await (t.database.db as Db).insert(indicatorFormulas).values({
      indicatorId: indicator.id,
      tenantId: p.tenant.id,
      formId: form.id,
      source: "sum(公办在园幼儿数) / sum(在园幼儿数) * 100",
      ast: parsed.ast,
    });
    const read = await ok<Form>(p.lead.get(`/api/forms/${form.id}`));
    const ref = { id: indicator.id, name: "公办幼儿园在园幼儿占比" };
    expect(read.fieldsInUse).toEqual([
      { fieldKey: "publicChildren", indicator: ref },
      { fieldKey: "children", indicator: ref },
    ]);
    const withoutPublic = form.fields.filter((f) => f.key !== "publicChildren");
    const details = await refused(
      p.lead.put(`/api/forms/${form.id}`, edit(form, { fields: withoutPublic, rules: [] })),
      409,
      "form_field_in_use",
      "字段“公办在园幼儿数”被计算指标“公办幼儿园在园幼儿占比”的公式使用，不能删除；请先修改该指标的公式",
    );
    expect(details).toEqual([{ field: "publicChildren", indicator: ref }]);
    // A field no formula uses still goes.
    const withoutInclusive = form.fields.filter((f) => f.key !== "inclusive");
    expect(
      (await ok<Form>(p.lead.put(`/api/forms/${form.id}`, edit(form, { fields: withoutInclusive }))))
        .fieldCount,
    ).toBe(2);
    await refused(
      p.lead.request("DELETE", `/api/forms/${form.id}`, { version: 1 }),
      409,
      "form_field_in_use",
      "该填报表被计算指标“公办幼儿园在园幼儿占比”的公式使用，不能删除；请先修改该指标的公式",
    );
  });
});

describe("deleting a form", () => {
  it("deletes a draft nothing was sent of; it is then gone", async () => {
    const form = await defineForm(p);
    const res = await p.lead.request("DELETE", `/api/forms/${form.id}`, { version: 0 });
    expect(res.statusCode, res.body).toBe(204);
    await refused(p.lead.get(`/api/forms/${form.id}`), 404, "not_found", "填报表不存在或无权查看");
  });

  it("refuses deleting a sent form, whose submissions are kept", async () => {
    const form = await defineForm(p);
    const round: FormRound = await sendToKindergartens(p, form.id);
    expect(round.counts.expected).toBe(2);
    await refused(
      p.lead.request("DELETE", `/api/forms/${form.id}`, { version: 1 }),
      409,
      "conflict",
      "该填报表已下发，单位的填报记录须保留，不能删除",
    );
  });

  // Each role's refusal of each route is in the refusal matrix (forms.access.ts); here the messages.
  it("hides a form from a school (404) and refuses it the plan's list (403)", async () => {
    const form = await defineForm(p);
    await refused(p.kg1.get(`/api/forms/${form.id}`), 404, "not_found");
    await refused(
      p.kg1.get(`/api/plans/${p.planId}/forms`),
      403,
      "forbidden",
      "只有局机关可以查看填报表；学校请在“我的填报”中填写",
    );
  });
});
