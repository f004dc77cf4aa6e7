import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLogs, users } from "../../db/schema.js";
import { buildTenant, buildUser, TEST_PASSWORD, uniq, uniqPhone } from "../../test/factories.js";
import { signIn } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { buildXlsx, uploadFile } from "../../test/upload.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** A user of tenant A who signs in with a phone, and a signed-in admin of tenant B. */
async function twoTenants() {
  const tenantA = await buildTenant(t.database.db);
  const phone = uniqPhone();
  const holder = await buildUser(t.database.db, { tenantId: tenantA.id, role: "school" });
  await t.database.db.update(users).set({ phone }).where(eq(users.id, holder.id));
  const tenantB = await buildTenant(t.database.db);
  const admin = await buildUser(t.database.db, { tenantId: tenantB.id, role: "admin" });
  const session = await signIn(t.app, admin.login, TEST_PASSWORD);
  return { tenantA, holder: { ...holder, phone }, tenantB, admin, session };
}

/** A valid create body with a fresh login and phone. */
function newUser(overrides: Record<string, unknown> = {}) {
  return {
    name: "赵敏",
    login: `zm${uniq()}`,
    phone: uniqPhone(),
    email: "",
    unitId: null,
    roles: ["supervisor"],
    password: "Init@2024x",
    ...overrides,
  };
}

const login = (name: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload: { login: name, password } });

