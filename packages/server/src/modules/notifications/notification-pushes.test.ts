import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { channelSettings, deliveries, notifications, users } from "../../db/schema.js";
import { runReminders } from "../../jobs/run-reminders.js";
import { buildNotifyBureau, type NotifyBureau, toldOf } from "../../test/notification-fixtures.js";
import { flattenTree } from "../../test/plan-fixtures.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";
import { sendDailyDigests, sendGroupedPushes } from "./index.js";
import { notify } from "./notify.js";

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db as Db;
});
afterAll(async () => t?.close());

/** The queued messages of a tenant: address or robot, and title. */
async function queued(tenantId: string) {
  const rows = await db
    .select({
      id: deliveries.id,
      target: deliveries.target,
      channel: deliveries.channel,
      payload: deliveries.payload,
    })
    .from(deliveries)
    .where(eq(deliveries.tenantId, tenantId));
  return rows.map((r) => ({
    id: r.id,
    target: r.target,
    channel: r.channel,
    ...(r.payload as { title: string; text: string }),
  }));
}

/** An email address of a user. */
async function emailOf(userId: string): Promise<string> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row!.email!;
}

/** A manual yellow 督办单 on task 9 for the kindergarten. */
async function raiseNotice(b: NotifyBureau) {
  const res = await b.supervisor.post("/api/notices", {
    nodeId: b.task9.id,
    assignmentId: b.assignmentId,
    level: "yellow",
    reason: "进展滞后",
    replyDue: "2023-06-20",
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe("notification preferences", () => {
  it("reads every kind's mode, push by default, and sets the user's own", async () => {
    const b = await buildNotifyBureau(t);
    const before = (await b.kg1.get("/api/notification-preferences")).json();
    expect(before.preferences).toHaveLength(32);
    expect(before.preferences[0]).toEqual({ kind: "assignment.created", mode: "push" });
    const put = await b.kg1.put("/api/notification-preferences", {
      preferences: [
        { kind: "notice", mode: "in_app" },
        { kind: "reminder", mode: "digest" },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    const byKind = Object.fromEntries(
      put.json().preferences.map((i: { kind: string; mode: string }) => [i.kind, i.mode]),
    );
    expect(byKind).toMatchObject({ notice: "in_app", reminder: "digest", "assignment.created": "push" });
    // Another user's choices are their own.
    expect((await b.school.get("/api/notification-preferences")).json().preferences[6]).toEqual({
      kind: "notice",
      mode: "push",
    });
  });

  it("refuses no session, an unknown kind or mode, a kind twice, and an empty list", async () => {
    const b = await buildNotifyBureau(t);
    const anon = await t.app.inject({ method: "GET", url: "/api/notification-preferences" });
    expect(anon.statusCode).toBe(401);
    const bad = async (body: unknown) => {
      const res = await b.kg1.put("/api/notification-preferences", body);
      expect(res.statusCode).toBe(400);
      return res.json().error;
    };
    expect((await bad({ preferences: [{ kind: "nope", mode: "push" }] })).details[0]).toMatchObject({
      path: "preferences.0.kind",
      message: "未知的通知类型",
    });
    expect((await bad({ preferences: [{ kind: "notice", mode: "loud" }] })).details[0].path).toBe(
      "preferences.0.mode",
    );
    expect(
      (
        await bad({
          preferences: [
            { kind: "notice", mode: "push" },
            { kind: "notice", mode: "in_app" },
          ],
        })
      ).details[0].message,
    ).toBe("每种通知只能设置一次");
    expect((await bad({ preferences: [] })).details[0].message).toBe("请至少选择一项");
    expect((await bad({ preferences: [{ kind: "notice", mode: "push" }], userId: b.ids.school })).code).toBe(
      "validation_failed",
    );
  });

  it("keeps an in-app-only kind out of the channels, and holds a digest kind for the 08:00 digest", async () => {
    const b = await buildNotifyBureau(t);
    await b.kg1.put("/api/notification-preferences", { preferences: [{ kind: "notice", mode: "in_app" }] });
    await b.school.put("/api/notification-preferences", {
      preferences: [{ kind: "notice", mode: "digest" }],
    });
    const notice = await raiseNotice(b);
    const told = await toldOf(t, b.tenant.id, "notice");
    expect(told.users).toEqual([b.ids.school, b.ids.kg1].sort());
    expect(told.pushedTo).toEqual([]);
    // Raised at 09:00: tomorrow's digest, not one a minute later.
    expect(await sendDailyDigests(t.database, TEST_NOW, b.tenant.id)).toBe(0);
    expect(await sendDailyDigests(t.database, new Date("2023-06-16T07:59:00+08:00"), b.tenant.id)).toBe(0);
    const eight = new Date("2023-06-16T08:00:00+08:00");
    expect(await sendDailyDigests(t.database, eight, b.tenant.id)).toBe(1);
    expect(await sendDailyDigests(t.database, eight, b.tenant.id)).toBe(0);
    expect(await sendDailyDigests(t.database, new Date("2023-06-16T15:00:00+08:00"), b.tenant.id)).toBe(0);
    const digests = (await queued(b.tenant.id))
      .filter((d) => d.title.startsWith("每日通知汇总"))
      .map(({ id: _, ...d }) => d);
    expect(digests).toEqual([
      {
        target: await emailOf(b.ids.school),
        channel: "email",
        title: "每日通知汇总（2023-06-16）：共 1 项",
        text: `1. 黄色警示：${b.task9.title}（进展滞后）`,
      },
    ]);
    expect(told.links).toEqual([`/notices/${notice.id}`]);
  });

  it("tells a user once when a step is replayed with the same key", async () => {
    const b = await buildNotifyBureau(t);
    const send = () =>
      db.transaction((tx) =>
        notify(tx, {
          tenantId: b.tenant.id,
          kind: "notice.replied",
          recipients: { userIds: [b.ids.supervisor] },
          title: "重放测试",
          link: "/notices/x",
          entity: null,
          entityId: null,
          dedupeKey: "notice.replied:replay:v0",
          now: TEST_NOW,
        }),
      );
    expect(await send()).toBe(1);
    expect(await send()).toBe(0);
    const told = await toldOf(t, b.tenant.id, "notice.replied");
    expect(told.users).toEqual([b.ids.supervisor]);
    expect(told.pushedTo).toEqual([await emailOf(b.ids.supervisor)]);
  });
});

describe("grouped escalations", () => {
  it("pushes a unit one message for many overdue assignments, keeping a bell entry per item", async () => {
    const b = await buildNotifyBureau(t);
    await db
      .insert(channelSettings)
      .values({ tenantId: b.tenant.id, kind: "wecom", config: { webhook: "http://127.0.0.1:9/x" } });
    const plan = (await b.supervisor.get(`/api/plans/${b.planId}`)).json();
    const tasks = flattenTree(
      plan.nodes as { id: string; level: string; number: number; children: never[] }[],
    )
      .filter((n) => n.level === "task" && n.number !== 9)
      .slice(0, 3);
    for (const task of tasks) {
      const res = await b.supervisor.post(`/api/nodes/${task.id}/assignments`, {
        unitIds: [b.kindergarten.id],
        role: "executor",
        dueDate: "2023-06-10",
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const before = new Set((await queued(b.tenant.id)).map((d) => d.id));
    // Five days late: each assignment owes the unit an overdue reminder and one to its head.
    const run = await runReminders({ database: t.database, now: TEST_NOW, tenantId: b.tenant.id });
    expect(run.sent).toBe(6);
    expect((await queued(b.tenant.id)).length).toBe(before.size);
    const rows = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.tenantId, b.tenant.id), eq(notifications.userId, b.ids.kg1)));
    expect(rows.filter((r) => r.kind.startsWith("reminder_"))).toHaveLength(6);
    await sendGroupedPushes(t.database, TEST_NOW, b.tenant.id);
    const sent = (await queued(b.tenant.id)).filter((d) => !before.has(d.id));
    expect(sent.map((d) => [d.channel, d.title]).sort()).toEqual(
      [
        ["email", "督办提醒：6 项事项逾期或待处理"],
        ["email", "督办提醒：6 项事项逾期或待处理"],
        ["wecom", "督办提醒：6 项事项逾期或待处理"],
      ].sort(),
    );
    expect(
      sent
        .filter((d) => d.channel === "email")
        .map((d) => d.target)
        .sort(),
    ).toEqual([await emailOf(b.ids.school), await emailOf(b.ids.kg1)].sort());
    expect(sent[0]!.text.split("\n")).toHaveLength(6);
    // Nothing is held any more: a second pass sends nothing.
    expect(await sendGroupedPushes(t.database, TEST_NOW, b.tenant.id)).toBe(0);
  });

  it("pushes the automatic 督办单 of one scan to a unit as one message", async () => {
    const b = await buildNotifyBureau(t);
    const plan = (await b.supervisor.get(`/api/plans/${b.planId}`)).json();
    const tasks = flattenTree(
      plan.nodes as { id: string; level: string; number: number; children: never[] }[],
    )
      .filter((n) => n.level === "task" && n.number !== 9)
      .slice(0, 2);
    for (const task of tasks)
      await b.supervisor.post(`/api/nodes/${task.id}/assignments`, {
        unitIds: [b.kindergarten.id],
        role: "executor",
        dueDate: "2023-06-10",
      });
    const before = new Set((await queued(b.tenant.id)).map((d) => d.id));
    // Two overdue (red) and task 9 behind 序时进度 (yellow): three notices for the kindergarten.
    const scan = await b.supervisor.post("/api/notices/scan");
    expect(scan.json()).toEqual({ raised: 3, upgraded: 0, closed: 0 });
    expect((await toldOf(t, b.tenant.id, "notice")).users).toHaveLength(6);
    expect((await queued(b.tenant.id)).length).toBe(before.size);
    await sendGroupedPushes(t.database, TEST_NOW, b.tenant.id);
    const sent = (await queued(b.tenant.id)).filter((d) => !before.has(d.id));
    expect(sent.map((d) => [d.target, d.title]).sort()).toEqual(
      [
        [await emailOf(b.ids.school), "督办提醒：3 项事项逾期或待处理"],
        [await emailOf(b.ids.kg1), "督办提醒：3 项事项逾期或待处理"],
      ].sort(),
    );
  });
});
