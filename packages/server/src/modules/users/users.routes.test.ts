import type { Role } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildUnit, buildUser, TEST_PASSWORD, uniqPhone } from "../../test/factories.js";
import { signIn } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** A fresh tenant with a signed-in user of the role. */
async function tenantWith(role: Role) {
  const tenant = await buildTenant(t.database.db);
  const user = await buildUser(t.database.db, { tenantId: tenant.id, role });
  return { tenant, user, session: await signIn(t.app, user.login, TEST_PASSWORD) };
}

/** Signs in one more user of the role into an existing tenant. */
async function userOf(tenantId: string, role: Role) {
  const user = await buildUser(t.database.db, { tenantId, role });
  return signIn(t.app, user.login, TEST_PASSWORD);
}

const login = (name: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload: { login: name, password } });

/** A valid create body; the login is unique across test runs on one PostgreSQL. */
function newUser(unitId: string | null, overrides: Record<string, unknown> = {}) {
  return {
    name: "王丽",
    login: `wangli${Math.random().toString(36).slice(2, 8)}`,
    phone: uniqPhone(),
    email: "",
    unitId,
    roles: ["school"],
    password: "Init@2024x",
    ...overrides,
  };
}

describe("users: signed out", () => {
  it("answers 401 on every user endpoint without a session", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const { password, ...profile } = newUser(null);
    const calls: [string, string, object?][] = [
      ["GET", "/api/users"],
      ["POST", "/api/users", { ...profile, password }],
      ["GET", `/api/users/${id}`],
      ["PUT", `/api/users/${id}`, { ...profile, version: 0 }],
      ["PUT", `/api/users/${id}/enabled`, { enabled: false, version: 0 }],
      ["POST", `/api/users/${id}/reset-password`, { password }],
      ["POST", `/api/users/${id}/unlock`, {}],
    ];
    for (const [method, url, payload] of calls) {
      const res = await t.app.inject({ method: method as "GET", url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe("GET /api/users", () => {
  it("lists the tenant's users with their units, never a password hash", async () => {
    const { tenant, session } = await tenantWith("admin");
    const unit = await buildUnit(t.database.db, tenant.id, { name: "复兴学校" });
    await buildUser(t.database.db, { tenantId: tenant.id, role: "school", unitId: unit.id, name: "赵老师" });
    await buildUser(t.database.db, { tenantId: (await buildTenant(t.database.db)).id, name: "外局用户" });
    const res = await session.get("/api/users");
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(2);
    expect(res.json().abilities).toEqual({ create: true, import: true });
    expect(res.body).not.toMatch(/argon2|passwordHash/);
    const schools = (await session.get(`/api/users?role=school&unitId=${unit.id}`)).json();
    expect(schools.items).toMatchObject([{ name: "赵老师", unit: { id: unit.id, name: "复兴学校" } }]);
    expect((await session.get("/api/users?q=赵")).json().total).toBe(1);
  });

  it("shows a leader the users read-only, refuses a supervisor, and names bad filters", async () => {
    const { tenant, session } = await tenantWith("admin");
    const leader = await userOf(tenant.id, "leader");
    const res = (await leader.get("/api/users")).json();
    expect(res.abilities).toEqual({ create: false, import: false });
    expect(res.items[0].abilities).toEqual({
      update: false,
      disable: false,
      enable: false,
      resetPassword: false,
      unlock: false,
    });
    const supervisor = await userOf(tenant.id, "supervisor");
    expect((await supervisor.get("/api/users")).statusCode).toBe(403);
    const bad = await session.get("/api/users?role=king");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("querystring.role");
  });
});

describe("POST /api/users", () => {
  it("creates a user who must change the initial password, and audits it without the hash", async () => {
    const { tenant, session } = await tenantWith("admin");
    const unit = await buildUnit(t.database.db, tenant.id);
    const body = newUser(unit.id);
    const res = await session.post("/api/users", body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      login: body.login,
      unit: { id: unit.id },
      mustChangePassword: true,
      email: null,
      lockedUntil: null,
    });
    expect(res.json()).not.toHaveProperty("passwordHash");
    const me = await login(body.login, body.password);
    expect(me.json().mustChangePassword).toBe(true);
    const log = (await session.get("/api/audit-logs?action=user.create")).json();
    expect(log.items[0]).toMatchObject({ entityId: res.json().id });
    expect(JSON.stringify(log.items[0].summary)).not.toMatch(/argon2|Init@2024x/);
  });

  it("answers 400 naming a weak password, a bad login and a unit of another tenant", async () => {
    const { session } = await tenantWith("admin");
    const weak = await session.post("/api/users", newUser(null, { password: "password" }));
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details).toEqual([
      { path: "password", message: expect.stringContaining("三类") },
    ]);
    const badLogin = await session.post("/api/users", newUser(null, { login: "王 丽" }));
    expect(badLogin.json().error.details[0].path).toBe("login");
    const foreign = await buildUnit(t.database.db, (await buildTenant(t.database.db)).id);
    const res = await session.post("/api/users", newUser(foreign.id));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("unitId");
  });

  it("answers 409 naming `login` when any tenant already has that login, in any case", async () => {
    const { session } = await tenantWith("admin");
    const { user: elsewhere } = await tenantWith("school");
    const res = await session.post("/api/users", newUser(null, { login: elsewhere.login.toUpperCase() }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "conflict", details: [{ path: "login" }] });
  });

  it("answers 403 to a leader", async () => {
    const { session } = await tenantWith("leader");
    expect((await session.post("/api/users", newUser(null))).statusCode).toBe(403);
  });
});

describe("GET /api/users/:id", () => {
  it("reads a user of the tenant and answers 404 for another tenant's", async () => {
    const { tenant, session } = await tenantWith("leader");
    const other = await buildUser(t.database.db, { tenantId: tenant.id, role: "department" });
    expect((await session.get(`/api/users/${other.id}`)).json()).toMatchObject({ id: other.id });
    const foreign = await buildUser(t.database.db, { tenantId: (await buildTenant(t.database.db)).id });
    expect((await session.get(`/api/users/${foreign.id}`)).statusCode).toBe(404);
    expect((await session.get("/api/users/123")).statusCode).toBe(400);
  });
});

describe("PUT /api/users/:id", () => {
  it("updates the profile and roles, audits the change, and refuses a stale version", async () => {
    const { tenant, session } = await tenantWith("admin");
    const user = await buildUser(t.database.db, { tenantId: tenant.id, role: "school" });
    const { password: _, ...profile } = newUser(null, { login: user.login, roles: ["school", "inspector"] });
    const res = await session.put(`/api/users/${user.id}`, { ...profile, version: 0 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ roles: ["school", "inspector"], version: 1, phone: profile.phone });
    const log = (await session.get("/api/audit-logs?action=user.update")).json();
    expect(log.items[0].summary).toMatchObject({ before: { roles: ["school"] } });
    const stale = await session.put(`/api/users/${user.id}`, { ...profile, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
  });

  it("keeps an admin from removing their own admin role", async () => {
    const { user, session } = await tenantWith("admin");
    const { password: _, ...profile } = newUser(null, { login: user.login, roles: ["leader"] });
    const res = await session.put(`/api/users/${user.id}`, { ...profile, version: 0 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("roles");
  });

  it("answers 400, 403 and 404 as the contract says", async () => {
    const { tenant, session } = await tenantWith("admin");
    const user = await buildUser(t.database.db, { tenantId: tenant.id, role: "school" });
    const { password: _, ...profile } = newUser(null, { login: user.login });
    const bad = await session.put(`/api/users/${user.id}`, { ...profile, roles: [], version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("roles");
    const leader = await userOf(tenant.id, "leader");
    expect((await leader.put(`/api/users/${user.id}`, { ...profile, version: 0 })).statusCode).toBe(403);
    const { session: stranger } = await tenantWith("admin");
    expect((await stranger.put(`/api/users/${user.id}`, { ...profile, version: 0 })).statusCode).toBe(404);
  });
});

describe("PUT /api/users/:id/enabled", () => {
  it("disables a user, ending their sessions, and audits it", async () => {
    const { tenant, session } = await tenantWith("admin");
    const user = await buildUser(t.database.db, { tenantId: tenant.id, role: "school" });
    const theirs = await signIn(t.app, user.login, TEST_PASSWORD);
    const res = await session.put(`/api/users/${user.id}/enabled`, { enabled: false, version: 0 });
    expect(res.statusCode).toBe(200);
    expect(res.json().enabled).toBe(false);
    expect(res.json().abilities).toEqual({
      update: true,
      disable: false,
      enable: true,
      resetPassword: true,
      unlock: false,
    });
    expect((await theirs.get("/api/auth/me")).statusCode).toBe(401);
    expect((await login(user.login, TEST_PASSWORD)).json().error.code).toBe("account_disabled");
    const log = (await session.get("/api/audit-logs?action=user.disable")).json();
    expect(log.items[0]).toMatchObject({ entityId: user.id });
  });

  it("refuses to let an admin disable themself", async () => {
    const { user, session } = await tenantWith("admin");
    const res = await session.put(`/api/users/${user.id}/enabled`, { enabled: false, version: 0 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "validation_failed", details: [{ path: "enabled" }] });
    expect(res.json().error.message).toContain("不能停用自己");
  });

  it("answers 400, 403, 404 and 409 as the contract says", async () => {
    const { tenant, session } = await tenantWith("admin");
    const user = await buildUser(t.database.db, { tenantId: tenant.id, role: "school" });
    const url = `/api/users/${user.id}/enabled`;
    expect((await session.put(url, { enabled: 0, version: 0 })).json().error.details[0].path).toBe("enabled");
    const leader = await userOf(tenant.id, "leader");
    expect((await leader.put(url, { enabled: false, version: 0 })).statusCode).toBe(403);
    const { session: stranger } = await tenantWith("admin");
    expect((await stranger.put(url, { enabled: false, version: 0 })).statusCode).toBe(404);
    expect((await session.put(url, { enabled: false, version: 5 })).statusCode).toBe(409);
  });
});

describe("POST /api/users/:id/reset-password", () => {
  it("sets a password the user must change, signs them out and audits it", async () => {
    const { tenant, session } = await tenantWith("admin");
    const user = await buildUser(t.database.db, { tenantId: tenant.id, role: "school" });
    const theirs = await signIn(t.app, user.login, TEST_PASSWORD);
    const res = await session.post(`/api/users/${user.id}/reset-password`, { password: "Reset#2024a" });
    expect(res.statusCode).toBe(204);
    expect((await theirs.get("/api/auth/me")).statusCode).toBe(401);
    expect((await login(user.login, TEST_PASSWORD)).statusCode).toBe(401);
    const again = await login(user.login, "Reset#2024a");
    expect(again.json().mustChangePassword).toBe(true);
    const log = (await session.get("/api/audit-logs?action=user.reset_password")).json();
    expect(log.items[0]).toMatchObject({ entityId: user.id });
    expect(JSON.stringify(log.items[0].summary)).not.toContain("Reset#2024a");
  });

  it("answers 400 naming a weak password, 403 to a leader and 404 across tenants", async () => {
    const { tenant, session } = await tenantWith("admin");
    const user = await buildUser(t.database.db, { tenantId: tenant.id, role: "school" });
    const url = `/api/users/${user.id}/reset-password`;
    const weak = await session.post(url, { password: "abc" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].path).toBe("password");
    const leader = await userOf(tenant.id, "leader");
    expect((await leader.post(url, { password: "Reset#2024a" })).statusCode).toBe(403);
    const { session: stranger } = await tenantWith("admin");
    expect((await stranger.post(url, { password: "Reset#2024a" })).statusCode).toBe(404);
  });
});

describe("POST /api/users/:id/unlock", () => {
  it("shows the lock, clears it and audits it", async () => {
    const { tenant, session } = await tenantWith("admin");
    const user = await buildUser(t.database.db, { tenantId: tenant.id, role: "school" });
    for (let i = 0; i < 5; i++) await login(user.login, `Wrong#pass${i}`);
    const locked = (await session.get(`/api/users/${user.id}`)).json();
    expect(locked.lockedUntil).not.toBeNull();
    expect(locked.abilities).toEqual({
      update: true,
      disable: true,
      enable: false,
      resetPassword: true,
      unlock: true,
    });
    expect((await session.post(`/api/users/${user.id}/unlock`)).statusCode).toBe(204);
    expect((await session.get(`/api/users/${user.id}`)).json().lockedUntil).toBeNull();
    expect((await login(user.login, TEST_PASSWORD)).statusCode).toBe(200);
    const log = (await session.get("/api/audit-logs?action=user.unlock")).json();
    expect(log.items[0]).toMatchObject({ entityId: user.id });
  });

  it("answers 400 on a bad id, 403 to a leader and 404 across tenants", async () => {
    const { tenant, session } = await tenantWith("admin");
    const user = await buildUser(t.database.db, { tenantId: tenant.id, role: "school" });
    expect((await session.post("/api/users/nope/unlock")).statusCode).toBe(400);
    const leader = await userOf(tenant.id, "leader");
    expect((await leader.post(`/api/users/${user.id}/unlock`)).statusCode).toBe(403);
    const { session: stranger } = await tenantWith("admin");
    expect((await stranger.post(`/api/users/${user.id}/unlock`)).statusCode).toBe(404);
  });
});