describe("sign-in identities are unique across tenants: POST /api/users", () => {
  it("answers 409 naming `login` for a login equal to a user's phone in another tenant", async () => {
    const { holder, tenantA, session } = await twoTenants();
    const res = await session.post("/api/users", newUser({ login: holder.phone }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({
      code: "conflict",
      message: `账号“${holder.phone}”已被使用，请换一个`,
      details: [{ path: "login", message: "账号已被使用" }],
    });
    expect(res.body).not.toContain(tenantA.name);
  });

  it("answers 409 naming `phone` for a phone equal to another tenant's login or phone", async () => {
    const { holder, session } = await twoTenants();
    for (const phone of [holder.phone]) {
      const res = await session.post("/api/users", newUser({ phone }));
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toEqual({
        code: "conflict",
        message: `手机号“${phone}”已被其他账号使用，请换一个`,
        details: [{ path: "phone", message: "手机号已被其他账号使用" }],
      });
    }
    // A login that looks like a phone, taken as someone's phone.
    const phoneLogin = uniqPhone();
    expect((await session.post("/api/users", newUser({ login: phoneLogin }))).statusCode).toBe(201);
    const res = await session.post("/api/users", newUser({ phone: phoneLogin }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual([{ path: "phone", message: "手机号已被其他账号使用" }]);
  });

  it("creates a user whose login is their own phone", async () => {
    const { session } = await twoTenants();
    const phone = uniqPhone();
    const res = await session.post("/api/users", newUser({ login: phone, phone }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ login: phone, phone });
    expect((await login(phone, "Init@2024x")).json()).toMatchObject({ id: res.json().id });
  });
});

describe("sign-in identities are unique across tenants: PUT /api/users/:id", () => {
  it("answers 409 naming the field for another tenant's phone as login or phone, and keeps the user", async () => {
    const { holder, tenantB, session } = await twoTenants();
    const own = await buildUser(t.database.db, { tenantId: tenantB.id, role: "school" });
    const profile = {
      name: own.name,
      login: own.login,
      phone: null,
      email: null,
      unitId: null,
      roles: ["school"],
    };
    const asLogin = await session.put(`/api/users/${own.id}`, {
      ...profile,
      login: holder.phone,
      version: 0,
    });
    expect(asLogin.statusCode).toBe(409);
    expect(asLogin.json().error.details).toEqual([{ path: "login", message: "账号已被使用" }]);
    const asPhone = await session.put(`/api/users/${own.id}`, {
      ...profile,
      phone: holder.phone,
      version: 0,
    });
    expect(asPhone.statusCode).toBe(409);
    expect(asPhone.json().error.details).toEqual([{ path: "phone", message: "手机号已被其他账号使用" }]);
    const asOtherLogin = await session.put(`/api/users/${own.id}`, {
      ...profile,
      phone: null,
      login: holder.login,
      version: 0,
    });
    expect(asOtherLogin.json().error.details).toEqual([{ path: "login", message: "账号已被使用" }]);
    // Nothing changed, and the user can still be saved with a phone of their own.
    const phone = uniqPhone();
    const ok = await session.put(`/api/users/${own.id}`, { ...profile, phone, version: 0 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ login: own.login, phone, version: 1 });
    // Saving again with the same login and phone is no conflict with oneself.
    expect((await session.put(`/api/users/${own.id}`, { ...profile, phone, version: 1 })).statusCode).toBe(
      200,
    );
    expect((await login(phone, TEST_PASSWORD)).json()).toMatchObject({ id: own.id });
  });

  it("frees the old phone when a user's phone changes", async () => {
    const { tenantB, session } = await twoTenants();
    const own = await buildUser(t.database.db, { tenantId: tenantB.id, role: "school" });
    const profile = { name: own.name, login: own.login, email: null, unitId: null, roles: ["school"] };
    const [first, second] = [uniqPhone(), uniqPhone()];
    expect(
      (await session.put(`/api/users/${own.id}`, { ...profile, phone: first, version: 0 })).statusCode,
    ).toBe(200);
    expect(
      (await session.put(`/api/users/${own.id}`, { ...profile, phone: second, version: 1 })).statusCode,
    ).toBe(200);
    expect((await login(first, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await session.post("/api/users", newUser({ phone: first }))).statusCode).toBe(201);
  });
});

describe("sign-in identities are unique across tenants: POST /api/users/import", () => {
  it("names each row whose login or phone another user or another row already signs in with", async () => {
    const { holder, tenantA, session } = await twoTenants();
    // Another tenant-A user whose login is a mobile number.
    const other = await buildUser(t.database.db, { tenantId: tenantA.id, role: "school" });
    const phoneLogin = uniqPhone();
    await t.database.db.update(users).set({ login: phoneLogin }).where(eq(users.id, other.id));
    const [shared, fresh] = [uniqPhone(), `imp${uniq()}`];
    const header = ["姓名", "账号", "手机号", "邮箱", "所属单位", "角色", "初始密码"];
    const content = await buildXlsx("用户", header, [
      ["甲", holder.phone, "", "", "", "督查室", "Duban@2024"],
      ["乙", `imp${uniq()}`, phoneLogin, "", "", "督查室", "Duban@2024"],
      ["丙", `imp${uniq()}`, shared, "", "", "督查室", "Duban@2024"],
      ["丁", shared, "", "", "", "督查室", "Duban@2024"],
      ["戊", fresh, "", "", "", "督查室", "Duban@2024"],
    ]);
    const res = await uploadFile(session, "/api/users/import", { content });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.rows).toEqual([
      { row: 2, reason: `账号“${holder.phone}”已被使用，请换一个` },
      { row: 3, reason: `手机号“${phoneLogin}”已被其他账号使用，请换一个` },
      { row: 5, reason: `账号“${shared}”与第 4 行的手机号重复` },
    ]);
    expect((await login(fresh, "Duban@2024")).statusCode).toBe(401);
  });
});

describe("sign-in with a phone", () => {
  it("signs in the phone's owner and audits failures only in the owner's tenant", async () => {
    const { holder, tenantA, tenantB, session } = await twoTenants();
    expect((await session.post("/api/users", newUser({ login: holder.phone }))).statusCode).toBe(409);
    const ok = await login(holder.phone, TEST_PASSWORD);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id: holder.id, tenant: { id: tenantA.id } });
    expect((await login(holder.phone, "Wrong@12345")).statusCode).toBe(401);
    const failed = (tenantId: string) =>
      t.database.db
        .select({ ip: auditLogs.ip, actorId: auditLogs.actorId })
        .from(auditLogs)
        .where(
          and(
            eq(auditLogs.tenantId, tenantId),
            eq(auditLogs.action, "auth.login_failed"),
            sql`${auditLogs.summary}->>'login' = ${holder.phone}`,
          ),
        );
    expect(await failed(tenantA.id)).toEqual([{ ip: "127.0.0.1", actorId: holder.id }]);
    expect(await failed(tenantB.id)).toEqual([]);
  });

  it("audits a failed sign-in of an unknown identity in no tenant", async () => {
    const ghost = uniqPhone();
    expect((await login(ghost, "Wrong@12345")).statusCode).toBe(401);
    const rows = await t.database.db
      .select({ tenantId: auditLogs.tenantId })
      .from(auditLogs)
      .where(sql`${auditLogs.summary}->>'login' = ${ghost}`);
    expect(rows).toEqual([{ tenantId: null }]);
  });
});

describe("the database refuses a colliding identity whatever writes it", () => {
  it("fails an insert whose login is another user's phone with a unique violation", async () => {
    const { holder, tenantB } = await twoTenants();
    const write = t.database.db.insert(users).values({
      tenantId: tenantB.id,
      name: "直插",
      login: holder.phone,
      roles: ["school"],
      passwordHash: "x",
    });
    await expect(write).rejects.toMatchObject({ cause: { code: "23505" } });
  });

  it("keeps a user's identities when a change of login fails halfway, so the old ones still sign in", async () => {
    const { holder, tenantB } = await twoTenants();
    const other = await buildUser(t.database.db, { tenantId: tenantB.id, role: "school" });
    const otherPhone = uniqPhone();
    await t.database.db.update(users).set({ phone: otherPhone }).where(eq(users.id, other.id));
    // The trigger first drops the identities being replaced, then claims the new login: another user's phone.
    const write = t.database.db
      .update(users)
      .set({ login: otherPhone, phone: uniqPhone() })
      .where(eq(users.id, holder.id));
    await expect(write).rejects.toMatchObject({ cause: { code: "23505" } });
    expect((await login(holder.login, TEST_PASSWORD)).json()).toMatchObject({ id: holder.id });
    expect((await login(holder.phone, TEST_PASSWORD)).json()).toMatchObject({ id: holder.id });
  });
});
