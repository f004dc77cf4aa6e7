import { addDays } from "@duban/domain";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client.js";
import {
  assignments,
  channelSettings,
  deliveries,
  notifications,
  planNodes,
  planReminderSettings,
  reminderLog,
  users,
} from "../db/schema.js";
import { buildAssignedPlan, dayFromToday, setDueInDays } from "../test/notice-fixtures.js";
import { createTestApp, type TestApp } from "../test/test-app.js";
import { runReminders } from "./run-reminders.js";

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(async () => t?.close());

/** A Wednesday, so no run below falls on a weekend by accident. */
const DUE = "2026-06-10";

/** 10:00 Shanghai on the day `n` days from `day`. */
const at = (n: number, day = DUE) => new Date(`${addDays(day, n)}T10:00:00+08:00`);

type Assigned = Awaited<ReturnType<typeof buildAssignedPlan>>;

/** Task 9 handed to one kindergarten, its due date moved to DUE by the lead department through the API. */
async function taskDue(): Promise<Assigned> {
  const p = await buildAssignedPlan(t);
  const res = await p.lead.put(`/api/nodes/${p.task9.id}`, {
    dueDate: DUE,
    reason: "按市局要求提前完成",
    version: p.task9.version,
  });
  if (res.statusCode !== 204) throw new Error(res.body);
  return p;
}

const run = (p: Assigned, n: number, day = DUE) =>
  runReminders({ database: t.database, now: at(n, day), tenantId: p.tenant.id });

/** The kinds claimed for the assignment's own due date (rows without a cycle), sorted. */
async function taskKinds(p: Assigned) {
  const rows = await db
    .select({ kind: reminderLog.kind, cycleId: reminderLog.cycleId })
    .from(reminderLog)
    .where(and(eq(reminderLog.tenantId, p.tenant.id), eq(reminderLog.assignmentId, p.assignmentId)));
  return rows
    .filter((r) => r.cycleId === null)
    .map((r) => r.kind)
    .sort();
}

/** The reminder notifications of the tenant, with their recipients' roles. */
async function remindersOf(p: Assigned) {
  return db
    .select({
      kind: notifications.kind,
      roles: users.roles,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      entity: notifications.entity,
      entityId: notifications.entityId,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(notifications.tenantId, p.tenant.id), like(notifications.kind, "reminder_%")));
}

