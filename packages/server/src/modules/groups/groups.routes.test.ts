import type { Role } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGroup, buildTenant, buildUnit, buildUser, TEST_PASSWORD } from "../../test/factories.js";
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

/** A small county: two public kindergartens (one disabled), a private one, a junior school, a department. */
async function county(tenantId: string) {
  const db = t.database.db;
  const kg = { schoolType: "kindergarten", ownership: "public", township: "李官镇" } as const;
  return {
    kg1: await buildUnit(db, tenantId, { ...kg, name: "西城幼儿园" }),
    kg2: await buildUnit(db, tenantId, { ...kg, name: "东城幼儿园", township: "得利寺镇" }),
    kgOff: await buildUnit(db, tenantId, { ...kg, name: "停办幼儿园", enabled: false }),
    kgPrivate: await buildUnit(db, tenantId, { ...kg, name: "阳光幼儿园", ownership: "private" }),
    junior: await buildUnit(db, tenantId, { name: "第一初级中学", schoolType: "junior", township: "李官镇" }),
    dept: await buildUnit(db, tenantId, { name: "学前教育科", kind: "department" }),
  };
}

const publicKindergartens = { kind: "school", schoolTypes: ["kindergarten"], ownerships: ["public"] };
const names = (res: { json(): { items: { name: string }[] } }) =>
  res
    .json()
    .items.map((u) => u.name)
    .sort();

