import type { Form, FormSubmission, FormSubmissionPage } from "@duban/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "../../db/client.js";
import { formRounds } from "../../db/schema.js";
import { fillAndSubmit, ok, refused, sentForm } from "../../test/form-fixtures.js";
import { toldOf } from "../../test/notification-fixtures.js";
import { buildPublishedPlan, type PublishedPlan } from "../../test/plan-fixtures.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";
import { onFormDataChanged } from "./index.js";

let t: TestApp;
let p: PublishedPlan;
beforeAll(async () => {
  t = await createTestApp();
  p = await buildPublishedPlan(t);
}, 120_000);
afterAll(async () => t?.close());

const url = (id: string) => `/api/form-submissions/${id}`;

describe("filling in a form", () => {
  it("lists the unit's own submissions, with what it may do", async () => {
    const { mine, theirs, form } = await sentForm(p);
    const page = await ok<FormSubmissionPage>(p.kg1.get("/api/my/form-submissions?status=draft"));
    const item = page.items.find((s) => s.id === mine)!;
    expect(item).toMatchObject({
      form: { id: form.id, title: "幼儿园基本情况统计表", planId: p.planId },
      round: { name: "2023年6月", deadline: "2023-06-30", status: "open" },
      unit: { id: p.kindergarten.id, name: "西城幼儿园" },
      status: "draft",
      late: false,
      submittedAt: null,
      returnReason: null,
      version: 0,
      abilities: { edit: true, submit: true, review: false },
    });
    expect(page.items.some((s) => s.id === theirs)).toBe(false);
    // A bureau user without a unit has none of its own.
    expect((await ok<FormSubmissionPage>(p.supervisor.get("/api/my/form-submissions"))).total).toBe(0);
  });

  it("saves a draft with a required field still empty, and records it in the history", async () => {
    const { mine } = await sentForm(p);
    const saved = await ok<FormSubmission>(
      p.kg1.put(url(mine), { values: { publicChildren: 30 }, version: 0 }),
    );
    expect([saved.status, saved.values, saved.version]).toEqual(["draft", { publicChildren: 30 }, 1]);
    expect(saved.history.map((h) => [h.action, h.values, h.at])).toEqual([
      ["saved", { publicChildren: 30 }, "2023-06-15T01:00:00.000Z"],
    ]);
    await refused(
      p.kg1.put(url(mine), { values: {}, version: 0 }),
      409,
      "stale_version",
      "该填报刚被他人修改或审核，请刷新后再操作",
    );
  });

  it("refuses a value of the wrong type, out of bounds or of no field, naming each field", async () => {
    const { mine } = await sentForm(p);
    const details = await refused(
      p.kg1.put(url(mine), { values: { children: "很多", publicChildren: -1, teachers: 3 }, version: 0 }),
      400,
      "validation_failed",
      "表中没有这一项（teachers）：请刷新页面后重新填写（共 3 处需要修改）",
    );
    expect(details).toEqual([
      {
        field: "teachers",
        path: "values.teachers",
        message: "表中没有这一项（teachers）：请刷新页面后重新填写",
      },
      { field: "children", path: "values.children", message: "在园幼儿数：应为数字" },
      { field: "publicChildren", path: "values.publicChildren", message: "公办在园幼儿数：不能小于 0" },
    ]);
  });

  it("checks every required field and cross-field rule on submitting", async () => {
    const { mine } = await sentForm(p);
    const saved = await ok<FormSubmission>(
      p.kg1.put(url(mine), { values: { publicChildren: 30 }, version: 0 }),
    );
    expect(
      await refused(
        p.kg1.post(`${url(mine)}/submit`, { version: saved.version }),
        400,
        "validation_failed",
        "在园幼儿数：必填，请填写",
      ),
    ).toEqual([{ field: "children", path: "values.children", message: "在园幼儿数：必填，请填写" }]);
    const over = await ok<FormSubmission>(
      p.kg1.put(url(mine), { values: { children: 20, publicChildren: 30 }, version: 1 }),
    );
    expect(
      await refused(p.kg1.post(`${url(mine)}/submit`, { version: over.version }), 400, "validation_failed"),
    ).toEqual([{ field: null, path: "values", message: "公办在园幼儿数不能多于在园幼儿数" }]);
    const submitted = await fillAndSubmit(p.kg1, mine, {
      children: 120,
      publicChildren: 30,
      inclusive: true,
    });
    expect([submitted.status, submitted.late, submitted.submittedAt]).toEqual([
      "submitted",
      false,
      "2023-06-15T01:00:00.000Z",
    ]);
    expect(submitted.abilities).toEqual({ edit: false, submit: false, review: false });
    await refused(
      p.kg1.put(url(mine), { values: {}, version: submitted.version }),
      409,
      "conflict",
      "该填报已提交，正在等待审核；如需修改，请联系负责科室退回",
    );
  });

  it("submits without the values of a field removed after they were saved", async () => {
    const { form, mine } = await sentForm(p);
    const saved = await ok<FormSubmission>(
      p.kg1.put(url(mine), { values: { children: 10, inclusive: true }, version: 0 }),
    );
    const current = await ok<Form>(p.lead.get(`/api/forms/${form.id}`));
    const fields = current.fields.filter((f) => f.key !== "inclusive");
    const body = { title: current.title, fields, rules: current.rules, version: current.version };
    await ok<Form>(p.lead.put(`/api/forms/${form.id}`, body));
    const submitted = await ok<FormSubmission>(p.kg1.post(`${url(mine)}/submit`, { version: saved.version }));
    expect([submitted.status, submitted.values]).toEqual(["submitted", { children: 10 }]);
  });

  it("marks a submission on the deadline day on time, and one after it late", async () => {
    const { round, mine, theirs } = await sentForm(p, "2023-06-15");
    expect((await fillAndSubmit(p.kg1, mine, { children: 10 })).late).toBe(false);
    // The deadline is moved back a day, as if the round had been sent earlier.
    await (t.database.db as Db)
      .update(formRounds)
      .set({ deadline: "2023-06-14" })
      .where(and(eq(formRounds.tenantId, p.tenant.id), eq(formRounds.id, round.id)));
    expect((await fillAndSubmit(p.kg2, theirs, { children: 10 })).late).toBe(true);
    expect(t.clock.now()).toEqual(TEST_NOW);
  });

  it("hides another unit's submission (404) and refuses bureau staff filling it in (403)", async () => {
    const { mine } = await sentForm(p);
    await refused(p.kg2.get(url(mine)), 404, "not_found", "填报不存在或无权查看");
    await refused(p.kg2.put(url(mine), { values: {}, version: 0 }), 404, "not_found");
    await refused(
      p.lead.put(url(mine), { values: {}, version: 0 }),
      403,
      "forbidden",
      "只有填报单位本单位的用户可以填写和提交",
    );
  });
});