describe("runReminders on a task's own due date", () => {
  it("reminds the unit before, on and after the due day with no cycle open, then escalates to its heads and the supervisors", async () => {
    const p = await taskDue();
    expect((await run(p, -4)).sent).toBe(0); // the default: three days ahead
    expect((await run(p, -3)).sent).toBe(1);
    expect((await run(p, -2)).sent).toBe(0); // due_soon went out already
    expect((await run(p, 0)).sent).toBe(1);
    expect((await run(p, 1)).sent).toBe(1);
    expect((await run(p, 1)).sent).toBe(0); // once a day
    expect((await run(p, 2)).sent).toBe(1);
    expect((await run(p, 3)).sent).toBe(2); // overdue + head
    expect((await run(p, 5)).sent).toBe(1);
    expect((await run(p, 6)).sent).toBe(2); // overdue + supervisor
    expect(await taskKinds(p)).toEqual([
      `due@${DUE}`,
      `due_soon@${DUE}`,
      `escalate_head@${DUE}`,
      `escalate_supervisor@${DUE}`,
      ...[1, 2, 3, 5, 6].map((n) => `overdue:${addDays(DUE, n)}`),
    ]);
    const sent = await remindersOf(p);
    const byKind = (kind: string) => sent.filter((n) => n.kind === kind);
    // The kindergarten has two school users, both standing for its head; one supervisor hears the last step.
    expect(byKind("reminder_due_soon")).toHaveLength(2);
    expect(byKind("reminder_overdue")).toHaveLength(10);
    expect(byKind("reminder_escalate_head").map((n) => n.roles)).toEqual([["school"], ["school"]]);
    expect(byKind("reminder_escalate_supervisor").map((n) => n.roles)).toEqual([["supervisor"]]);
    expect(
      sent.every(
        (n) =>
          n.link === `/assignments/${p.assignmentId}` &&
          n.entity === "assignment" &&
          n.entityId === p.assignmentId,
      ),
    ).toBe(true);
    const what = `「${p.task9.title}」任务`;
    expect(byKind("reminder_overdue").find((n) => n.title.includes("已逾期 1 天"))).toMatchObject({
      title: `催办：${what}已逾期 1 天`,
      body: `${p.kindergarten.name}：${what}已逾期 1 天（完成时限 ${DUE}），请立即推进落实并更新进展。`,
    });
    expect(byKind("reminder_escalate_head")[0]!.body).toBe(
      `${p.kindergarten.name}${what}已逾期 3 天仍未完成，请单位负责人督促落实。`,
    );
    expect(byKind("reminder_escalate_supervisor")[0]!.title).toBe(
      `督办升级：${p.kindergarten.name}逾期未完成`,
    );
  });

  it("follows the plan's own 催办 settings", async () => {
    const p = await taskDue();
    await db.insert(planReminderSettings).values({
      planId: p.planId,
      tenantId: p.tenant.id,
      remindDaysBefore: 5,
      escalateAfterDays: 2,
    });
    expect((await run(p, -6)).sent).toBe(0);
    expect((await run(p, -5)).sent).toBe(1); // due_soon five days ahead
    expect((await run(p, 1)).sent).toBe(1); // overdue only
    expect((await run(p, 2)).sent).toBe(2); // overdue + head after M = 2 days
    expect((await run(p, 3)).sent).toBe(1);
    expect((await run(p, 4)).sent).toBe(2); // overdue + supervisor after 2M = 4 days
    const sent = await remindersOf(p);
    expect(sent.find((n) => n.kind === "reminder_due_soon")!.body).toContain(
      `将于 5 天后到期（完成时限 ${DUE}）`,
    );
  });

  it("takes a month-only due date to its last day, and the assignment's own due date over its task's", async () => {
    const month = await buildAssignedPlan(t);
    // A plan date as 工作要点 write them: 2026年6月 means by the end of June.
    await db.update(planNodes).set({ dueDate: "2026-06" }).where(eq(planNodes.id, month.task9.id));
    expect((await run(month, 0, "2026-06-26")).sent).toBe(0);
    expect((await run(month, 0, "2026-06-27")).sent).toBe(1);
    expect((await run(month, 0, "2026-06-30")).sent).toBe(1);
    expect(await taskKinds(month)).toEqual(["due@2026-06-30", "due_soon@2026-06-30"]);
    expect((await remindersOf(month)).find((n) => n.kind === "reminder_due_soon")!.body).toContain(
      "完成时限 2026-06-30",
    );

    const own = await buildAssignedPlan(t);
    await db.update(planNodes).set({ dueDate: "2026-06" }).where(eq(planNodes.id, own.task9.id));
    await db.update(assignments).set({ dueDate: DUE }).where(eq(assignments.id, own.assignmentId));
    expect((await run(own, 0)).sent).toBe(1);
    expect(await taskKinds(own)).toEqual([`due@${DUE}`]);
  });

  it("counts a due date moved by an approved 延期申请 anew: its reminders go out again before the new date", async () => {
    const p = await buildAssignedPlan(t);
    const oldDue = await setDueInDays(t, p.assignmentId, 3);
    const today = dayFromToday(t, 0);
    const runOn = (day: string) =>
      runReminders({ database: t.database, now: at(0, day), tenantId: p.tenant.id });
    expect((await runOn(today)).sent).toBe(1); // due_soon, three days ahead
    const newDue = dayFromToday(t, 20);
    const created = await p.kg1.post("/api/extensions", {
      assignmentId: p.assignmentId,
      requestedDue: newDue,
      reason: "分园装修工期延长",
      progress: 70,
    });
    expect(created.statusCode, created.body).toBe(201);
    const lead = await p.lead.post(`/api/extensions/${created.json().id}/decision`, {
      decision: "approve",
      version: 0,
    });
    const approved = await p.supervisor.post(`/api/extensions/${created.json().id}/decision`, {
      decision: "approve",
      version: lead.json().version,
    });
    expect(approved.json().status).toBe("approved");
    // Nothing on the old date any more, and due_soon again three days before the new one.
    expect((await runOn(oldDue)).sent).toBe(0);
    expect((await runOn(addDays(newDue, -3))).sent).toBe(1);
    expect((await runOn(addDays(newDue, -2))).sent).toBe(0);
    expect(await taskKinds(p)).toEqual([`due_soon@${newDue}`, `due_soon@${oldDue}`].sort());
  });

  it("leaves finished assignments and closed-out tasks alone", async () => {
    const finished = await taskDue();
    await db.update(assignments).set({ progress: 100 }).where(eq(assignments.id, finished.assignmentId));
    const closed = await taskDue();
    await db.update(planNodes).set({ status: "closed" }).where(eq(planNodes.id, closed.task9.id));
    // Almost done is not done: the light stays red, so the reminders go on.
    const almost = await taskDue();
    await db.update(assignments).set({ progress: 99 }).where(eq(assignments.id, almost.assignmentId));
    expect((await run(finished, 6)).sent).toBe(0);
    expect((await run(closed, 6)).sent).toBe(0);
    expect((await run(almost, 6)).sent).toBe(3);
    expect(await taskKinds(finished)).toEqual([]);
    expect(await taskKinds(closed)).toEqual([]);
  });

  it("reminds a task late on its report cycle and late itself under both subjects, each once a day", async () => {
    const p = await taskDue();
    const cycle = await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {
      name: "2026年5月",
      startDate: addDays(DUE, -30),
      dueDate: DUE,
    });
    expect(cycle.statusCode, cycle.body).toBe(201);
    expect((await run(p, 6)).sent).toBe(6);
    expect((await run(p, 6)).sent).toBe(0);
    const claims = await db.select().from(reminderLog).where(eq(reminderLog.tenantId, p.tenant.id));
    expect(claims.filter((c) => c.cycleId === cycle.json().id)).toHaveLength(3);
    expect(await taskKinds(p)).toEqual([
      `escalate_head@${DUE}`,
      `escalate_supervisor@${DUE}`,
      `overdue:${addDays(DUE, 6)}`,
    ]);
    const overdue = (await remindersOf(p)).filter((n) => n.kind === "reminder_overdue");
    // Two school users, once about the report and once about the task.
    expect(overdue.filter((n) => n.title.includes("任务已逾期"))).toHaveLength(2);
    expect(overdue.filter((n) => n.title.includes("进展反馈已逾期"))).toHaveLength(2);
  });

  it("sends each reminder once when two runs race on one database", async () => {
    const p = await taskDue();
    await db
      .insert(channelSettings)
      .values({ tenantId: p.tenant.id, kind: "wecom", config: { webhook: "http://127.0.0.1:9/x" } });
    const [a, b] = await Promise.all([run(p, 6), run(p, 6)]);
    expect(a.sent + b.sent).toBe(3);
    expect(a.skipped + b.skipped).toBe(3);
    expect(await taskKinds(p)).toHaveLength(3);
    expect((await remindersOf(p)).map((n) => n.kind).sort()).toEqual([
      "reminder_escalate_head",
      "reminder_escalate_head",
      "reminder_escalate_supervisor",
      "reminder_overdue",
      "reminder_overdue",
    ]);
    // One robot message per reminder that went out.
    expect(await db.select().from(deliveries).where(eq(deliveries.tenantId, p.tenant.id))).toHaveLength(3);
  });

  it("keeps a task's claim once-only and refuses rows of a mixed shape", async () => {
    const p = await buildAssignedPlan(t);
    const cycle = await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {
      name: "本期",
      startDate: addDays(DUE, -30),
      dueDate: DUE,
    });
    const item = await p.supervisor.post("/api/rectifications", {
      unitId: p.kindergarten.id,
      problem: "户外活动场地地面破损",
      requirement: "修复地面并设置警示",
      deadline: DUE,
      source: "inspection",
    });
    expect(item.statusCode, item.body).toBe(201);
    const tenantId = p.tenant.id;
    const { assignmentId } = p;
    const cycleId: string = cycle.json().id;
    const rectificationId: string = item.json().id;
    await db.insert(reminderLog).values({ tenantId, assignmentId, kind: "due" });
    // NULL cycle_id is distinct in the cycle key: only the task key stops the second row.
    await expect(db.insert(reminderLog).values({ tenantId, assignmentId, kind: "due" })).rejects.toThrow();
    await db.insert(reminderLog).values({ tenantId, assignmentId, cycleId, kind: "due" });
    for (const mixed of [
      { cycleId },
      { assignmentId, rectificationId },
      { cycleId, rectificationId },
      { assignmentId, cycleId, rectificationId },
    ])
      await expect(db.insert(reminderLog).values({ tenantId, kind: "overdue", ...mixed })).rejects.toThrow();
    const rows = await db.select().from(reminderLog).where(eq(reminderLog.tenantId, tenantId));
    expect(rows.map((r) => r.cycleId ?? "task").sort()).toEqual([cycleId, "task"].sort());
  });
});
