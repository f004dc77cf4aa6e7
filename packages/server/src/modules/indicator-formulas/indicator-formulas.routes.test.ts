import type { ComputedIndicator, PlanDetail } from "@duban/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { forms } from "../../db/schema.js";
import { closeRound, insertForm, insertRound, setSubmissionStatus } from "../../test/computed-fixtures.js";
import { buildPublishedPlan, flattenTree, type PublishedPlan } from "../../test/plan-fixtures.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";
import { recomputeFormIndicators } from "./index.js";

const share = "sum(在园幼儿数 where 办学性质=公办) / sum(在园幼儿数) × 100";

let t: TestApp;
let p: PublishedPlan;
let db: Db;
let indicatorId: string;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db as Db;
  p = await buildPublishedPlan(t);
  indicatorId = p.task9.indicators.find((i) => i.name === "公办幼儿园在园幼儿占比")!.id;
}, 60_000);
afterAll(async () => t?.close());

/** A kindergarten form sent to three kindergartens: a public one (250), a private one (150) and a public one still to report. */
async function threeKindergartens(plan: PublishedPlan = p) {
  const { form, createdBy } = await insertForm(db, { tenantId: plan.tenant.id, planId: plan.planId });
  const { round, units } = await insertRound(db, { tenantId: plan.tenant.id, formId: form.id, createdBy }, [
    { ownership: "public", values: { children: 250 }, status: "approved" },
    { ownership: "private", values: { children: 150 }, status: "approved" },
    { ownership: "public", values: { children: 300 }, status: "submitted" },
  ]);
  return { form, round, units };
}

const computed = async (id = indicatorId, query = "") =>
  (await p.supervisor.get(`/api/indicators/${id}/computed${query}`)).json() as ComputedIndicator;
const planIndicator = async (id: string) => {
  const plan = (await p.supervisor.get(`/api/plans/${p.planId}`)).json() as PlanDetail;
  return flattenTree(plan.nodes)
    .flatMap((n) => n.indicators)
    .find((i) => i.id === id)!;
};

