import type { Form, FormRound } from "@duban/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { formRounds, reportCycles, unitGroups } from "../../db/schema.js";
import type { ServiceContext } from "../../http/context.js";
import { buildUser } from "../../test/factories.js";
import { defineForm, ok, refused, sendToKindergartens } from "../../test/form-fixtures.js";
import { buildPublishedPlan, type PublishedPlan } from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { findCycle } from "../cycles/index.js";
import { onFormDataChanged, sendCycleRounds } from "./index.js";

// Each test opens cycles of its own plan (only one cycle is open per plan), so each builds a plan of its own.
let t: TestApp;
let p: PublishedPlan;
beforeEach(async () => {
  t ??= await createTestApp();
  p = await buildPublishedPlan(t);
}, 120_000);
afterAll(async () => t?.close());

/** A group of the plan's two kindergartens. */
async function kindergartens() {
  return ok<{ id: string }>(
    p.supervisor.post("/api/groups", {
      name: `全部幼儿园${Math.random().toString(16).slice(2, 8)}`,
      kind: "rule",
      rule: { kind: "school", schoolTypes: ["kindergarten"] },
    }),
    201,
  );
}

/** The lead saves the form's 每个填报周期自动发放 setting; returns the raw answer. */
async function setAutoRound(form: Form, autoRound: unknown) {
  const current = await ok<Form>(p.lead.get(`/api/forms/${form.id}`));
  return p.lead.put(`/api/forms/${form.id}`, {
    title: current.title,
    fields: current.fields,
    rules: current.rules,
    autoRound,
    version: current.version,
  });
}

/** An active form (sent once by hand) that is also filled every cycle. */
async function autoForm(autoRound: Record<string, unknown>) {
  const form = await defineForm(p);
  await sendToKindergartens(p, form.id);
  return ok<Form>(setAutoRound(form, autoRound), 200);
}

/** The supervisor opens a cycle of the plan, due on the 25th of June. */
function openCycle() {
  return p.supervisor.post(`/api/plans/${p.planId}/cycles`, {
    name: "2023年6月专项",
    startDate: "2023-06-01",
    dueDate: "2023-06-25",
  });
}

/** The rounds of a form belonging to a cycle. */
async function cycleRounds(formId: string) {
  const form = await ok<Form>(p.lead.get(`/api/forms/${formId}`));
  return form.rounds.filter((r) => r.cycleId !== null);
}

