import type { Form, FormPage, FormRound } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { buildTenant, buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { defineForm, ok, refused, sendToKindergartens } from "../../test/form-fixtures.js";
import { buildPublishedPlan, type PublishedPlan } from "../../test/plan-fixtures.js";
import { signIn } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let p: PublishedPlan;
beforeAll(async () => {
  t = await createTestApp();
  p = await buildPublishedPlan(t);
}, 120_000);
afterAll(async () => t?.close());

/** A form sent to both kindergartens whose round the lead has closed: active, nothing open. */
async function closedForm(): Promise<Form> {
  const form = await defineForm(p);
  const round = await sendToKindergartens(p, form.id);
  await ok<FormRound>(p.lead.post(`/api/form-rounds/${round.id}/close`, { version: round.version }));
  return ok<Form>(p.lead.get(`/api/forms/${form.id}`));
}

const archive = (form: { id: string; version: number }, by = p.lead) =>
  by.post(`/api/forms/${form.id}/archive`, { version: form.version });
const restore = (form: { id: string; version: number }, by = p.lead) =>
  by.post(`/api/forms/${form.id}/restore`, { version: form.version });
const listed = async (query = "") =>
  (await ok<FormPage>(p.lead.get(`/api/plans/${p.planId}/forms?pageSize=100${query}`))).items.map(
    (f) => f.id,
  );

describe("archiving a form", () => {
  it("archives an active form: hidden from the list unless asked for, no new round, restored on demand", async () => {
    const form = await closedForm();
    expect([form.abilities.archive, form.abilities.restore]).toEqual([true, false]);
    const archived = await ok<Form>(archive(form));
    expect([archived.status, archived.version, archived.abilities]).toEqual([
      "archived",
      form.version + 1,
      { edit: false, send: false, delete: false, review: true, archive: false, restore: true },
    ]);
    expect(await listed()).not.toContain(form.id);
    expect(await listed("&includeArchived=true")).toContain(form.id);
    await refused(
      p.lead.post(`/api/forms/${form.id}/rounds`, {
        name: "再次下发",
        deadline: "2023-06-30",
        unitIds: [p.kindergarten.id],
      }),
      409,
      "conflict",
      "该填报表已归档，不能再下发",
    );
    const back = await ok<Form>(restore(archived));
    expect([back.status, back.abilities.archive, back.abilities.send]).toEqual(["active", true, true]);
    expect(await listed()).toContain(form.id);
  });

  it("refuses while one of its rounds is open, naming the round (409)", async () => {
    const form = await defineForm(p);
    await sendToKindergartens(p, form.id);
    const sent = await ok<Form>(p.lead.get(`/api/forms/${form.id}`));
    await refused(archive(sent), 409, "conflict", "填报批次“2023年6月”尚未结束，请先结束该批次再归档填报表");
  });

  it("refuses while a computed indicator of the running plan reads it, naming the indicator (409)", async () => {
    const form = await closedForm();
    const indicator = p.task9.indicators.find((i) => i.name === "公办幼儿园在园幼儿占比")!;
    await ok(
      p.lead.put(`/api/indicators/${indicator.id}/formula`, {
        formId: form.id,
        source: "sum(公办在园幼儿数) / sum(在园幼儿数) × 100",
      }),
    );
    const details = await refused(
      archive(form),
      409,
      "conflict",
      "该填报表被计算指标“公办幼儿园在园幼儿占比”的公式使用，计划尚未归档，不能归档；请先修改或删除这些指标的公式",
    );
    expect(details).toEqual([{ indicator: { id: indicator.id, name: "公办幼儿园在园幼儿占比" } }]);
    // Once the plan is archived its figures are final: the form may go too.
    const plan = await ok<{ version: number }>(p.supervisor.get(`/api/plans/${p.planId}`));
    await ok(p.supervisor.post(`/api/plans/${p.planId}/archive`, { version: plan.version }));
    expect((await ok<Form>(archive(form))).status).toBe("archived");
    const again = await ok<{ version: number }>(p.supervisor.get(`/api/plans/${p.planId}`));
    await ok(p.supervisor.post(`/api/plans/${p.planId}/unarchive`, { version: again.version }));
  });

  it("refuses a draft form, a form already archived and a stale version (409)", async () => {
    const draft = await defineForm(p);
    await refused(archive(draft), 409, "conflict", "只有已下发的填报表可以归档");
    const form = await closedForm();
    await refused(archive({ ...form, version: form.version - 1 }), 409, "stale_version");
    await refused(restore(form), 409, "conflict", "该填报表未归档，无需恢复");
    const archived = await ok<Form>(archive(form));
    await refused(archive(archived), 409, "conflict");
    await refused(restore({ ...archived, version: form.version }), 409, "stale_version");
  });

  it("refuses without a session (401) and a body without a version (400)", async () => {
    const form = await closedForm();
    const res = await t.app.inject({
      method: "POST",
      url: `/api/forms/${form.id}/archive`,
      payload: { version: form.version },
    });
    expect(res.statusCode).toBe(401);
    await refused(p.lead.post(`/api/forms/${form.id}/archive`, {}), 400, "validation_failed");
    await refused(p.lead.post(`/api/forms/${form.id}/archive`, { version: "x" }), 400, "validation_failed");
  });

  it("refuses a leader and another department (403), a school (404) and another bureau (404)", async () => {
    const form = await closedForm();
    const leader = await buildUser(t.database.db as Db, { tenantId: p.tenant.id, role: "leader" });
    const lead = await signIn(t.app, leader.login, TEST_PASSWORD);
    await refused(archive(form, lead), 403, "forbidden", "只有填报表的负责科室或督查室可以归档");
    await refused(archive(form, p.otherDept), 403, "forbidden");
    await refused(archive(form, p.kg1), 404, "not_found");
    const other = await buildTenant(t.database.db as Db);
    const stranger = await buildUser(t.database.db as Db, { tenantId: other.id, role: "supervisor" });
    await refused(archive(form, await signIn(t.app, stranger.login, TEST_PASSWORD)), 404, "not_found");
    await refused(restore(form, await signIn(t.app, stranger.login, TEST_PASSWORD)), 404, "not_found");
    expect((await ok<Form>(p.lead.get(`/api/forms/${form.id}`))).status).toBe("active");
  });
});
