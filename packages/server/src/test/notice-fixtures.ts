import { addDays, shanghaiDate } from "@duban/domain";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { assignments, plans } from "../db/schema.js";
import { buildPublishedPlan } from "./plan-fixtures.js";
import type { TestApp } from "./test-app.js";

/** A published plan with task 9 handed to the first kindergarten only. */
export async function buildAssignedPlan(t: TestApp) {
  const p = await buildPublishedPlan(t);
  const res = await p.lead.post(`/api/nodes/${p.task9.id}/assignments`, {
    unitIds: [p.kindergarten.id],
    role: "executor",
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const list = (await p.lead.get(`/api/nodes/${p.task9.id}/assignments`)).json();
  // Reminder and 督办 tests run their clocks into later years (2026 dates on the 2023 plan): the plan is one
  // the bureau keeps live, as it would choose for work carried over, so its year being over stops nothing.
  await (t.database.db as Db).update(plans).set({ livePastYear: true }).where(eq(plans.id, p.planId));
  return { ...p, assignmentId: list.items[0].id as string };
}

/** Moves an assignment's due date `days` from today (negative: in the past), straight in the database. */
export async function setDueInDays(t: TestApp, assignmentId: string, days: number): Promise<string> {
  const due = addDays(shanghaiDate(t.clock.now()), days);
  await (t.database.db as Db)
    .update(assignments)
    .set({ dueDate: due })
    .where(and(eq(assignments.id, assignmentId)));
  return due;
}

/** Today in Shanghai, as the app's clock sees it, moved by `days`. */
export function dayFromToday(t: TestApp, days: number): string {
  return addDays(shanghaiDate(t.clock.now()), days);
}