describe("forms filled every reporting cycle", () => {
  it("sends a form its round for a newly opened cycle, to the setting's audience, due with the cycle", async () => {
    const group = await kindergartens();
    const form = await autoForm({ groupIds: [group.id], deadline: { kind: "cycle_due" } });
    expect(form.autoRound).toEqual({ groupIds: [group.id], deadline: { kind: "cycle_due" } });
    const cycle = await ok<{ id: string }>(openCycle(), 201);
    const [summary, ...more] = await cycleRounds(form.id);
    expect(more).toEqual([]);
    const round = await ok<FormRound>(p.lead.get(`/api/form-rounds/${summary!.id}`));
    expect(round).toMatchObject({
      name: "2023年6月专项",
      deadline: "2023-06-25",
      cycleId: cycle.id,
      status: "open",
      counts: { expected: 2, draft: 2, submitted: 0, returned: 0, approved: 0 },
    });
    expect(round.units.map((u) => u.unit.id).sort()).toEqual(
      [p.kindergarten.id, p.secondKindergarten.id].sort(),
    );
  });

  it("sets the deadline N days after the day the cycle is opened, for the units named", async () => {
    const form = await autoForm({
      unitIds: [p.secondKindergarten.id],
      deadline: { kind: "days_after_open", days: 20 },
    });
    await ok(openCycle(), 201);
    const [summary] = await cycleRounds(form.id);
    const round = await ok<FormRound>(p.lead.get(`/api/form-rounds/${summary!.id}`));
    expect([round.deadline, round.units.map((u) => u.unit.id)]).toEqual([
      "2023-07-05",
      [p.secondKindergarten.id],
    ]);
  });

  it("sends a cycle's round once however often it runs, even from two transactions at once", async () => {
    const form = await autoForm({ unitIds: [p.kindergarten.id], deadline: { kind: "cycle_due" } });
    const cycle = await ok<{ id: string }>(openCycle(), 201);
    const db = t.database.db as Db;
    const user = await buildUser(db, { tenantId: p.tenant.id, role: "supervisor" });
    const ctx = {
      database: t.database,
      config: t.config,
      clock: t.clock,
      ip: null,
      actor: { userId: user.id, tenantId: p.tenant.id, name: user.name, roles: ["supervisor"], unitId: null },
    } as unknown as ServiceContext;
    const row = (await findCycle(db, p.tenant.id, cycle.id))!;
    await Promise.all([1, 2].map(() => db.transaction((tx) => sendCycleRounds(ctx, tx, row))));
    await db.transaction((tx) => sendCycleRounds(ctx, tx, row));
    const rows = await db.select().from(formRounds).where(eq(formRounds.formId, form.id));
    expect(rows.filter((r) => r.cycleId === cycle.id)).toHaveLength(1);
  });

  it("sends nothing for a draft form, nor for a form without the setting", async () => {
    const draft = await ok<Form>(
      setAutoRound(await defineForm(p), { unitIds: [p.kindergarten.id], deadline: { kind: "cycle_due" } }),
    );
    const manual = await defineForm(p);
    await sendToKindergartens(p, manual.id);
    await ok(openCycle(), 201);
    expect([(await cycleRounds(draft.id)).length, (await cycleRounds(manual.id)).length]).toEqual([0, 0]);
    expect((await ok<Form>(p.lead.get(`/api/forms/${draft.id}`))).status).toBe("draft");
  });

  it("sends nothing for an archived form", async () => {
    const form = await autoForm({ unitIds: [p.kindergarten.id], deadline: { kind: "cycle_due" } });
    const [round] = form.rounds;
    await ok(p.lead.post(`/api/form-rounds/${round!.id}/close`, { version: round!.version }));
    const closed = await ok<Form>(p.lead.get(`/api/forms/${form.id}`));
    await ok(p.lead.post(`/api/forms/${form.id}/archive`, { version: closed.version }));
    await ok(openCycle(), 201);
    expect(await cycleRounds(form.id)).toEqual([]);
  });

  it("refuses a second round of the same cycle sent by hand (409)", async () => {
    const form = await autoForm({ unitIds: [p.kindergarten.id], deadline: { kind: "cycle_due" } });
    const cycle = await ok<{ id: string }>(openCycle(), 201);
    await refused(
      p.lead.post(`/api/forms/${form.id}/rounds`, {
        name: "补发",
        deadline: "2023-06-30",
        unitIds: [p.kindergarten.id],
        cycleId: cycle.id,
      }),
      409,
      "conflict",
      "本填报表在该填报周期已有填报批次，请在已有批次中填报或催报",
    );
  });

  it("opens no cycle when a form's round cannot be sent: nothing is half-done", async () => {
    const form = await autoForm({ unitIds: [p.kindergarten.id], deadline: { kind: "cycle_due" } });
    const off = onFormDataChanged(async () => {
      throw new Error("recompute failed");
    });
    try {
      expect((await openCycle()).statusCode).toBe(500);
    } finally {
      off();
    }
    const db = t.database.db as Db;
    expect(await db.select().from(reportCycles).where(eq(reportCycles.planId, p.planId))).toEqual([]);
    expect(await cycleRounds(form.id)).toEqual([]);
  });

  it("refuses to open a cycle while a form's audience is gone, naming the form (409)", async () => {
    const group = await kindergartens();
    await autoForm({ groupIds: [group.id], deadline: { kind: "cycle_due" } });
    await (t.database.db as Db).update(unitGroups).set({ enabled: false }).where(eq(unitGroups.id, group.id));
    await refused(
      openCycle(),
      409,
      "conflict",
      `填报表“幼儿园基本情况统计表”的自动发放对象已失效（分组 ${group.id} 不存在或已停用，请重新选择），请先修改该填报表的自动发放设置`,
    );
  });
});

describe("refusals of the 每个填报周期自动发放 setting", () => {
  it.each([
    [
      "no audience",
      { deadline: { kind: "cycle_due" } },
      "autoRound.unitIds",
      "自动发放须至少选择一个填报单位或单位分组",
    ],
    [
      "negative days",
      { unitIds: ["UNIT"], deadline: { kind: "days_after_open", days: -1 } },
      "autoRound.deadline.days",
      "天数不能为负",
    ],
    [
      "too many days",
      { unitIds: ["UNIT"], deadline: { kind: "days_after_open", days: 400 } },
      "autoRound.deadline.days",
      "天数不能超过 366 天",
    ],
    ["an unknown rule", { unitIds: ["UNIT"], deadline: { kind: "weekly" } }, "autoRound.deadline.kind", null],
  ])("refuses %s (400)", async (_name, autoRound, path, message) => {
    const body = JSON.parse(JSON.stringify(autoRound).replace("UNIT", p.kindergarten.id));
    const details = (await refused(setAutoRound(await defineForm(p), body), 400, "validation_failed")) as {
      path: string;
      message: string;
    }[];
    expect(details.map((d) => d.path)).toEqual([path]);
    if (message) expect(details[0]!.message).toBe(message);
  });

  it("refuses a group that is not the bureau's, naming it (400)", async () => {
    const stranger = "0b6e7a8e-3c1f-4f0e-9d43-5d0a1f2b3c4d";
    const details = await refused(
      setAutoRound(await defineForm(p), { groupIds: [stranger], deadline: { kind: "cycle_due" } }),
      400,
      "validation_failed",
    );
    expect(details).toEqual([
      { path: "autoRound.groupIds.0", message: `分组 ${stranger} 不存在或已停用，请重新选择` },
    ]);
  });
});
