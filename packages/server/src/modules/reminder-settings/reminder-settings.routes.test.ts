import { randomUUID } from "node:crypto";
import { defaultPlanReminderSettings } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPlanBureau, buildPublishedPlan } from "../../test/plan-fixtures.js";
import type { TestSession } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const url = (planId: string) => `/api/plans/${planId}/reminder-settings`;
const body = { remindDaysBefore: 5, escalateAfterDays: 4, remindWorkdaysOnly: true, version: 0 };

/** The 催办 settings audit entries of a plan, newest first, as the administrator sees them. */
async function auditEntries(admin: TestSession, planId: string) {
  const res = await admin.get("/api/audit-logs?entity=plan&action=plan.reminder_settings&pageSize=50");
  expect(res.statusCode).toBe(200);
  return (res.json().items as { entityId: string; summary: unknown; actor: { name: string } }[]).filter(
    (e) => e.entityId === planId,
  );
}

describe("/api/plans/:id/reminder-settings", () => {
  it("asks for a session", async () => {
    const id = randomUUID();
    expect((await t.app.inject({ method: "GET", url: url(id) })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "PUT", url: url(id), payload: body })).statusCode).toBe(401);
  });

  it("answers the defaults at version 0 while none are saved, to every role of the plan", async () => {
    const p = await buildPublishedPlan(t);
    const res = await p.supervisor.get(url(p.planId));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      planId: p.planId,
      ...defaultPlanReminderSettings,
      isDefault: true,
      version: 0,
      updatedAt: null,
      abilities: { update: true },
    });
    for (const reader of [p.lead, p.kg1]) {
      const read = await reader.get(url(p.planId));
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ isDefault: true, abilities: { update: false } });
    }
  });

  it("saves a supervisor's settings, bumps the version on each save and writes an audit entry per save", async () => {
    const p = await buildPublishedPlan(t);
    const first = await p.supervisor.put(url(p.planId), body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      remindDaysBefore: 5,
      escalateAfterDays: 4,
      remindWorkdaysOnly: true,
      isDefault: false,
      version: 1,
    });
    expect(first.json().updatedAt).toBe("2023-06-15T01:00:00.000Z");
    const second = await p.supervisor.put(url(p.planId), {
      remindDaysBefore: 0,
      escalateAfterDays: 60,
      remindWorkdaysOnly: false,
      version: 1,
    });
    expect(second.statusCode).toBe(200);
    expect((await p.kg1.get(url(p.planId))).json()).toMatchObject({
      remindDaysBefore: 0,
      escalateAfterDays: 60,
      remindWorkdaysOnly: false,
      isDefault: false,
      version: 2,
    });
    const entries = await auditEntries(p.admin, p.planId);
    expect(entries.map((e) => e.summary)).toEqual([
      { remindDaysBefore: 0, escalateAfterDays: 60, remindWorkdaysOnly: false },
      { remindDaysBefore: 5, escalateAfterDays: 4, remindWorkdaysOnly: true },
    ]);
  });

  it("lets an administrator change them too", async () => {
    const p = await buildPublishedPlan(t);
    const res = await p.admin.put(url(p.planId), { ...body, escalateAfterDays: 1, remindDaysBefore: 30 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      escalateAfterDays: 1,
      remindDaysBefore: 30,
      abilities: { update: true },
    });
  });

  it("refuses school and department users with 403 and saves nothing", async () => {
    const p = await buildPublishedPlan(t);
    for (const user of [p.kg1, p.lead, p.otherDept]) {
      const res = await user.put(url(p.planId), body);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe("forbidden");
    }
    expect((await p.supervisor.get(url(p.planId))).json()).toMatchObject({ isDefault: true, version: 0 });
    expect(await auditEntries(p.admin, p.planId)).toEqual([]);
  });

  it("answers 404 for an unknown plan and for another tenant's plan, leaving that plan alone", async () => {
    const p = await buildPublishedPlan(t);
    const other = await buildPlanBureau(t);
    const unknown = randomUUID();
    expect((await p.supervisor.get(url(unknown))).statusCode).toBe(404);
    expect((await p.supervisor.put(url(unknown), body)).statusCode).toBe(404);
    expect((await other.supervisor.get(url(p.planId))).statusCode).toBe(404);
    const put = await other.supervisor.put(url(p.planId), body);
    expect(put.statusCode).toBe(404);
    expect(put.json().error.code).toBe("not_found");
    expect((await p.supervisor.get(url(p.planId))).json()).toMatchObject({ isDefault: true });
  });

  it("answers 409 to a stale version, on the first save and on later ones, without an audit entry", async () => {
    const p = await buildPublishedPlan(t);
    const ahead = await p.supervisor.put(url(p.planId), { ...body, version: 3 });
    expect(ahead.statusCode).toBe(409);
    expect(ahead.json().error.code).toBe("stale_version");
    expect((await p.supervisor.put(url(p.planId), body)).statusCode).toBe(200);
    const stale = await p.admin.put(url(p.planId), { ...body, remindDaysBefore: 9, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect((await p.supervisor.get(url(p.planId))).json()).toMatchObject({ remindDaysBefore: 5, version: 1 });
    expect(await auditEntries(p.admin, p.planId)).toHaveLength(1);
  });

  it("lets only one of two first saves made at once win", async () => {
    const p = await buildPublishedPlan(t);
    const results = await Promise.all([
      p.supervisor.put(url(p.planId), body),
      p.admin.put(url(p.planId), { ...body, remindDaysBefore: 7 }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await p.supervisor.get(url(p.planId))).json()).toMatchObject({ version: 1 });
  });
});

describe("PUT /api/plans/:id/reminder-settings validation", () => {
  let p: Awaited<ReturnType<typeof buildPublishedPlan>>;
  beforeAll(async () => {
    p = await buildPublishedPlan(t);
  });

  it.each([
    ["remindDaysBefore", -1],
    ["remindDaysBefore", 31],
    ["remindDaysBefore", 2.5],
    ["remindDaysBefore", "3"],
    ["remindDaysBefore", undefined],
    ["escalateAfterDays", 0],
    ["escalateAfterDays", 61],
    ["escalateAfterDays", 1.5],
    ["escalateAfterDays", null],
    ["remindWorkdaysOnly", "true"],
    ["remindWorkdaysOnly", 1],
    ["remindWorkdaysOnly", undefined],
    ["version", -1],
    ["version", undefined],
  ])("rejects %s = %j with 400 naming the field", async (field, value) => {
    const res = await p.supervisor.put(url(p.planId), { ...body, [field]: value });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([field]);
  });

  it("rejects a field it does not know", async () => {
    const res = await p.supervisor.put(url(p.planId), { ...body, remindHour: 9 });
    expect(res.statusCode).toBe(400);
    expect((await p.supervisor.get(url(p.planId))).json()).toMatchObject({ isDefault: true });
  });
});
