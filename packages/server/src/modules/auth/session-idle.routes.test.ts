import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import type { Database } from "../../db/client.js";
import { buildTenant, buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { signIn } from "../../test/session.js";
import { openTestDatabase, testConfig } from "../../test/test-app.js";

/** A clock that moves only when told, so "exactly 30 minutes" means exactly. */
class StoppedClock {
  private at = Date.UTC(2023, 4, 10, 1, 0, 0);
  now(): Date {
    return new Date(this.at);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

const clock = new StoppedClock();
const config = testConfig();
const IDLE = config.sessionIdleMs;
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, config, clock, webRoot: null });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("session idle timeout", () => {
  it("counts from the last use, not from the once-a-minute write", async () => {
    expect(IDLE).toBe(30 * 60_000);
    const tenant = await buildTenant(database.db);
    const user = await buildUser(database.db, { tenantId: tenant.id });
    const session = await signIn(app, user.login, TEST_PASSWORD);
    // Used 30 s after sign-in: too soon to be written.
    clock.advance(30_000);
    expect((await session.get("/api/auth/me")).statusCode).toBe(200);
    // Used again 1 s before the idle time after that use: alive.
    clock.advance(IDLE - 1000);
    expect((await session.get("/api/auth/me")).statusCode).toBe(200);
    // Another unwritten use, then one a millisecond before its idle time: still alive.
    clock.advance(30_000);
    expect((await session.get("/api/auth/me")).statusCode).toBe(200);
    clock.advance(IDLE - 1);
    expect((await session.get("/api/auth/me")).statusCode).toBe(200);
    // Exactly the idle time after that last use: over.
    clock.advance(IDLE);
    const res = await session.get("/api/auth/me");
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("session_expired");
    expect((await session.get("/api/auth/me")).json().error.code).toBe("unauthenticated");
  });

  it("ends a session exactly the idle time after a use that was not written", async () => {
    const tenant = await buildTenant(database.db);
    const user = await buildUser(database.db, { tenantId: tenant.id });
    const session = await signIn(app, user.login, TEST_PASSWORD);
    clock.advance(45_000);
    expect((await session.get("/api/auth/me")).statusCode).toBe(200);
    clock.advance(IDLE);
    const res = await session.get("/api/auth/me");
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("session_expired");
  });
});
