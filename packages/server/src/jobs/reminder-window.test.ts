import { addDays } from "@duban/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client.js";
import { assignments, planReminderSettings } from "../db/schema.js";
import { buildAssignedPlan } from "../test/notice-fixtures.js";
import { createTestApp, type TestApp } from "../test/test-app.js";
import { findReminderSubjects } from "./reminder-subjects.js";

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(async () => t?.close());

/** A Wednesday. */
const DUE = "2026-06-10";

/** Task 9 handed to one kindergarten with its own due date `due`, an open cycle due DUE and a 整改 item due DUE. */
async function subjectsDue(due: string) {
  const p = await buildAssignedPlan(t);
  await db.update(assignments).set({ dueDate: due }).where(eq(assignments.id, p.assignmentId));
  const cycle = await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {
    name: "2026年5月",
    startDate: addDays(DUE, -30),
    dueDate: DUE,
  });
  if (cycle.statusCode !== 201) throw new Error(cycle.body);
  const item = await p.supervisor.post("/api/rectifications", {
    unitId: p.kindergarten.id,
    problem: "户外活动场地地面破损",
    requirement: "修复地面并设置警示",
    deadline: DUE,
    source: "inspection",
  });
  if (item.statusCode !== 201) throw new Error(item.body);
  return p;
}

/** What the scheduler reads for the tenant on `today`, as "entity:due" strings. */
async function read(tenantId: string, today: string) {
  const subjects = await findReminderSubjects(db, today, tenantId);
  return subjects.map((s) => `${s.entity}:${"cycleId" in s.claim ? "cycle" : "own"}:${s.dueDate}`).sort();
}

describe("findReminderSubjects selects in SQL only what has come within its reminder window", () => {
  it("reads nothing before the window opens (3 days by default), everything from its first day on", async () => {
    const p = await subjectsDue(DUE);
    // Window end = today + 3 days: 06-06 + 3 = 06-09 < 06-10.
    expect(await read(p.tenant.id, "2026-06-06")).toEqual([]);
    const all = ["assignment:cycle:2026-06-10", "assignment:own:2026-06-10", "rectification:own:2026-06-10"];
    expect(await read(p.tenant.id, "2026-06-07")).toEqual(all);
    // Overdue subjects stay selected: they are reminded daily and escalate.
    expect(await read(p.tenant.id, "2026-07-20")).toEqual(all);
  });

  it("lets a month plan date through once the window reaches the month, never after its last day's window", async () => {
    const p = await subjectsDue("2026-09");
    const own = async (today: string) =>
      (await read(p.tenant.id, today)).filter((s) => s.startsWith("assignment:own"));
    // Window end 08-31 sorts before "2026-09"; from 08-29 (window end 09-01) the month is read, and the rules
    // (which take it to 09-30) send its first reminder on 09-27.
    expect(await own("2026-08-28")).toEqual([]);
    expect(await own("2026-08-29")).toEqual(["assignment:own:2026-09-30"]);
    expect(await own("2026-09-27")).toEqual(["assignment:own:2026-09-30"]);
  });

  it("follows the plan's own remind-days setting; 整改 items keep the default", async () => {
    const p = await subjectsDue(DUE);
    await db.insert(planReminderSettings).values({
      tenantId: p.tenant.id,
      planId: p.planId,
      remindDaysBefore: 10,
      escalateAfterDays: 3,
      remindWorkdaysOnly: false,
    });
    expect(await read(p.tenant.id, "2026-05-30")).toEqual([]);
    expect(await read(p.tenant.id, "2026-05-31")).toEqual([
      "assignment:cycle:2026-06-10",
      "assignment:own:2026-06-10",
    ]);
  });
});