describe("a computed indicator", () => {
  let setup: Awaited<ReturnType<typeof threeKindergartens>>;
  beforeAll(async () => {
    setup = await threeKindergartens();
  });

  it("is defined by the lead department, computed at once, and shown in progress while a unit is missing", async () => {
    const res = await p.lead.put(`/api/indicators/${indicatorId}/formula`, {
      formId: setup.form.id,
      source: share,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as ComputedIndicator;
    // 250 of the 400 children reported so far are in public kindergartens; one of three has yet to be approved.
    expect(body).toMatchObject({
      value: 62.5,
      reason: null,
      coverage: { reported: 2, expected: 3 },
      status: "on_track",
      statusLabel: "进行中（已报 2/3）",
      formula: { formId: setup.form.id, source: share, version: 0, words: expect.stringContaining("÷") },
      history: [{ value: 62.5, reported: 2, expected: 3, at: TEST_NOW.toISOString() }],
      columns: [{ key: "children", label: "在园幼儿数", type: "integer", unit: "人" }],
      abilities: { define: true },
    });
    expect(body.rows.items.map((r) => [r.unitName, r.ownership, r.inclusive, r.values])).toEqual([
      [setup.units[0]!.name, "public", true, { children: 250 }],
      [setup.units[1]!.name, "private", false, { children: 150 }],
    ]);
  });

  it("feeds the plan page: the computed value and coverage, not met before every unit is in", async () => {
    expect(await planIndicator(indicatorId)).toMatchObject({
      actual: 62.5,
      coverage: { reported: 2, expected: 3 },
      status: "on_track",
    });
  });

  it("feeds the cockpit with the same figure", async () => {
    const res = await p.supervisor.get(`/api/plans/${p.planId}/cockpit`);
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().indicators.find((i: { indicatorId: string }) => i.indicatorId === indicatorId);
    expect(row).toMatchObject({ value: 62.5, reported: 2, expected: 3, status: "on_track" });
  });

  it("shows the formula with a renamed field's new label, and as written while nothing was renamed", async () => {
    expect((await computed(indicatorId)).formula?.source).toBe(share);
    const fields = setup.form.fields.map((f) => (f.key === "children" ? { ...f, label: "在园幼儿总数" } : f));
    await db.update(forms).set({ fields }).where(eq(forms.id, setup.form.id));
    try {
      expect((await computed(indicatorId)).formula?.source).toBe(
        "sum(在园幼儿总数 where 办学性质 = 公办) / sum(在园幼儿总数) * 100",
      );
    } finally {
      await db.update(forms).set({ fields: setup.form.fields }).where(eq(forms.id, setup.form.id));
    }
  });

  it("sorts the drill-down rows by a field and pages them", async () => {
    const page = await computed(indicatorId, "?sort=children&order=desc&pageSize=1&page=2");
    expect([page.rows.total, page.rows.items.map((r) => r.values.children)]).toEqual([2, [150]]);
    const bad = await p.supervisor.get(`/api/indicators/${indicatorId}/computed?sort=password`);
    expect([bad.statusCode, bad.json().error.details]).toEqual([
      400,
      [{ path: "sort", message: "只能按单位、乡镇（街道）或公式用到的字段排序" }],
    ]);
  });

  it("is read by a school, which may not define it", async () => {
    const res = await p.kg1.get(`/api/indicators/${indicatorId}/computed`);
    expect([res.statusCode, res.json().value, res.json().abilities]).toEqual([200, 62.5, { define: false }]);
  });

  it("recomputes after an approval, appending one history point, and none when nothing changed", async () => {
    await setSubmissionStatus(
      db,
      { tenantId: p.tenant.id, roundId: setup.round.id, unitId: setup.units[2]!.id },
      "approved",
    );
    const later = new Date(TEST_NOW.getTime() + 60_000);
    const first = await db.transaction((tx) =>
      recomputeFormIndicators(tx, { tenantId: p.tenant.id, formId: setup.form.id, now: later }),
    );
    const again = await db.transaction((tx) =>
      recomputeFormIndicators(tx, { tenantId: p.tenant.id, formId: setup.form.id, now: later }),
    );
    expect([first, again]).toEqual([
      { recomputed: 1, changed: 1 },
      { recomputed: 1, changed: 0 },
    ]);
    const body = await computed();
    // 550 of 700 children are in public kindergartens, and every kindergarten is in: met.
    expect(body).toMatchObject({
      value: (550 / 700) * 100,
      coverage: { reported: 3, expected: 3 },
      status: "met",
      statusLabel: "已达成",
    });
    expect(body.history.map((h) => [h.value, h.reported])).toEqual([
      [62.5, 2],
      [(550 / 700) * 100, 3],
    ]);
  });

  it("refuses a stale version and replaces the formula with the version read", async () => {
    const stale = await p.supervisor.put(`/api/indicators/${indicatorId}/formula`, {
      formId: setup.form.id,
      source: share,
    });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, "stale_version"]);
    const ok = await p.supervisor.put(`/api/indicators/${indicatorId}/formula`, {
      formId: setup.form.id,
      source: "sum(在园幼儿数 where 普惠) / sum(在园幼儿数) * 100",
      version: 0,
    });
    expect([ok.statusCode, ok.json().formula.version, ok.json().value]).toEqual([200, 1, (550 / 700) * 100]);
  });
}, 60_000);