describe("reviewing a submission", () => {
  it("approves and locks it, running the approval hooks in its transaction", async () => {
    const hook = vi.fn(async () => {});
    const off = onFormDataChanged(hook);
    try {
      const { mine, form } = await sentForm(p);
      const submitted = await fillAndSubmit(p.kg1, mine, { children: 100, publicChildren: 60 });
      await refused(p.lead.post(`${url(mine)}/approve`, { version: 0 }), 409, "stale_version");
      const approved = await ok<FormSubmission>(
        p.lead.post(`${url(mine)}/approve`, { version: submitted.version }),
      );
      expect([approved.status, approved.reviewedAt, approved.abilities]).toEqual([
        "approved",
        "2023-06-15T01:00:00.000Z",
        { edit: false, submit: false, review: false },
      ]);
      expect(approved.history.map((h) => h.action)).toEqual(["saved", "submitted", "approved"]);
      // Once when the round was sent (a new period for computed indicators), once for the approval.
      expect(hook).toHaveBeenCalledTimes(2);
      expect(hook.mock.calls.map((c) => c.slice(1))).toEqual([
        [{ tenantId: p.tenant.id, formId: form.id, now: TEST_NOW }],
        [{ tenantId: p.tenant.id, formId: form.id, now: TEST_NOW }],
      ]);
      await refused(
        p.kg1.put(url(mine), { values: { children: 1 }, version: approved.version }),
        409,
        "conflict",
        "该填报已审核通过并锁定，不能再修改",
      );
      await refused(
        p.lead.post(`${url(mine)}/return`, { version: approved.version, reason: "再看看" }),
        409,
        "conflict",
        "该填报已审核通过并锁定",
      );
    } finally {
      off();
    }
  });

  it("undoes the approval when a hook fails", async () => {
    const { mine } = await sentForm(p);
    const submitted = await fillAndSubmit(p.kg1, mine, { children: 100 });
    const off = onFormDataChanged(async () => {
      throw new Error("recompute failed");
    });
    try {
      const res = await p.lead.post(`${url(mine)}/approve`, { version: submitted.version });
      expect(res.statusCode).toBe(500);
      const after = await ok<FormSubmission>(p.lead.get(url(mine)));
      expect([after.status, after.version, after.history.map((h) => h.action)]).toEqual([
        "submitted",
        submitted.version,
        ["saved", "submitted"],
      ]);
    } finally {
      off();
    }
  });

  it("returns it with a reason the unit is told, and takes the corrected one again", async () => {
    const { mine } = await sentForm(p);
    const submitted = await fillAndSubmit(p.kg1, mine, { children: 100 });
    expect(
      await refused(
        p.lead.post(`${url(mine)}/return`, { version: submitted.version, reason: "  " }),
        400,
        "validation_failed",
      ),
    ).toEqual([{ path: "reason", message: "请填写退回原因" }]);
    const returned = await ok<FormSubmission>(
      p.lead.post(`${url(mine)}/return`, {
        version: submitted.version,
        reason: "在园幼儿数与学籍系统不符，请核实",
      }),
    );
    expect([returned.status, returned.returnReason, returned.abilities]).toEqual([
      "returned",
      "在园幼儿数与学籍系统不符，请核实",
      { edit: false, submit: false, review: false },
    ]);
    const told = await toldOf(t, p.tenant.id, "form.returned");
    const kg1 = await ok<{ id: string }>(p.kg1.get("/api/auth/me"));
    // Only the user who handed it in.
    expect([told.users, told.links]).toEqual([[kg1.id], [`/form-submissions/${mine}`]]);
    const mineNow = await ok<FormSubmission>(p.kg1.get(url(mine)));
    expect(mineNow.abilities).toEqual({ edit: true, submit: true, review: false });
    const again = await fillAndSubmit(p.kg1, mine, { children: 98 });
    expect([again.status, again.returnReason, again.values]).toEqual(["submitted", null, { children: 98 }]);
    expect(again.history.map((h) => [h.action, h.reason])).toEqual([
      ["saved", null],
      ["submitted", null],
      ["returned", "在园幼儿数与学籍系统不符，请核实"],
      ["saved", null],
      ["submitted", null],
    ]);
  });

  it("refuses reviewing a draft, and reviewers other than the form's managers", async () => {
    const { mine } = await sentForm(p);
    await refused(
      p.lead.post(`${url(mine)}/approve`, { version: 0 }),
      409,
      "conflict",
      "该填报尚未提交，不能审核",
    );
    await refused(
      p.otherDept.post(`${url(mine)}/approve`, { version: 0 }),
      403,
      "forbidden",
      "只有填报表的负责科室或督查室可以审核",
    );
    await refused(p.kg1.post(`${url(mine)}/approve`, { version: 0 }), 403, "forbidden");
  });
});
