import type { ComputedIndicator, FormRound } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPublishedPlan, type PublishedPlan } from "../../test/plan-fixtures.js";
import type { TestSession } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let p: PublishedPlan;
beforeAll(async () => {
  t = await createTestApp();
  p = await buildPublishedPlan(t);
}, 60_000);
afterAll(async () => t?.close());

async function expectOk<T>(res: Promise<{ statusCode: number; body: string }>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return JSON.parse(r.body) as T;
}

/** The unit fills in and submits; the 学前教育科 approves. */
async function fillAndApprove(unit: TestSession, submissionId: string, children: number) {
  const read = await expectOk<{ version: number }>(unit.get(`/api/form-submissions/${submissionId}`));
  const saved = await expectOk<{ version: number }>(
    unit.put(`/api/form-submissions/${submissionId}`, { values: { children }, version: read.version }),
  );
  const submitted = await expectOk<{ version: number }>(
    unit.post(`/api/form-submissions/${submissionId}/submit`, { version: saved.version }),
  );
  await expectOk(
    p.lead.post(`/api/form-submissions/${submissionId}/approve`, { version: submitted.version }),
  );
}

describe("approving form data through the forms API", () => {
  it("recomputes the indicator in the approval, and refuses deleting the field its formula reads", async () => {
    const fields = [
      { key: "children", label: "在园幼儿数", type: "integer", required: true, min: 0, unit: "人" },
    ];
    const form = await expectOk<{ id: string; version: number }>(
      p.lead.post(`/api/plans/${p.planId}/forms`, { title: "幼儿园在园幼儿数", fields, rules: [] }),
      201,
    );
    const round = await expectOk<FormRound>(
      p.lead.post(`/api/forms/${form.id}/rounds`, {
        name: "2023年6月",
        deadline: "2023-06-30",
        unitIds: [p.kindergarten.id, p.secondKindergarten.id],
      }),
      201,
    );
    const submissionOf = (unitId: string) => round.units.find((u) => u.unit.id === unitId)!.submissionId;
    const indicatorId = p.task9.indicators.find((i) => i.name === "公办幼儿园在园幼儿占比")!.id;
    const defined = await expectOk<ComputedIndicator>(
      p.lead.put(`/api/indicators/${indicatorId}/formula`, {
        formId: form.id,
        source: "sum(在园幼儿数 where 办学性质=公办) / sum(在园幼儿数) * 100",
      }),
    );
    // Nothing approved yet: a division by zero children is 无数据, not 0 % or NaN.
    expect([defined.value, defined.reason, defined.coverage, defined.status]).toEqual([
      null,
      "无数据",
      { reported: 0, expected: 2 },
      "no_data",
    ]);

    await fillAndApprove(p.kg1, submissionOf(p.kindergarten.id), 120);
    const one = await expectOk<ComputedIndicator>(p.kg2.get(`/api/indicators/${indicatorId}/computed`));
    // Both test kindergartens are public (the factory's default): 100 % of the children reported so far.
    expect([one.value, one.statusLabel, one.history.length]).toEqual([100, "进行中（已报 1/2）", 2]);

    await fillAndApprove(p.kg2, submissionOf(p.secondKindergarten.id), 80);
    const both = await expectOk<ComputedIndicator>(
      p.supervisor.get(`/api/indicators/${indicatorId}/computed`),
    );
    expect([both.value, both.statusLabel, both.history.length]).toEqual([100, "已达成", 3]);
    const rows = both.rows.items.map((r) => [r.unitName, r.values.children]);
    expect(rows.sort()).toEqual(
      [
        [p.kindergarten.name, 120],
        [p.secondKindergarten.name, 80],
      ].sort(),
    );

    // A new round is a new period: the stored history point follows at once, so the plan page does too.
    await expectOk(
      p.lead.post(`/api/forms/${form.id}/rounds`, {
        name: "2023年7月",
        deadline: "2023-07-31",
        unitIds: [p.kindergarten.id, p.secondKindergarten.id],
      }),
      201,
    );
    const next = await expectOk<ComputedIndicator>(p.lead.get(`/api/indicators/${indicatorId}/computed`));
    expect([next.value, next.reason, next.coverage, next.history.length]).toEqual([
      null,
      "无数据",
      { reported: 0, expected: 2 },
      4,
    ]);

    const edit = await p.lead.put(`/api/forms/${form.id}`, {
      title: "幼儿园在园幼儿数",
      fields: [{ key: "teachers", label: "专任教师数", type: "integer", required: false }],
      rules: [],
      version: (await expectOk<{ version: number }>(p.lead.get(`/api/forms/${form.id}`))).version,
    });
    expect([edit.statusCode, edit.json().error.message]).toEqual([
      409,
      "字段“在园幼儿数”被计算指标“公办幼儿园在园幼儿占比”的公式使用，不能删除；请先修改该指标的公式",
    ]);
  });
});
