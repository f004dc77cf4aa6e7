import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildUser, TEST_PASSWORD, uniq } from "../../test/factories.js";
import { signIn } from "../../test/session.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const login = (payload: unknown) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload: payload as object });

describe("POST /api/auth/login", () => {
  it("signs in with the right password and sets a strict HttpOnly cookie", async () => {
    const tenant = await buildTenant(t.database.db);
    const user = await buildUser(t.database.db, { tenantId: tenant.id, role: "supervisor" });
    const res = await login({ login: user.login, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "duban_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Strict");
    expect(res.json()).toMatchObject({
      id: user.id,
      roles: ["supervisor"],
      tenant: { id: tenant.id },
      mustChangePassword: false,
    });
    // The menu the supervision office gets: the same object the domain's menuAbilities computes, in full.
    const area = (open: boolean, listed: boolean, manage: boolean) => ({ open, listed, manage });
    expect(res.json().abilities).toEqual({
      areas: {
        plans: area(true, true, true),
        planImports: area(true, false, true),
        notices: area(true, true, true),
        extensions: area(true, true, true),
        rectifications: area(true, true, true),
        inspections: area(true, true, false),
        instructions: area(false, false, false),
        bulletins: area(true, true, true),
        assessments: area(true, true, true),
        cascade: area(true, true, true),
        units: area(true, true, false),
        groups: area(true, true, true),
        users: area(false, false, false),
        audit: area(false, false, false),
        unitKeywords: area(true, true, false),
        channels: area(false, false, false),
        workCalendar: area(true, true, false),
        documentNumbers: area(true, true, true),
      },
      unitWork: false,
      myAssessments: false,
      assessmentEntries: false,
      raiseNotices: true,
      manageCycles: true,
      cockpit: { open: true, home: true },
    });
  });

  it("gives the same answer for an unknown login and a wrong password", async () => {
    const tenant = await buildTenant(t.database.db);
    const user = await buildUser(t.database.db, { tenantId: tenant.id });
    const wrong = await login({ login: user.login, password: "Wrong@12345" });
    // Unique per run: failed logins lock a login for 15 minutes, also in a database kept between runs.
    const unknown = await login({ login: `nobody-${uniq()}`, password: "Wrong@12345" });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe("invalid_credentials");
  });

  it("locks the account for 15 minutes after five bad passwords, even for the right password", async () => {
    const tenant = await buildTenant(t.database.db);
    const user = await buildUser(t.database.db, { tenantId: tenant.id });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await login({ login: user.login, password: `Bad@pass${i}` })).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    const right = await login({ login: user.login, password: TEST_PASSWORD });
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe("account_locked");
    // The lock runs 15 minutes from the fifth failure, to the millisecond.
    t.clock.advance(15 * 60_000 - 1);
    const stillLocked = await login({ login: user.login, password: TEST_PASSWORD });
    t.clock.advance(1);
    const unlocked = await login({ login: user.login, password: TEST_PASSWORD });
    t.clock.set(TEST_NOW);
    expect(stillLocked.statusCode).toBe(423);
    expect(unlocked.statusCode).toBe(200);
  });

  it("locks unknown logins the same way, so lockout does not reveal which accounts exist", async () => {
    const ghost = `ghost-${uniq()}`;
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await login({ login: ghost, password: "Bad@pass1" })).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423, 423]);
  });

  it("refuses a disabled account after a correct password", async () => {
    const tenant = await buildTenant(t.database.db);
    const user = await buildUser(t.database.db, { tenantId: tenant.id, enabled: false });
    const res = await login({ login: user.login, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("account_disabled");
  });

  it("answers 400 naming the fields for missing, unknown, mistyped and over-long input", async () => {
    const missing = await login({ login: "someone" });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toContainEqual(expect.objectContaining({ path: "password" }));
    const unknown = await login({ login: "a", password: "b", admin: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toContainEqual(expect.objectContaining({ path: "admin" }));
    const typed = await login({ login: 42, password: "b" });
    expect(typed.json().error.details).toContainEqual(expect.objectContaining({ path: "login" }));
    const long = await login({ login: "x".repeat(65), password: "b" });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details).toContainEqual(expect.objectContaining({ path: "login" }));
  });

  it("answers 400, not 500, to malformed JSON", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: '{"login": "a", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("bad_request");
  });

  it("writes login and failed-login entries to the audit log", async () => {
    const tenant = await buildTenant(t.database.db);
    const admin = await buildUser(t.database.db, { tenantId: tenant.id, role: "admin" });
    await login({ login: admin.login, password: "Wrong@12345" });
    const session = await signIn(t.app, admin.login, TEST_PASSWORD);
    const res = await session.get("/api/audit-logs?entity=user");
    const actions = res.json().items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.login", "auth.login_failed"]));
  });
});

