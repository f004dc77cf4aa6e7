import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { type Database, openDatabase } from "../../db/client.js";
import { buildTenant, buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { signIn, type TestSession } from "../../test/session.js";
import { openTestDatabase, testConfig } from "../../test/test-app.js";
import { createSession, deleteSession, findSessionActor, sessionIdOf } from "./sessions.repository.js";

/** Session reads sent to the database: the batched statement's text. */
let sessionStatements = 0;
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
beforeAll(async () => {
  database = await openTestDatabase({
    onQuery: (q) => {
      if (/^select .* from "sessions" inner join "users"/.test(q)) sessionStatements++;
    },
  });
  app = await buildApp({ database, config: testConfig(), webRoot: null });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** A user of the tenant with a session of an hour, in `db`; the session's id (the hash of its token). */
async function newSession(db: Database, tenantId: string) {
  const user = await buildUser(db.db, { tenantId });
  const { token } = await createSession(db.db, {
    tenantId,
    userId: user.id,
    ip: null,
    userAgent: null,
    now: new Date(),
    absoluteMs: 3_600_000,
  });
  return { user, id: sessionIdOf(token) };
}

describe("session reads", () => {
  it("reads the sessions asked for together in one statement, each answer its own", async () => {
    const tenant = await buildTenant(database.db);
    const a = await newSession(database, tenant.id);
    const b = await newSession(database, tenant.id);
    const unknown = sessionIdOf("no such token");
    const before = sessionStatements;
    const [first, second, again, none] = await Promise.all([
      findSessionActor(database.db, a.id),
      findSessionActor(database.db, b.id),
      findSessionActor(database.db, a.id),
      findSessionActor(database.db, unknown),
    ]);
    expect(sessionStatements - before).toBe(1);
    expect([first?.userId, second?.userId, again?.userId, none]).toEqual([
      a.user.id,
      b.user.id,
      a.user.id,
      null,
    ]);
    expect(first?.login).toBe(a.user.login);
    // Two requests of one session get two copies: one changing its actor does not change the other's.
    expect(again).not.toBe(first);
    expect(again?.roles).not.toBe(first?.roles);
  });

  it("reads one after the other in a statement each, so a session ended in between is gone", async () => {
    const tenant = await buildTenant(database.db);
    const a = await newSession(database, tenant.id);
    const before = sessionStatements;
    expect((await findSessionActor(database.db, a.id))?.userId).toBe(a.user.id);
    await deleteSession(database.db, a.id);
    expect(await findSessionActor(database.db, a.id)).toBeNull();
    expect(sessionStatements - before).toBe(2);
  });

  it("answers none for an id no token hashes to, without a statement", async () => {
    const before = sessionStatements;
    const answers = await Promise.all(
      ["", "x", "a,b", '"}', `${"A".repeat(42)},`].map((id) => findSessionActor(database.db, id)),
    );
    expect(answers).toEqual([null, null, null, null, null]);
    expect(sessionStatements).toBe(before);
  });

  it("fails every read of a batch when its statement fails", async () => {
    const other = await openTestDatabase();
    const tenant = await buildTenant(other.db);
    const { id: a } = await newSession(other, tenant.id);
    await other.close();
    const reads = [findSessionActor(other.db, a), findSessionActor(other.db, sessionIdOf("another"))];
    const settled = await Promise.allSettled(reads);
    expect(settled.map((s) => s.status)).toEqual(["rejected", "rejected"]);
    // A read alone goes by the one-id statement, and fails the same way.
    await expect(findSessionActor(other.db, a)).rejects.toThrow();
  });

  it("reads a lone request's session by a statement that keeps its generic plan on PostgreSQL", async () => {
    const tenant = await buildTenant(database.db);
    const a = await newSession(database, tenant.id);
    // One connection, so every read below runs the named statement on the same session.
    const one =
      database.kind === "postgres"
        ? await openDatabase({ url: process.env.TEST_DATABASE_URL, poolSize: 1 })
        : null;
    try {
      const db = one?.db ?? database.db;
      for (let i = 0; i < 12; i++) expect((await findSessionActor(db, a.id))?.userId).toBe(a.user.id);
      if (one) {
        const { rows } = (await db.execute(sql`select name, generic_plans, custom_plans
          from pg_prepared_statements where name like 'find_session_actor%'`)) as unknown as {
          rows: { name: string; generic_plans: string; custom_plans: string }[];
        };
        // Planned for its value five times, then the generic plan: with `= any($1)` it was 12 custom plans.
        expect(rows).toEqual([{ name: "find_session_actor", generic_plans: "7", custom_plans: "5" }]);
      }
    } finally {
      await one?.close();
    }
  });

  it("serves requests of different people arriving at once each as its own person", async () => {
    const tenant = await buildTenant(database.db);
    const people = await Promise.all(
      Array.from({ length: 6 }, () => buildUser(database.db, { tenantId: tenant.id })),
    );
    const sessions: TestSession[] = [];
    for (const p of people) sessions.push(await signIn(app, p.login, TEST_PASSWORD));
    const before = sessionStatements;
    const answers = await Promise.all(sessions.map((s) => s.get("/api/auth/me")));
    expect(answers.map((r) => r.statusCode)).toEqual(people.map(() => 200));
    expect(answers.map((r) => (r.json() as { login: string }).login)).toEqual(people.map((p) => p.login));
    // One statement for six requests: the reads of requests that arrived together went out together.
    expect(sessionStatements - before, "session statements for 6 requests at once").toBe(1);
  });
});
