import { addDays, isWorkingDay } from "@duban/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "../db/client.js";
import { planReminderSettings, reminderLog } from "../db/schema.js";
import { loadWorkCalendars } from "../modules/calendar/index.js";
import { buildAssignedPlan, setDueInDays } from "../test/notice-fixtures.js";
import { createTestApp, type TestApp } from "../test/test-app.js";
import { runReminders } from "./run-reminders.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** A plan reminding on working days only, with an open cycle due on `due`; overdue reminders only, no escalation. */
async function workdayPlan(due: string) {
  const p = await buildAssignedPlan(t);
  const res = await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {
    name: "2023年9月",
    startDate: addDays(due, -20),
    dueDate: due,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  // Only the cycle is reminded here: the task's own deadline moves years out.
  await setDueInDays(t, p.assignmentId, 3650);
  await (t.database.db as Db).insert(planReminderSettings).values({
    planId: p.planId,
    tenantId: p.tenant.id,
    remindDaysBefore: 0,
    escalateAfterDays: 60,
    remindWorkdaysOnly: true,
  });
  return p;
}

/** 10:00 Shanghai on a day. */
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

async function kindsOf(tenantId: string, assignmentId: string) {
  const rows = await (t.database.db as Db)
    .select({ kind: reminderLog.kind })
    .from(reminderLog)
    .where(and(eq(reminderLog.tenantId, tenantId), eq(reminderLog.assignmentId, assignmentId)));
  return rows.map((r) => r.kind).sort();
}

describe("仅工作日 reminders and the working-day calendar", () => {
  it("sends nothing during 国庆 2023 and reminds on the 调休 Saturday 2023-10-07", async () => {
    const p = await workdayPlan("2023-09-28");
    const run = (day: string) => runReminders({ database: t.database, now: at(day), tenantId: p.tenant.id });
    expect((await run("2023-10-02")).sent).toBe(0); // Monday, 法定节假日
    expect((await run("2023-10-06")).sent).toBe(0); // Friday, still off
    expect((await run("2023-10-07")).sent).toBe(1); // Saturday worked in exchange
    expect((await run("2023-10-14")).sent).toBe(0); // an ordinary Saturday
    expect(await kindsOf(p.tenant.id, p.assignmentId)).toEqual(["overdue:2023-10-07"]);
  });

  it("follows the bureau's own table for the year once the admin saves one", async () => {
    const p = await workdayPlan("2023-09-28");
    // The bureau keeps 10-09 off as well (a local arrangement) and works no 调休 day.
    const saved = await p.admin.put("/api/work-calendar/2023", {
      days: [
        { date: "2023-10-02", kind: "holiday", name: "国庆节" },
        { date: "2023-10-09", kind: "holiday", name: "国庆节" },
      ],
      version: 0,
    });
    expect(saved.statusCode).toBe(200);
    const run = (day: string) => runReminders({ database: t.database, now: at(day), tenantId: p.tenant.id });
    expect((await run("2023-10-07")).sent).toBe(0); // no longer a working day for this bureau
    expect((await run("2023-10-09")).sent).toBe(0);
    expect((await run("2023-10-10")).sent).toBe(1);
    expect((await run("2023-10-03")).sent).toBe(1); // the official holiday no longer applies
  });

  it("counts a year without an arrangement Monday to Friday and logs it once per bureau", async () => {
    const p = await workdayPlan("2023-09-28");
    const log = { warn: vi.fn() };
    const load = (today: string) =>
      loadWorkCalendars(t.database.db, [p.tenant.id, p.tenant.id], { today, log });
    const calendar = (await load("2027-03-01")).get(p.tenant.id)!;
    await load("2027-03-02");
    expect(["2027-10-01", "2027-10-02", "2027-10-04"].map((d) => isWorkingDay(calendar, d))).toEqual([
      true, // a Friday; no 2027 arrangement ships
      false,
      true,
    ]);
    expect(log.warn.mock.calls).toEqual([
      [{ tenantId: p.tenant.id, year: 2027 }, "2027 年的法定节假日安排尚未录入，按周一至周五计算工作日"],
    ]);
  });
});
