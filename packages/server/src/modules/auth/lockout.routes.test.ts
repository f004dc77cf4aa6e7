import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { users } from "../../db/schema.js";
import { buildTenant, buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { signIn } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { verifyPassword } from "./passwords.js";

// Count every password check while keeping the real argon2id behaviour.
vi.mock("./passwords.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("./passwords.js")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
beforeEach(() => vi.mocked(verifyPassword).mockClear());

const login = (name: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload: { login: name, password } });

/** How many times the stored hash of this user was checked against a password. */
async function checksOf(userId: string): Promise<number> {
  const [row] = await t.database.db.select().from(users).where(eq(users.id, userId));
  return vi.mocked(verifyPassword).mock.calls.filter(([hash]) => hash === row!.passwordHash).length;
}

describe("lockout under simultaneous sign-ins", () => {
  it("checks at most five passwords when 19 wrong ones and the right one arrive at once", async () => {
    const tenant = await buildTenant(t.database.db);
    const user = await buildUser(t.database.db, { tenantId: tenant.id });
    const attempts = [
      ...Array.from({ length: 19 }, (_, i) => login(user.login, `Bad@pass${i}`)),
      login(user.login, TEST_PASSWORD),
    ];
    const codes = (await Promise.all(attempts)).map((r) => r.statusCode);
    expect(await checksOf(user.id)).toBe(5);
    // Four wrong guesses answer 401, the fifth locks (423); the other fifteen are refused unchecked.
    expect([...codes].sort()).toEqual([...Array(4).fill(401), ...Array(16).fill(423)]);
    expect(codes[19]).toBe(423);
    const after = await login(user.login, TEST_PASSWORD);
    expect(after.statusCode).toBe(423);
    expect(after.json().error.code).toBe("account_locked");
    expect(await checksOf(user.id)).toBe(5);
  });

  it("lets the right password in when it takes one of the first five slots, and clears the count", async () => {
    const tenant = await buildTenant(t.database.db);
    const user = await buildUser(t.database.db, { tenantId: tenant.id });
    const codes = (
      await Promise.all([
        login(user.login, "Bad@pass1"),
        login(user.login, "Bad@pass2"),
        login(user.login, TEST_PASSWORD),
      ])
    ).map((r) => r.statusCode);
    expect(codes).toEqual([401, 401, 200]);
    // The success forgot both failures: four more wrong guesses still do not lock.
    for (let i = 0; i < 4; i++) expect((await login(user.login, `Bad@x${i}`)).statusCode).toBe(401);
    expect((await login(user.login, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe("POST /api/auth/change-password: guesses of the current password", () => {
  it("locks the account after five wrong current passwords, for change-password and sign-in alike", async () => {
    const tenant = await buildTenant(t.database.db);
    const user = await buildUser(t.database.db, { tenantId: tenant.id });
    const session = await signIn(t.app, user.login, TEST_PASSWORD);
    vi.mocked(verifyPassword).mockClear();
    const change = (currentPassword: string) =>
      session.post("/api/auth/change-password", { currentPassword, newPassword: "New#Pass2024" });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await change(`Nope@1234${i}`));
    expect(answers.map((r) => r.statusCode)).toEqual([400, 400, 400, 400, 423]);
    expect(answers[0]!.json().error.details).toEqual([
      { path: "currentPassword", message: "当前密码不正确" },
    ]);
    expect(answers[4]!.json().error.code).toBe("account_locked");
    const right = await change(TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe("account_locked");
    expect(await checksOf(user.id)).toBe(5);
    expect((await login(user.login, TEST_PASSWORD)).statusCode).toBe(423);
    const log = (await session.get("/api/audit-logs?action=auth.change_password_failed")).json();
    expect(log.total).toBe(5);
  });

  it("answers 423 to simultaneous guesses beyond the fifth without checking them", async () => {
    const tenant = await buildTenant(t.database.db);
    const user = await buildUser(t.database.db, { tenantId: tenant.id });
    const session = await signIn(t.app, user.login, TEST_PASSWORD);
    vi.mocked(verifyPassword).mockClear();
    const codes = (
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          session.post("/api/auth/change-password", {
            currentPassword: `Nope@1234${i}`,
            newPassword: "New#Pass2024",
          }),
        ),
      )
    ).map((r) => r.statusCode);
    expect([...codes].sort()).toEqual([...Array(4).fill(400), ...Array(8).fill(423)]);
    expect(await checksOf(user.id)).toBe(5);
  });

  it("forgets earlier wrong guesses once the right current password is given", async () => {
    const tenant = await buildTenant(t.database.db);
    const user = await buildUser(t.database.db, { tenantId: tenant.id });
    const session = await signIn(t.app, user.login, TEST_PASSWORD);
    for (let i = 0; i < 4; i++)
      await session.post("/api/auth/change-password", {
        currentPassword: `Nope@${i}xx`,
        newPassword: "New#Pass2024",
      });
    const ok = await session.post("/api/auth/change-password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "New#Pass2024",
    });
    expect(ok.statusCode).toBe(204);
    for (let i = 0; i < 4; i++) expect((await login(user.login, `Bad@y${i}`)).statusCode).toBe(401);
    expect((await login(user.login, "New#Pass2024")).statusCode).toBe(200);
  });
});