describe("completeness and closing the round", () => {
  it("shows exactly 62.5 % in progress with 2 of 3 in, and 已达成 once the round is closed", async () => {
    const q = await buildPublishedPlan(t);
    const id = q.task9.indicators.find((i) => i.name === "公办幼儿园在园幼儿占比")!.id;
    const { form, round } = await threeKindergartens(q);
    const put = await q.lead.put(`/api/indicators/${id}/formula`, { formId: form.id, source: share });
    expect(put.statusCode, put.body).toBe(200);
    // 62.5 ≥ 50, but a kindergarten has yet to be approved and could bring the share down.
    expect([put.json().value, put.json().status, put.json().statusLabel]).toEqual([
      62.5,
      "on_track",
      "进行中（已报 2/3）",
    ]);
    const cockpitRow = async () => {
      const res = await q.supervisor.get(`/api/plans/${q.planId}/cockpit`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().indicators.find((i: { indicatorId: string }) => i.indicatorId === id);
    };
    expect(await cockpitRow()).toMatchObject({ value: 62.5, status: "on_track" });
    await closeRound(db, { tenantId: q.tenant.id, roundId: round.id, closedAt: TEST_NOW });
    // The cockpit kept its answer until the data moved: closing the round is such a move.
    expect(await cockpitRow()).toMatchObject({ value: 62.5, status: "met" });
    const closed = (await q.supervisor.get(`/api/indicators/${id}/computed`)).json() as ComputedIndicator;
    expect([closed.value, closed.status, closed.statusLabel, closed.coverage]).toEqual([
      62.5,
      "met",
      "已达成",
      { reported: 2, expected: 3 },
    ]);
    const plan = (await q.supervisor.get(`/api/plans/${q.planId}`)).json() as PlanDetail;
    const onPlan = flattenTree(plan.nodes)
      .flatMap((n) => n.indicators)
      .find((i) => i.id === id)!;
    expect([onPlan.actual, onPlan.status]).toEqual([62.5, "met"]);
  });
}, 60_000);

describe("refusals", () => {
  it("refuses a formula that does not parse with the message and its position", async () => {
    const { form } = await insertForm(db, { tenantId: p.tenant.id, planId: p.planId });
    const res = await p.supervisor.put(`/api/indicators/${indicatorId}/formula`, {
      formId: form.id,
      source: "sum(在园幼儿数 / 3",
      version: 1,
    });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe("validation_failed");
    expect(error.details).toEqual([{ path: "source", message: expect.any(String), at: 3 }]);
    expect(error.message).toBe(`计算公式第 4 个字符处有误：${error.details[0].message}`);
  });

  it("refuses a formula naming a field the form does not have", async () => {
    const { form } = await insertForm(db, { tenantId: p.tenant.id, planId: p.planId });
    const res = await p.supervisor.put(`/api/indicators/${indicatorId}/formula`, {
      formId: form.id,
      source: "sum(专任教师数)",
      version: 1,
    });
    expect([res.statusCode, res.json().error.details[0].path]).toEqual([400, "source"]);
  });

  it("refuses a form of another plan", async () => {
    const other = await buildPublishedPlan(t);
    const { form } = await insertForm(db, { tenantId: other.tenant.id, planId: other.planId });
    const foreign = await p.supervisor.put(`/api/indicators/${indicatorId}/formula`, {
      formId: form.id,
      source: share,
      version: 1,
    });
    // Another bureau's form is not there at all.
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([404, "not_found"]);
    const again = await other.supervisor.put(`/api/indicators/${other.task9.indicators[0]!.id}/formula`, {
      formId: (await insertForm(db, { tenantId: other.tenant.id, planId: p.planId })).form.id,
      source: share,
    });
    expect([again.statusCode, again.json().error.details]).toEqual([
      400,
      [{ path: "formId", message: "该填报表不属于此指标所在的计划，请选择本计划的填报表" }],
    ]);
  });

  it("refuses the roles and departments that do not define it, and another bureau's indicator", async () => {
    const body = { formId: "00000000-0000-4000-8000-000000000000", source: share };
    for (const s of [p.admin, p.kg1, p.otherDept]) {
      const res = await s.put(`/api/indicators/${indicatorId}/formula`, body);
      expect([res.statusCode, res.json().error.message]).toEqual([
        403,
        "只有督查室或该任务的牵头科室可以设置计算公式",
      ]);
    }
    const other = await buildPublishedPlan(t);
    const res = await other.supervisor.get(`/api/indicators/${indicatorId}/computed`);
    expect(res.statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: "GET", url: `/api/indicators/${indicatorId}/computed` })).statusCode,
    ).toBe(401);
  });
}, 120_000);

describe("removing a formula", () => {
  it("puts the indicator back to reported values and forgets its computed history", async () => {
    const id = indicatorId;
    const removed = await p.lead.request("DELETE", `/api/indicators/${id}/formula`);
    expect(removed.statusCode, removed.body).toBe(204);
    const after = await computed(id);
    expect([after.formula, after.history, after.value]).toEqual([null, [], null]);
    expect((await planIndicator(id)).coverage).toEqual({ reported: 0, expected: 0 });
    const again = await p.lead.request("DELETE", `/api/indicators/${id}/formula`);
    expect([again.statusCode, again.json().error.code]).toEqual([404, "not_found"]);
  });
});
