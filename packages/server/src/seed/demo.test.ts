import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLogs, tenants, units, users } from "../db/schema.js";
import { createTestApp, type TestApp } from "../test/test-app.js";
import { DEMO_PASSWORD, seedDemo } from "./demo.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("seedDemo", () => {
  it("creates the two nested bureaus, departments, schools of every type and one user per role, once", async () => {
    const first = await seedDemo(t.database.db, t.config, { demo: true });
    const second = await seedDemo(t.database.db, t.config, { demo: true });
    // The suite may share one PostgreSQL database with an earlier run, so only a fresh database creates anything.
    if (first.created)
      expect(first.users.map((u) => u.login).sort()).toEqual([
        "admin",
        "dlducha",
        "dljuzhang",
        "ducha",
        "duxue",
        "juzhang",
        "xicheng",
        "xueqian",
      ]);
    expect(second).toEqual({ created: false, users: [] });
    const [county] = await t.database.db.select().from(tenants).where(eq(tenants.code, "wafangdian"));
    const [city] = await t.database.db.select().from(tenants).where(eq(tenants.code, "dalian"));
    expect(county!.parentId).toBe(city!.id);
    const rows = await t.database.db.select().from(units).where(eq(units.tenantId, county!.id));
    expect(rows.filter((u) => u.kind === "department")).toHaveLength(12);
    expect(new Set(rows.filter((u) => u.kind === "school").map((u) => u.schoolType)).size).toBe(9);
    for (const name of [
      "西城幼儿园",
      "复兴学校",
      "高级中学",
      "实验高中",
      "第四高级中学",
      "职教中心",
      "特殊教育学校",
    ])
      expect(
        rows.some((u) => u.name.includes(name)),
        name,
      ).toBe(true);
  });

  it("signs the demo admin in with the demo password and no forced change", async () => {
    await seedDemo(t.database.db, t.config, { demo: true });
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { login: "xueqian", password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      mustChangePassword: false,
      unit: { name: "学前教育科" },
      roles: ["department"],
    });
    const [row] = await t.database.db
      .select()
      .from(users)
      .where(eq(sql`lower(${users.login})`, "xueqian"));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe("audit log", () => {
  it("refuses UPDATE and DELETE even from the database owner", async () => {
    await seedDemo(t.database.db, t.config, { demo: true });
    const refusal = (err: unknown) => String((err as { cause?: unknown }).cause ?? err);
    expect(
      refusal(
        await t.database.db
          .update(auditLogs)
          .set({ action: "tampered" })
          .catch((e) => e),
      ),
    ).toMatch(/append-only/);
    expect(refusal(await t.database.db.delete(auditLogs).catch((e) => e))).toMatch(/append-only/);
  });
});

describe("API documentation", () => {
  it("serves the OpenAPI document and the browsable docs without a session", async () => {
    const spec = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(spec.statusCode).toBe(200);
    expect(Object.keys(spec.json().paths)).toEqual(
      expect.arrayContaining(["/api/auth/login", "/api/units", "/api/plans/{id}"]),
    );
    const docs = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-type"]).toContain("text/html");
  });
});
