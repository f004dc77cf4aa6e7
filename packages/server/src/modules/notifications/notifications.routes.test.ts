import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAssignedPlan, dayFromToday } from "../../test/notice-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** A plan whose first kindergarten has two unread notifications from two manual notices (and its 交办, read). */
async function withTwoNotifications() {
  const p = await buildAssignedPlan(t);
  // The 交办 notification read: the two notices are the unread ones.
  await p.kg1.post("/api/notifications/read-all");
  for (const level of ["blue", "red"])
    expect(
      (
        await p.supervisor.post("/api/notices", {
          nodeId: p.task9.id,
          assignmentId: p.assignmentId,
          level,
          reason: `${level} 提醒`,
          replyDue: dayFromToday(t, 3),
        })
      ).statusCode,
    ).toBe(201);
  return p;
}

describe("通知 in-app notifications", () => {
  it("lists my notifications newest first with the unread count, and marks one and then all read", async () => {
    const p = await withTwoNotifications();
    const list = (await p.kg1.get("/api/notifications")).json();
    expect(list).toMatchObject({ total: 3, unreadCount: 2, page: 1 });
    expect(list.items[0].title).toContain("红色督办");
    const paged = (await p.kg1.get("/api/notifications?pageSize=1&page=2")).json();
    expect(paged.items[0].title).toContain("蓝色提醒");
    const read = await p.kg1.post(`/api/notifications/${list.items[0].id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toBe("2023-06-15T01:00:00.000Z");
    expect((await p.kg1.get("/api/notifications")).json().unreadCount).toBe(1);
    expect((await p.kg1.get("/api/notifications?unread=true")).json().total).toBe(1);
    expect((await p.kg1.post("/api/notifications/read-all")).json()).toEqual({ updated: 1 });
    expect((await p.kg1.get("/api/notifications")).json().unreadCount).toBe(0);
  });

  it("answers 401, 400, and 404 for another user's or another tenant's notification", async () => {
    const p = await withTwoNotifications();
    const id = (await p.kg1.get("/api/notifications")).json().items[0].id;
    expect((await t.app.inject({ method: "GET", url: "/api/notifications" })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "POST", url: `/api/notifications/${id}/read` })).statusCode).toBe(
      401,
    );
    expect((await p.kg1.get("/api/notifications?pageSize=0")).statusCode).toBe(400);
    expect((await p.kg1.post("/api/notifications/not-an-id/read")).statusCode).toBe(400);
    expect((await p.kg2.post(`/api/notifications/${id}/read`)).statusCode).toBe(404);
    const other = await buildAssignedPlan(t);
    expect((await other.kg1.post(`/api/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await p.kg2.get("/api/notifications")).json().total).toBe(0);
  });
});