describe("groups: signed out", () => {
  it("answers 401 on every group endpoint without a session", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const group = { name: "全部初中", kind: "rule", rule: { schoolTypes: ["junior"] } };
    const calls: [string, string, object?][] = [
      ["GET", "/api/groups"],
      ["POST", "/api/groups", group],
      ["POST", "/api/groups/preview", { rule: {} }],
      ["GET", `/api/groups/${id}`],
      ["PUT", `/api/groups/${id}`, { ...group, version: 0 }],
      ["PUT", `/api/groups/${id}/enabled`, { enabled: false, version: 0 }],
      ["GET", `/api/groups/${id}/members`],
    ];
    for (const [method, url, payload] of calls) {
      const res = await t.app.inject({ method: method as "GET", url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe("GET /api/groups", () => {
  it("lists the tenant's groups with resolved member counts", async () => {
    const { tenant } = await tenantWith("admin");
    const u = await county(tenant.id);
    await buildGroup(t.database.db, tenant.id, { name: "全部公办幼儿园", rule: publicKindergartens });
    await buildGroup(t.database.db, tenant.id, {
      name: "重点校",
      unitIds: [u.kg1.id, u.kgOff.id, u.junior.id],
    });
    await buildGroup(t.database.db, (await buildTenant(t.database.db)).id, { name: "别人的分组" });
    const leader = await userOf(tenant.id, "leader");
    const res = (await leader.get("/api/groups")).json();
    expect(res.total).toBe(2);
    expect(res.abilities).toEqual({ create: false });
    const byName = Object.fromEntries(res.items.map((g: { name: string }) => [g.name, g]));
    expect(byName.全部公办幼儿园).toMatchObject({ kind: "rule", memberCount: 2, unitIds: [] });
    // The disabled kindergarten stays listed but is not a member now.
    expect(byName.重点校).toMatchObject({ kind: "list", memberCount: 2 });
    expect(byName.重点校.unitIds).toHaveLength(3);
    expect((await leader.get("/api/groups?q=重点")).json().total).toBe(1);
  });

  it("answers 400 naming a bad paging value and 403 to a school user", async () => {
    const { tenant, session } = await tenantWith("department");
    const bad = await session.get("/api/groups?page=0");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("querystring.page");
    const school = await userOf(tenant.id, "school");
    expect((await school.get("/api/groups")).statusCode).toBe(403);
  });
});

describe("POST /api/groups", () => {
  it("creates a list group with its members and audits it", async () => {
    const { tenant, session } = await tenantWith("supervisor");
    const u = await county(tenant.id);
    const res = await session.post("/api/groups", {
      name: "城区幼儿园",
      description: "城区公办园",
      kind: "list",
      unitIds: [u.kg1.id, u.kg2.id, u.kg1.id],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: "城区幼儿园",
      kind: "list",
      memberCount: 2,
      rule: null,
      version: 0,
    });
    expect(res.json().unitIds.sort()).toEqual([u.kg1.id, u.kg2.id].sort());
    const admin = await userOf(tenant.id, "admin");
    const log = (await admin.get("/api/audit-logs?action=group.create")).json();
    expect(log.items[0]).toMatchObject({ entity: "group", entityId: res.json().id });
  });

  it("creates a rule group and stores the rule with every list present", async () => {
    const { tenant, session } = await tenantWith("admin");
    await county(tenant.id);
    const res = await session.post("/api/groups", {
      name: "全部公办幼儿园",
      kind: "rule",
      rule: publicKindergartens,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      memberCount: 2,
      rule: { ...publicKindergartens, townships: [] },
    });
  });

  it("refuses another tenant's unit with 400 naming unitIds and stores nothing", async () => {
    const { tenant, session } = await tenantWith("admin");
    const mine = await buildUnit(t.database.db, tenant.id);
    const theirs = await buildUnit(t.database.db, (await buildTenant(t.database.db)).id);
    const res = await session.post("/api/groups", {
      name: "混入",
      kind: "list",
      unitIds: [mine.id, theirs.id],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "validation_failed", details: [{ path: "unitIds" }] });
    expect((await session.get("/api/groups")).json().total).toBe(0);
  });

  it("answers 400 naming the missing members, rule or name", async () => {
    const { session } = await tenantWith("admin");
    const list = await session.post("/api/groups", { name: "空", kind: "list", unitIds: [] });
    expect(list.json().error.details[0].path).toBe("unitIds");
    const rule = await session.post("/api/groups", { name: "空", kind: "rule" });
    expect(rule.json().error.details[0].path).toBe("rule");
    const name = await session.post("/api/groups", { name: " ", kind: "rule", rule: {} });
    expect(name.statusCode).toBe(400);
    expect(name.json().error.details[0].path).toBe("name");
  });

  it("answers 409 naming `name` for a duplicate, and 403 to a department user", async () => {
    const { tenant, session } = await tenantWith("admin");
    const body = { name: "全部初中", kind: "rule", rule: { schoolTypes: ["junior"] } };
    expect((await session.post("/api/groups", body)).statusCode).toBe(201);
    const dup = await session.post("/api/groups", body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: "conflict", details: [{ path: "name" }] });
    const dept = await userOf(tenant.id, "department");
    expect((await dept.post("/api/groups", { ...body, name: "别的" })).statusCode).toBe(403);
  });
});

describe("GET /api/groups/:id", () => {
  it("reads a group of the tenant and answers 404 for another tenant's", async () => {
    const { tenant } = await tenantWith("admin");
    const group = await buildGroup(t.database.db, tenant.id, { rule: {} });
    const dept = await userOf(tenant.id, "department");
    const res = await dept.get(`/api/groups/${group.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().abilities).toEqual({ update: false, disable: false, enable: false });
    const { session: stranger } = await tenantWith("admin");
    expect((await stranger.get(`/api/groups/${group.id}`)).statusCode).toBe(404);
    expect((await stranger.get("/api/groups/xyz")).statusCode).toBe(400);
  });
});

describe("PUT /api/groups/:id", () => {
  it("replaces the members, bumps the version and audits the change", async () => {
    const { tenant, session } = await tenantWith("supervisor");
    const u = await county(tenant.id);
    const group = await buildGroup(t.database.db, tenant.id, { name: "试点校", unitIds: [u.kg1.id] });
    const body = { name: "试点校", kind: "list", unitIds: [u.junior.id, u.kg2.id], version: 0 };
    const res = await session.put(`/api/groups/${group.id}`, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, memberCount: 2 });
    expect(names(await session.get(`/api/groups/${group.id}/members`))).toEqual([
      "东城幼儿园",
      "第一初级中学",
    ]);
    const admin = await userOf(tenant.id, "admin");
    const log = (await admin.get("/api/audit-logs?action=group.update")).json();
    expect(log.items[0].summary.before.unitIds).toEqual([u.kg1.id]);
  });

  it("answers 409 stale_version, 403 to a leader and 404 across tenants", async () => {
    const { tenant, session } = await tenantWith("admin");
    const group = await buildGroup(t.database.db, tenant.id, { rule: {} });
    const body = { name: group.name, kind: "rule", rule: { kind: "school" }, version: 0 };
    expect((await session.put(`/api/groups/${group.id}`, body)).statusCode).toBe(200);
    const stale = await session.put(`/api/groups/${group.id}`, body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
    const leader = await userOf(tenant.id, "leader");
    expect((await leader.put(`/api/groups/${group.id}`, { ...body, version: 1 })).statusCode).toBe(403);
    const { session: stranger } = await tenantWith("admin");
    expect((await stranger.put(`/api/groups/${group.id}`, { ...body, version: 1 })).statusCode).toBe(404);
    const bad = await session.put(`/api/groups/${group.id}`, { ...body, rule: { schoolTypes: ["mall"] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toMatch(/^rule\.schoolTypes/);
  });
});

describe("PUT /api/groups/:id/enabled", () => {
  it("disables a group and audits it", async () => {
    const { tenant, session } = await tenantWith("admin");
    const group = await buildGroup(t.database.db, tenant.id, { rule: {} });
    const res = await session.put(`/api/groups/${group.id}/enabled`, { enabled: false, version: 0 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ enabled: false, version: 1 });
    expect(res.json().abilities).toEqual({ update: true, disable: false, enable: true });
    const log = (await session.get("/api/audit-logs?action=group.disable")).json();
    expect(log.items[0]).toMatchObject({ entityId: group.id });
  });

  it("answers 400, 403, 404 and 409 as the contract says", async () => {
    const { tenant, session } = await tenantWith("supervisor");
    const group = await buildGroup(t.database.db, tenant.id, { rule: {} });
    const url = `/api/groups/${group.id}/enabled`;
    expect((await session.put(url, { enabled: false })).json().error.details[0].path).toBe("version");
    const dept = await userOf(tenant.id, "department");
    expect((await dept.put(url, { enabled: false, version: 0 })).statusCode).toBe(403);
    const { session: stranger } = await tenantWith("supervisor");
    expect((await stranger.put(url, { enabled: false, version: 0 })).statusCode).toBe(404);
    expect((await session.put(url, { enabled: false, version: 9 })).statusCode).toBe(409);
  });
});

describe("GET /api/groups/:id/members", () => {
  it("resolves a rule group to the enabled units matching it now; empty lists mean any", async () => {
    const { tenant } = await tenantWith("admin");
    const u = await county(tenant.id);
    const rule = await buildGroup(t.database.db, tenant.id, {
      rule: { ...publicKindergartens, townships: [] },
    });
    const inTown = await buildGroup(t.database.db, tenant.id, { rule: { townships: ["李官镇"] } });
    const dept = await userOf(tenant.id, "department");
    expect(names(await dept.get(`/api/groups/${rule.id}/members`))).toEqual(["东城幼儿园", "西城幼儿园"]);
    expect(names(await dept.get(`/api/groups/${inTown.id}/members`))).toEqual([
      "第一初级中学",
      "西城幼儿园",
      "阳光幼儿园",
    ]);
    // A unit that joins later is a member at once: rules are evaluated whenever the group is used.
    await buildUnit(t.database.db, tenant.id, { name: "新建幼儿园", schoolType: "kindergarten" });
    expect((await dept.get(`/api/groups/${rule.id}/members`)).json().total).toBe(3);
    expect(u.dept.kind).toBe("department");
  });

  it("answers 404 for another tenant's group", async () => {
    const { tenant } = await tenantWith("admin");
    const group = await buildGroup(t.database.db, tenant.id, { rule: {} });
    const { session: stranger } = await tenantWith("leader");
    expect((await stranger.get(`/api/groups/${group.id}/members`)).statusCode).toBe(404);
  });
});

describe("POST /api/groups/preview", () => {
  it("shows the units a rule would select", async () => {
    const { tenant, session } = await tenantWith("supervisor");
    await county(tenant.id);
    const res = await session.post("/api/groups/preview", { rule: { kind: "department" } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, items: [{ name: "学前教育科", kind: "department" }] });
    const all = await session.post("/api/groups/preview", { rule: {} });
    expect(all.json().total).toBe(5);
  });

  it("answers 400 naming a bad rule field and 403 to a leader", async () => {
    const { tenant, session } = await tenantWith("admin");
    const bad = await session.post("/api/groups/preview", { rule: { ownerships: ["state"] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toMatch(/^rule\.ownerships/);
    const leader = await userOf(tenant.id, "leader");
    expect((await leader.post("/api/groups/preview", { rule: {} })).statusCode).toBe(403);
  });
});