describe("sessions", () => {
  it("answers 401 without a session", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/auth/me" });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");
  });

  it("expires a session idle for more than 30 minutes", async () => {
    const tenant = await buildTenant(t.database.db);
    const user = await buildUser(t.database.db, { tenantId: tenant.id });
    const session = await signIn(t.app, user.login, TEST_PASSWORD);
    t.clock.advance(29 * 60_000);
    expect((await session.get("/api/auth/me")).statusCode).toBe(200);
    t.clock.advance(30 * 60_000 - 1);
    expect((await session.get("/api/auth/me")).statusCode).toBe(200);
    t.clock.advance(30 * 60_000);
    const res = await session.get("/api/auth/me");
    t.clock.set(TEST_NOW);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("session_expired");
  });

  it("expires a busy session at exactly 12 hours after sign-in", async () => {
    const tenant = await buildTenant(t.database.db);
    const user = await buildUser(t.database.db, { tenantId: tenant.id });
    const session = await signIn(t.app, user.login, TEST_PASSWORD);
    // Used every 29 minutes, so it never goes idle: 24 uses take it to 11 h 36 min after sign-in.
    for (let i = 0; i < 24; i++) {
      t.clock.advance(29 * 60_000);
      expect((await session.get("/api/auth/me")).statusCode, `use ${i + 1}`).toBe(200);
    }
    t.clock.advance(24 * 60_000 - 1);
    expect((await session.get("/api/auth/me")).statusCode).toBe(200);
    t.clock.advance(1);
    const res = await session.get("/api/auth/me");
    t.clock.set(TEST_NOW);
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: "session_expired", message: "登录已超时，请重新登录" });
  });

  it("rejects a write without the CSRF header, and accepts it with the header", async () => {
    const tenant = await buildTenant(t.database.db);
    const user = await buildUser(t.database.db, { tenantId: tenant.id });
    const session = await signIn(t.app, user.login, TEST_PASSWORD);
    const without = await session.request("POST", "/api/auth/logout", {}, { "x-csrf-token": "" });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe("csrf_rejected");
    expect((await session.post("/api/auth/logout")).statusCode).toBe(204);
    expect((await session.get("/api/auth/me")).statusCode).toBe(401);
  });

  it("logs out everywhere", async () => {
    const tenant = await buildTenant(t.database.db);
    const user = await buildUser(t.database.db, { tenantId: tenant.id });
    const phone = await signIn(t.app, user.login, TEST_PASSWORD);
    const desk = await signIn(t.app, user.login, TEST_PASSWORD);
    expect((await desk.post("/api/auth/logout-all")).statusCode).toBe(204);
    expect((await phone.get("/api/auth/me")).statusCode).toBe(401);
  });
});

describe("POST /api/auth/change-password", () => {
  it("forces a new user to change the initial password before anything else", async () => {
    const tenant = await buildTenant(t.database.db);
    const user = await buildUser(t.database.db, {
      tenantId: tenant.id,
      role: "admin",
      mustChangePassword: true,
    });
    const session = await signIn(t.app, user.login, TEST_PASSWORD);
    expect((await session.get("/api/auth/me")).json().mustChangePassword).toBe(true);
    const blocked = await session.get("/api/units");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe("password_change_required");
    const weak = await session.post("/api/auth/change-password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "password",
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].path).toBe("newPassword");
    const ok = await session.post("/api/auth/change-password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "New#Pass2024",
    });
    expect(ok.statusCode).toBe(204);
    expect((await session.get("/api/units")).statusCode).toBe(200);
    expect((await login({ login: user.login, password: "New#Pass2024" })).statusCode).toBe(200);
  });

  it("refuses a wrong current password", async () => {
    const tenant = await buildTenant(t.database.db);
    const user = await buildUser(t.database.db, { tenantId: tenant.id });
    const session = await signIn(t.app, user.login, TEST_PASSWORD);
    const res = await session.post("/api/auth/change-password", {
      currentPassword: "Nope@12345",
      newPassword: "New#Pass2024",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("currentPassword");
  });
});

describe("GET /api/health", () => {
  it("answers 200 with the database kind and security headers", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: "ok",
      database: process.env.TEST_DATABASE_URL ? "postgres" : "pglite",
    });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  });
});

describe("login rate limit", () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({ loginRateLimitPerMinute: 3 });
  });
  afterAll(async () => limited?.close());

  it("answers 429 once an address exceeds the per-minute limit", async () => {
    const codes: number[] = [];
    // A login no other run has used: failed logins lock a login for 15 minutes in a shared database.
    const login = `nobody-${uniq()}`;
    for (let i = 0; i < 4; i++) {
      const res = await limited.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { login, password: "y" },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
  });
});
