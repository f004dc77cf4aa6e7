import type { Role } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildUnit, buildUser, TEST_PASSWORD } from "../../test/factories.js";
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

const school = { name: "西城幼儿园", kind: "school", schoolType: "kindergarten", ownership: "public" };

describe("units: signed out", () => {
  it("answers 401 on every unit endpoint without a session", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    // Valid bodies: the point is the missing session, not the input.
    const calls: [string, string, object?][] = [
      ["GET", "/api/units"],
      ["GET", "/api/units/options"],
      ["GET", "/api/units/townships"],
      ["POST", "/api/units", school],
      ["GET", `/api/units/${id}`],
      ["PUT", `/api/units/${id}`, { ...school, version: 0 }],
      ["PUT", `/api/units/${id}/enabled`, { enabled: false, version: 0 }],
    ];
    for (const [method, url, payload] of calls) {
      const res = await t.app.inject({ method: method as "GET", url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe("unauthenticated");
    }
  });
});

describe("GET /api/units", () => {
  it("lists the tenant's units only, filtered, with collection abilities", async () => {
    const { tenant, session } = await tenantWith("admin");
    const other = await buildTenant(t.database.db);
    await buildUnit(t.database.db, tenant.id, { name: "复兴学校", township: "复州城镇" });
    await buildUnit(t.database.db, tenant.id, { name: "基础教育科", kind: "department" });
    await buildUnit(t.database.db, other.id, { name: "复兴学校" });
    const all = (await session.get("/api/units")).json();
    expect(all.total).toBe(2);
    expect(all.abilities).toEqual({ create: true, import: true });
    const schools = (await session.get("/api/units?kind=school&q=复兴")).json();
    expect(schools.items.map((u: { name: string }) => u.name)).toEqual(["复兴学校"]);
    expect(schools.items[0].abilities).toEqual({ update: true, disable: true, enable: false });
  });

  it("answers 400 naming a bad filter, and 403 to a school user", async () => {
    const { tenant, session } = await tenantWith("admin");
    const bad = await session.get("/api/units?kind=shop&pageSize=500");
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["querystring.kind", "querystring.pageSize"]));
    const schoolUser = await userOf(tenant.id, "school");
    expect((await schoolUser.get("/api/units")).statusCode).toBe(403);
  });

  it("shows a leader the units without the right to change them", async () => {
    const { tenant } = await tenantWith("admin");
    await buildUnit(t.database.db, tenant.id);
    const leader = await userOf(tenant.id, "leader");
    const res = (await leader.get("/api/units")).json();
    expect(res.abilities).toEqual({ create: false, import: false });
    expect(res.items[0].abilities).toEqual({ update: false, disable: false, enable: false });
  });
});

describe("GET /api/units/options and /townships", () => {
  it("offers every signed-in user the enabled units of their tenant", async () => {
    const { tenant } = await tenantWith("admin");
    const open = await buildUnit(t.database.db, tenant.id);
    await buildUnit(t.database.db, tenant.id, { enabled: false });
    const schoolUser = await userOf(tenant.id, "school");
    const res = await schoolUser.get("/api/units/options");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [{ id: open.id, name: open.name, kind: "school", schoolType: "primary" }],
      total: 1,
      page: 1,
      pageSize: 20,
      abilities: {},
    });
  });

  it("lists distinct townships to unit viewers and refuses school users", async () => {
    const { tenant, session } = await tenantWith("supervisor");
    await buildUnit(t.database.db, tenant.id, { township: "李官镇" });
    await buildUnit(t.database.db, tenant.id, { township: "李官镇" });
    await buildUnit(t.database.db, tenant.id, { township: "得利寺镇" });
    expect((await session.get("/api/units/townships")).json()).toEqual({
      items: ["得利寺镇", "李官镇"],
      total: 2,
      page: 1,
      pageSize: 20,
      abilities: {},
    });
    // A page past the first cuts the same sorted list.
    expect((await session.get("/api/units/townships?page=2&pageSize=1")).json()).toEqual({
      items: ["李官镇"],
      total: 2,
      page: 2,
      pageSize: 1,
      abilities: {},
    });
    const schoolUser = await userOf(tenant.id, "school");
    expect((await schoolUser.get("/api/units/townships")).statusCode).toBe(403);
  });
});

