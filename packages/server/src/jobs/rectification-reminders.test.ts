import { addDays } from "@duban/domain";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client.js";
import { channelSettings, deliveries, notifications, reminderLog, users } from "../db/schema.js";
import { buildAssignedPlan, setDueInDays } from "../test/notice-fixtures.js";
import { buildLedgerBureau, itemBody, type LedgerBureau, uploadPng } from "../test/rectification-fixtures.js";
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
const DEADLINE = "2026-06-10";

/** 10:00 Shanghai on the day `n` days from the deadline. */
const at = (n: number) => new Date(`${addDays(DEADLINE, n)}T10:00:00+08:00`);

/** Raises an item for the bureau's first school through the API, due on DEADLINE. */
async function raise(b: LedgerBureau, problem = "消防通道堆放杂物"): Promise<string> {
  const res = await b.supervisor.post("/api/rectifications", itemBody(b, { deadline: DEADLINE, problem }));
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

/** The school submits its measures with a photo; returns the item's new version. */
async function submit(b: LedgerBureau, id: string, version: number): Promise<number> {
  const fileId = await uploadPng(b.schoolUser);
  const res = await b.schoolUser.post(`/api/rectifications/${id}/submit`, {
    measures: "已清理通道，每日巡查",
    fileIds: [fileId],
    version,
  });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json().version;
}

/** The supervisor closes the item out or returns it. */
async function verify(b: LedgerBureau, id: string, version: number, decision: "accept" | "return") {
  const res = await b.supervisor.post(`/api/rectifications/${id}/verify`, {
    decision,
    ...(decision === "return" ? { reason: "缺少巡查记录" } : {}),
    version,
  });
  if (res.statusCode !== 200) throw new Error(res.body);
}

const run = (tenantId: string, n: number) => runReminders({ database: t.database, now: at(n), tenantId });

/** The claimed kinds of one item, sorted. */
async function kindsFor(tenantId: string, rectificationId: string) {
  const rows = await db
    .select({ kind: reminderLog.kind })
    .from(reminderLog)
    .where(and(eq(reminderLog.tenantId, tenantId), eq(reminderLog.rectificationId, rectificationId)));
  return rows.map((r) => r.kind).sort();
}

/** The reminder notifications about one item, with their recipients' roles. */
async function remindersAbout(entityId: string) {
  return db
    .select({
      kind: notifications.kind,
      roles: users.roles,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      entity: notifications.entity,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(notifications.entityId, entityId), like(notifications.kind, "reminder_%")));
}

describe("runReminders on 整改 items", () => {
  it("reminds the school before, on and after the deadline, then escalates to its head and the supervisors", async () => {
    const b = await buildLedgerBureau(t);
    const id = await raise(b);
    expect((await run(b.tenant.id, -5)).sent).toBe(0);
    expect((await run(b.tenant.id, -3)).sent).toBe(1); // the tenant default: three days ahead
    expect((await run(b.tenant.id, -2)).sent).toBe(0);
    expect((await run(b.tenant.id, 0)).sent).toBe(1);
    expect((await run(b.tenant.id, 1)).sent).toBe(1);
    expect((await run(b.tenant.id, 1)).sent).toBe(0); // once a day
    expect((await run(b.tenant.id, 3)).sent).toBe(2); // overdue + head
    expect((await run(b.tenant.id, 6)).sent).toBe(2); // overdue + supervisor
    expect(await kindsFor(b.tenant.id, id)).toEqual([
      `due@${DEADLINE}`,
      `due_soon@${DEADLINE}`,
      `escalate_head@${DEADLINE}`,
      `escalate_supervisor@${DEADLINE}`,
      `overdue:${addDays(DEADLINE, 1)}`,
      `overdue:${addDays(DEADLINE, 3)}`,
      `overdue:${addDays(DEADLINE, 6)}`,
    ]);
    const sent = await remindersAbout(id);
    const byKind = (kind: string) => sent.filter((n) => n.kind === kind);
    // The school has one user, who is also its head; the other school and the department hear nothing.
    expect(byKind("reminder_due_soon").map((n) => n.roles)).toEqual([["school"]]);
    expect(byKind("reminder_overdue")).toHaveLength(3);
    expect(byKind("reminder_escalate_head").map((n) => n.roles)).toEqual([["school"]]);
    expect(byKind("reminder_escalate_supervisor").map((n) => n.roles)).toEqual([["supervisor"]]);
    expect(sent.every((n) => n.link === `/rectifications/${id}` && n.entity === "rectification")).toBe(true);
    const firstOverdue = byKind("reminder_overdue").find((n) => n.title.includes("已逾期 1 天"));
    expect(firstOverdue).toMatchObject({
      title: "催办：「整改事项：消防通道堆放杂物」已逾期 1 天",
      body: `${b.school.name}：「整改事项：消防通道堆放杂物」已逾期 1 天（整改期限 ${DEADLINE}），请立即整改并提交佐证。`,
    });
    expect(byKind("reminder_escalate_supervisor")[0]!.title).toBe(`督办升级：${b.school.name}逾期未整改`);
  });

  it("leaves submitted and closed-out items alone", async () => {
    const b = await buildLedgerBureau(t);
    const submitted = await raise(b, "食堂留样记录不全");
    await submit(b, submitted, 0);
    const closed = await raise(b, "宿舍灭火器过期");
    await verify(b, closed, await submit(b, closed, 0), "accept");
    const open = await raise(b);
    expect((await run(b.tenant.id, 6)).sent).toBe(3);
    expect(await kindsFor(b.tenant.id, submitted)).toEqual([]);
    expect(await kindsFor(b.tenant.id, closed)).toEqual([]);
    expect(await kindsFor(b.tenant.id, open)).toHaveLength(3);
  });

  it("reminds a returned item again, asking for the resubmission the verifier wants", async () => {
    const b = await buildLedgerBureau(t);
    const id = await raise(b);
    await verify(b, id, await submit(b, id, 0), "return");
    expect((await run(b.tenant.id, 1)).sent).toBe(1);
    const [reminder] = await remindersAbout(id);
    expect(reminder!.body).toContain("请立即按退回意见整改并重新提交佐证");
  });

  it("claims task and item reminders of one tenant apart, each once", async () => {
    const p = await buildAssignedPlan(t);
    // The seed task is due 2023-12-31: move its own deadline out, so the assignment owes only the cycle's report.
    await setDueInDays(t, p.assignmentId, 3650);
    const cycle = await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {
      name: "2026年5月",
      startDate: addDays(DEADLINE, -30),
      dueDate: DEADLINE,
    });
    expect(cycle.statusCode, cycle.body).toBe(201);
    const item = await p.supervisor.post("/api/rectifications", {
      unitId: p.kindergarten.id,
      problem: "户外活动场地地面破损",
      requirement: "修复地面并设置警示",
      deadline: DEADLINE,
      source: "inspection",
    });
    expect(item.statusCode, item.body).toBe(201);
    // The same three kinds fall due for both subjects: neither claim may swallow the other's.
    expect((await run(p.tenant.id, 6)).sent).toBe(6);
    expect((await run(p.tenant.id, 6)).sent).toBe(0);
    const claims = await db.select().from(reminderLog).where(eq(reminderLog.tenantId, p.tenant.id));
    expect(claims.filter((c) => c.assignmentId === p.assignmentId)).toHaveLength(3);
    expect(claims.filter((c) => c.rectificationId === item.json().id)).toHaveLength(3);
  });

  it("sends each reminder once when two runs race on one database", async () => {
    const b = await buildLedgerBureau(t);
    const id = await raise(b);
    await db
      .insert(channelSettings)
      .values({ tenantId: b.tenant.id, kind: "wecom", config: { webhook: "http://127.0.0.1:9/x" } });
    const [x, y] = await Promise.all([run(b.tenant.id, 6), run(b.tenant.id, 6)]);
    expect(x.sent + y.sent).toBe(3);
    expect(x.skipped + y.skipped).toBe(3);
    expect(await kindsFor(b.tenant.id, id)).toHaveLength(3);
    expect((await remindersAbout(id)).map((n) => n.kind).sort()).toEqual([
      "reminder_escalate_head",
      "reminder_escalate_supervisor",
      "reminder_overdue",
    ]);
    // One robot message per reminder that went out.
    expect(await db.select().from(deliveries).where(eq(deliveries.tenantId, b.tenant.id))).toHaveLength(3);
  });

  it("refuses a claim that names no subject or two", async () => {
    const b = await buildLedgerBureau(t);
    const id = await raise(b);
    await expect(db.insert(reminderLog).values({ tenantId: b.tenant.id, kind: "due" })).rejects.toThrow();
    const p = await buildAssignedPlan(t);
    const cycles = await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {
      name: "本期",
      startDate: addDays(DEADLINE, -30),
      dueDate: DEADLINE,
    });
    await expect(
      db.insert(reminderLog).values({
        tenantId: b.tenant.id,
        assignmentId: p.assignmentId,
        cycleId: cycles.json().id,
        rectificationId: id,
        kind: "due",
      }),
    ).rejects.toThrow();
    expect(await kindsFor(b.tenant.id, id)).toEqual([]);
  });
});
