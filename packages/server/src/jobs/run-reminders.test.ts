import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { addDays } from "@duban/domain";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client.js";
import {
  channelSettings,
  deliveries,
  notifications,
  planReminderSettings,
  reminderLog,
  reports,
  users,
} from "../db/schema.js";
import { buildAssignedPlan, setDueInDays } from "../test/notice-fixtures.js";
import { createTestApp, type TestApp } from "../test/test-app.js";
import { runReminders } from "./run-reminders.js";

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(async () => t?.close());

/** A plan with task 9 handed to one kindergarten and an open cycle due on `due` (a Wednesday). */
async function planWithCycle(due = "2026-06-10") {
  const p = await buildAssignedPlan(t);
  const res = await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {
    name: "2026年5月",
    startDate: addDays(due, -30),
    dueDate: due,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  // The seed task is due 2023-12-31: move its own deadline years out, so only the cycle is reminded here.
  await setDueInDays(t, p.assignmentId, 3650);
  return { ...p, cycleId: res.json().id as string, due };
}

/** 10:00 Shanghai on the day `n` days from the due date. */
const at = (due: string, n: number) => new Date(`${addDays(due, n)}T10:00:00+08:00`);

async function kindsFor(tenantId: string, assignmentId: string) {
  const rows = await db
    .select({ kind: reminderLog.kind })
    .from(reminderLog)
    .where(and(eq(reminderLog.tenantId, tenantId), eq(reminderLog.assignmentId, assignmentId)));
  return rows.map((r) => r.kind).sort();
}

async function remindersOf(tenantId: string) {
  return db
    .select({
      kind: notifications.kind,
      userId: notifications.userId,
      roles: users.roles,
      title: notifications.title,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(notifications.tenantId, tenantId), like(notifications.kind, "reminder_%")));
}

describe("runReminders", () => {
  it("reminds before, on and after the due day, then escalates to the unit's head and the supervisors", async () => {
    const p = await planWithCycle();
    const run = (n: number) =>
      runReminders({ database: t.database, now: at(p.due, n), tenantId: p.tenant.id });
    expect((await run(-5)).sent).toBe(0);
    expect((await run(-3)).sent).toBe(1);
    expect((await run(-2)).sent).toBe(0); // due_soon went out already
    expect((await run(0)).sent).toBe(1);
    expect((await run(1)).sent).toBe(1);
    expect((await run(1)).sent).toBe(0);
    expect((await run(3)).sent).toBe(2); // overdue + head
    expect((await run(6)).sent).toBe(2); // overdue + supervisor
    expect(await kindsFor(p.tenant.id, p.assignmentId)).toEqual([
      "due",
      "due_soon",
      "escalate_head",
      "escalate_supervisor",
      `overdue:${addDays(p.due, 1)}`,
      `overdue:${addDays(p.due, 3)}`,
      `overdue:${addDays(p.due, 6)}`,
    ]);
    const sent = await remindersOf(p.tenant.id);
    const byKind = (kind: string) => sent.filter((n) => n.kind === kind);
    // The kindergarten has two school users; the bureau's one supervisor hears only of the final escalation.
    expect(byKind("reminder_due_soon")).toHaveLength(2);
    expect(byKind("reminder_due_soon")[0]!.title).toContain("即将到期");
    expect(byKind("reminder_overdue")).toHaveLength(6);
    expect(byKind("reminder_escalate_head").map((n) => n.roles)).toEqual([["school"], ["school"]]);
    expect(byKind("reminder_escalate_supervisor").map((n) => n.roles)).toEqual([["supervisor"]]);
  });

  it("follows the plan's own settings and skips weekends when asked", async () => {
    const p = await planWithCycle();
    await db.insert(planReminderSettings).values({
      planId: p.planId,
      tenantId: p.tenant.id,
      remindDaysBefore: 7,
      escalateAfterDays: 1,
      remindWorkdaysOnly: true,
    });
    const run = (n: number) =>
      runReminders({ database: t.database, now: at(p.due, n), tenantId: p.tenant.id });
    expect((await run(-7)).sent).toBe(1); // due_soon a week ahead
    expect((await run(3)).sent).toBe(0); // Saturday
    expect((await run(5)).sent).toBe(3); // Monday: overdue, head (after 1 day) and supervisor (after 2)
  });

  it("stops once the unit has submitted its report for the cycle", async () => {
    const p = await planWithCycle();
    await db.insert(reports).values({
      tenantId: p.tenant.id,
      cycleId: p.cycleId,
      assignmentId: p.assignmentId,
      unitId: p.kindergarten.id,
      status: "submitted",
      progress: 50,
    });
    expect(
      (await runReminders({ database: t.database, now: at(p.due, 1), tenantId: p.tenant.id })).sent,
    ).toBe(0);
  });

  it("sends each reminder once when two runs race on one database", async () => {
    const p = await planWithCycle();
    await db
      .insert(channelSettings)
      .values({ tenantId: p.tenant.id, kind: "wecom", config: { webhook: "http://127.0.0.1:9/x" } });
    const now = at(p.due, 6);
    const [a, b] = await Promise.all([
      runReminders({ database: t.database, now, tenantId: p.tenant.id }),
      runReminders({ database: t.database, now, tenantId: p.tenant.id }),
    ]);
    expect(a.sent + b.sent).toBe(3);
    expect(a.skipped + b.skipped).toBe(3);
    await expectSentOnce(p.tenant.id, p.assignmentId);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "sends each reminder once when two server processes run at the same moment (PostgreSQL)",
    async () => {
      const p = await planWithCycle();
      await db
        .insert(channelSettings)
        .values({ tenantId: p.tenant.id, kind: "wecom", config: { webhook: "http://127.0.0.1:9/x" } });
      const script = fileURLToPath(new URL("../test/run-reminders-process.ts", import.meta.url));
      const goAt = String(Date.now() + 3000);
      const args = [
        "--conditions=source",
        "--import",
        "tsx",
        script,
        p.tenant.id,
        at(p.due, 6).toISOString(),
        goAt,
      ];
      const run = () => promisify(execFile)(process.execPath, args, { env: process.env, timeout: 60_000 });
      const outputs = await Promise.all([run(), run()]);
      const counts = outputs.map((o) => JSON.parse(o.stdout) as { sent: number; skipped: number });
      expect(counts[0]!.sent + counts[1]!.sent).toBe(3);
      await expectSentOnce(p.tenant.id, p.assignmentId);
    },
    90_000,
  );
});

/** Three reminders claimed (overdue, head, supervisor): a bell entry per recipient, one robot message each. */
async function expectSentOnce(tenantId: string, assignmentId: string) {
  expect(await kindsFor(tenantId, assignmentId)).toHaveLength(3);
  const sent = await remindersOf(tenantId);
  expect(sent.map((n) => n.kind).sort()).toEqual([
    "reminder_escalate_head",
    "reminder_escalate_head",
    "reminder_escalate_supervisor",
    "reminder_overdue",
    "reminder_overdue",
  ]);
  const queued = await db.select().from(deliveries).where(eq(deliveries.tenantId, tenantId));
  expect(queued).toHaveLength(3);
}