describe("POST /api/units", () => {
  it("creates a school and records it in the audit log", async () => {
    const { session } = await tenantWith("admin");
    const res = await session.post("/api/units", { ...school, township: "西长春路街道" });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ ...school, version: 0, enabled: true });
    const log = (await session.get("/api/audit-logs?action=unit.create")).json();
    expect(log.items[0]).toMatchObject({ entity: "unit", entityId: res.json().id });
    expect(log.items[0].summary.after.name).toBe("西城幼儿园");
  });

  it("drops school fields from a department", async () => {
    const { session } = await tenantWith("admin");
    const res = await session.post("/api/units", { name: "办公室", kind: "department", township: "" });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ schoolType: null, ownership: null, township: null });
  });

  it("answers 400 naming the fields a school lacks or that are unknown", async () => {
    const { session } = await tenantWith("admin");
    const res = await session.post("/api/units", { name: "某学校", kind: "school", colour: "red" });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["colour"]));
    const missing = await session.post("/api/units", { name: "某学校", kind: "school" });
    expect(missing.json().error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["schoolType", "ownership"]),
    );
  });

  it("answers 409 naming `name` for a duplicate in the tenant, but allows it in another tenant", async () => {
    const { session } = await tenantWith("admin");
    expect((await session.post("/api/units", school)).statusCode).toBe(201);
    const dup = await session.post("/api/units", school);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: "conflict", details: [{ path: "name" }] });
    const { session: elsewhere } = await tenantWith("admin");
    expect((await elsewhere.post("/api/units", school)).statusCode).toBe(201);
  });

  it("answers 403 to a leader, who may see units but not create them", async () => {
    const { session } = await tenantWith("leader");
    const res = await session.post("/api/units", school);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("forbidden");
  });
});

describe("GET /api/units/:id", () => {
  it("reads a unit of the tenant and answers 404 for another tenant's", async () => {
    const { tenant, session } = await tenantWith("inspector");
    const mine = await buildUnit(t.database.db, tenant.id);
    const theirs = await buildUnit(t.database.db, (await buildTenant(t.database.db)).id);
    expect((await session.get(`/api/units/${mine.id}`)).json()).toMatchObject({
      id: mine.id,
      name: mine.name,
    });
    const res = await session.get(`/api/units/${theirs.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
  });

  it("answers 400 naming `id` for a malformed id", async () => {
    const { session } = await tenantWith("admin");
    const res = await session.get("/api/units/not-a-uuid");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("params.id");
  });
});

describe("PUT /api/units/:id", () => {
  it("updates a unit, bumps its version and audits the change", async () => {
    const { tenant, session } = await tenantWith("admin");
    const unit = await buildUnit(t.database.db, tenant.id, { name: "第一小学" });
    const res = await session.put(`/api/units/${unit.id}`, {
      ...school,
      name: "第一小学（东校区）",
      schoolType: "primary",
      version: 0,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: "第一小学（东校区）", version: 1 });
    const log = (await session.get("/api/audit-logs?action=unit.update")).json();
    expect(log.items[0].summary).toMatchObject({
      before: { name: "第一小学" },
      after: { name: "第一小学（东校区）" },
    });
  });

  it("answers 409 stale_version when the unit changed since it was read", async () => {
    const { tenant, session } = await tenantWith("admin");
    const unit = await buildUnit(t.database.db, tenant.id);
    const body = { ...school, name: unit.name, version: 0 };
    expect((await session.put(`/api/units/${unit.id}`, body)).statusCode).toBe(200);
    const stale = await session.put(`/api/units/${unit.id}`, body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
  });

  it("answers 400, 403 and 404 as the contract says", async () => {
    const { tenant, session } = await tenantWith("admin");
    const unit = await buildUnit(t.database.db, tenant.id);
    const bad = await session.put(`/api/units/${unit.id}`, { ...school, name: "", version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("name");
    const leader = await userOf(tenant.id, "leader");
    expect((await leader.put(`/api/units/${unit.id}`, { ...school, version: 0 })).statusCode).toBe(403);
    const { session: stranger } = await tenantWith("admin");
    expect((await stranger.put(`/api/units/${unit.id}`, { ...school, version: 0 })).statusCode).toBe(404);
  });
});

describe("PUT /api/units/:id/enabled", () => {
  it("disables a unit, which leaves the options, and audits it", async () => {
    const { tenant, session } = await tenantWith("admin");
    const unit = await buildUnit(t.database.db, tenant.id);
    const res = await session.put(`/api/units/${unit.id}/enabled`, { enabled: false, version: 0 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ enabled: false, version: 1 });
    expect(res.json().abilities).toEqual({ update: true, disable: false, enable: true });
    expect((await session.get("/api/units/options")).json().items).toEqual([]);
    const log = (await session.get("/api/audit-logs?action=unit.disable")).json();
    expect(log.items[0]).toMatchObject({ entityId: unit.id, summary: { after: { enabled: false } } });
  });

  it("answers 400, 403, 404 and 409 as the contract says", async () => {
    const { tenant, session } = await tenantWith("admin");
    const unit = await buildUnit(t.database.db, tenant.id);
    const bad = await session.put(`/api/units/${unit.id}/enabled`, { enabled: "no" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["enabled", "version"]),
    );
    const supervisor = await userOf(tenant.id, "supervisor");
    const denied = await supervisor.put(`/api/units/${unit.id}/enabled`, { enabled: false, version: 0 });
    expect(denied.statusCode).toBe(403);
    const { session: stranger } = await tenantWith("admin");
    const hidden = await stranger.put(`/api/units/${unit.id}/enabled`, { enabled: false, version: 0 });
    expect(hidden.statusCode).toBe(404);
    const stale = await session.put(`/api/units/${unit.id}/enabled`, { enabled: false, version: 3 });
    expect(stale.statusCode).toBe(409);
  });
});
