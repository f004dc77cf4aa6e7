import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { channelSettings, deliveries, notifications, users } from "../db/schema.js";
import { buildUser, TEST_PASSWORD } from "./factories.js";
import { buildPublishedPlan } from "./plan-fixtures.js";
import { signIn, type TestSession } from "./session.js";
import type { TestApp } from "./test-app.js";

/** The id of a signed-in user. */
export async function idOf(s: TestSession): Promise<string> {
  return (await s.get("/api/auth/me")).json().id as string;
}

/**
 * A bureau where every user has an email address, the tenant has an email channel (so each push is one delivery
 * row per address) and a leader is signed in too; then task 9 handed to the first kindergarten.
 */
export async function buildNotifyBureau(t: TestApp) {
  const p = await buildPublishedPlan(t);
  const db = t.database.db as Db;
  const leaderRow = await buildUser(db, { tenantId: p.tenant.id, role: "leader" });
  await db
    .update(users)
    .set({ email: sql`${users.login} || '@example.test'` })
    .where(eq(users.tenantId, p.tenant.id));
  await db.insert(channelSettings).values({
    tenantId: p.tenant.id,
    kind: "email",
    config: { host: "127.0.0.1", port: 2525, tls: "none", from: "duban@example.test" },
  });
  const leader = await signIn(t.app, leaderRow.login, TEST_PASSWORD);
  const res = await p.lead.post(`/api/nodes/${p.task9.id}/assignments`, {
    unitIds: [p.kindergarten.id],
    role: "executor",
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const assignmentId = (await p.lead.get(`/api/nodes/${p.task9.id}/assignments`)).json().items[0]
    .id as string;
  const sessions = {
    supervisor: p.supervisor,
    lead: p.lead,
    school: p.school,
    kg1: p.kg1,
    kg2: p.kg2,
    leader,
  };
  const ids = Object.fromEntries(
    await Promise.all(Object.entries(sessions).map(async ([k, s]) => [k, await idOf(s)] as const)),
  ) as Record<keyof typeof sessions, string>;
  return { ...p, leader, ids, assignmentId };
}

/** A bureau as `buildNotifyBureau` builds it. */
export type NotifyBureau = Awaited<ReturnType<typeof buildNotifyBureau>>;

/** What one kind of notification did in a tenant: who was told, the links, and the addresses pushed to. */
export async function toldOf(t: TestApp, tenantId: string, kind: string) {
  const db = t.database.db as Db;
  const rows = await db
    .select({ userId: notifications.userId, link: notifications.link, title: notifications.title })
    .from(notifications)
    .where(and(eq(notifications.tenantId, tenantId), eq(notifications.kind, kind)));
  const titles = [...new Set(rows.map((r) => r.title))];
  const pushed =
    titles.length === 0
      ? []
      : await db
          .select({ target: deliveries.target })
          .from(deliveries)
          .where(
            and(eq(deliveries.tenantId, tenantId), inArray(sql`${deliveries.payload}->>'title'`, titles)),
          );
  const emails =
    rows.length === 0
      ? []
      : await db
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(inArray(users.id, [...new Set(rows.map((r) => r.userId))]));
  const emailOf = new Map(emails.map((e) => [e.id, e.email!]));
  return {
    users: rows.map((r) => r.userId).sort(),
    links: [...new Set(rows.map((r) => r.link))],
    pushedTo: pushed.map((d) => d.target).sort(),
    // One push per notification row: a step pushed twice would list an address more often than this.
    oneEach: rows.map((r) => emailOf.get(r.userId)!).sort(),
  };
}
