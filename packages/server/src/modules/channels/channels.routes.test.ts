import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { deliveries } from "../../db/schema.js";
import { buildTenant, buildUnit, buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { signIn } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(async () => t?.close());

async function bureau() {
  const tenant = await buildTenant(db);
  const unit = await buildUnit(db, tenant.id);
  const [admin, supervisor] = await Promise.all([
    buildUser(db, { tenantId: tenant.id, role: "admin" }),
    buildUser(db, { tenantId: tenant.id, role: "supervisor" }),
  ]);
  return {
    tenant,
    unit,
    admin: await signIn(t.app, admin.login, TEST_PASSWORD),
    supervisor: await signIn(t.app, supervisor.login, TEST_PASSWORD),
  };
}

const smtp = {
  host: "smtp.edu.example",
  port: 465,
  tls: "tls",
  user: "duban",
  pass: "s3cret",
  from: "督办 <duban@edu.example>",
};

describe("/api/channels", () => {
  it("asks for a session", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/channels" })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "PUT", url: "/api/channels", payload: {} })).statusCode).toBe(401);
  });

  it("is for administrators only", async () => {
    const b = await bureau();
    expect((await b.supervisor.get("/api/channels")).statusCode).toBe(403);
    expect((await b.supervisor.put("/api/channels", { kind: "email", config: smtp })).statusCode).toBe(403);
  });

  it("rejects a bad port, a non-http webhook and an unknown kind", async () => {
    const b = await bureau();
    expect(
      (await b.admin.put("/api/channels", { kind: "email", config: { ...smtp, port: 0 } })).statusCode,
    ).toBe(400);
    expect(
      (await b.admin.put("/api/channels", { kind: "wecom", config: { webhook: "ftp://x/y" } })).statusCode,
    ).toBe(400);
    expect((await b.admin.put("/api/channels", { kind: "sms", config: {} })).statusCode).toBe(400);
  });

  it("refuses a unit of another bureau as not found", async () => {
    const b = await bureau();
    const other = await buildUnit(db, (await buildTenant(db)).id);
    const res = await b.admin.put("/api/channels", {
      kind: "wecom",
      unitId: other.id,
      config: { webhook: "https://qyapi.weixin.qq.com/x?key=1" },
    });
    expect(res.statusCode).toBe(404);
  });

  it("saves SMTP and robot settings, never shows the password, and keeps it when the form leaves it out", async () => {
    const b = await bureau();
    const saved = await b.admin.put("/api/channels", { kind: "email", config: smtp });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ kind: "email", unitId: null, enabled: true, hasSecret: true });
    expect(saved.json().config.pass).toBeUndefined();
    const { pass: _pass, ...withoutPass } = smtp;
    const again = await b.admin.put("/api/channels", {
      kind: "email",
      enabled: false,
      config: { ...withoutPass, port: 587, tls: "starttls" },
    });
    expect(again.json()).toMatchObject({
      id: saved.json().id,
      enabled: false,
      hasSecret: true,
      config: { port: 587 },
    });
    const robot = await b.admin.put("/api/channels", {
      kind: "dingtalk",
      unitId: b.unit.id,
      config: { webhook: "https://oapi.dingtalk.com/robot/send?access_token=abc", secret: "SECxyz" },
    });
    expect(robot.statusCode).toBe(200);
    const list = (await b.admin.get("/api/channels")).json().items;
    expect(list).toHaveLength(2);
    expect(JSON.stringify(list)).not.toMatch(/s3cret|SECxyz/);
    // Another bureau sees none of it.
    const stranger = await bureau();
    expect((await stranger.admin.get("/api/channels")).json().items).toEqual([]);
  });
});

describe("GET /api/deliveries", () => {
  it("lists the bureau's deliveries with filters and paging, hiding robot tokens", async () => {
    const b = await bureau();
    const setting = (
      await b.admin.put("/api/channels", {
        kind: "wecom",
        config: { webhook: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRETKEY1234" },
      })
    ).json();
    const base = { tenantId: b.tenant.id, settingId: setting.id, payload: { title: "催办提醒", text: "…" } };
    await db.insert(deliveries).values([
      {
        ...base,
        channel: "wecom",
        target: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRETKEY1234",
        status: "sent",
        attempts: 1,
        sentAt: new Date(),
      },
      {
        ...base,
        channel: "wecom",
        target: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRETKEY1234",
        status: "failed",
        attempts: 5,
        lastError: "HTTP 500",
      },
      {
        ...base,
        channel: "email",
        target: "a@school.example",
        status: "queued",
        attempts: 2,
        lastError: "SMTP 451",
      },
    ]);
    expect((await t.app.inject({ method: "GET", url: "/api/deliveries" })).statusCode).toBe(401);
    expect((await b.supervisor.get("/api/deliveries")).statusCode).toBe(403);
    expect((await b.admin.get("/api/deliveries?status=lost")).statusCode).toBe(400);
    const all = (await b.admin.get("/api/deliveries")).json();
    expect(all.total).toBe(3);
    expect(JSON.stringify(all)).not.toContain("SECRETKEY");
    const failed = (await b.admin.get("/api/deliveries?status=failed")).json();
    expect(failed.items).toEqual([
      expect.objectContaining({
        channel: "wecom",
        status: "failed",
        attempts: 5,
        lastError: "HTTP 500",
        title: "催办提醒",
      }),
    ]);
    expect(failed.items[0].target).toBe("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?…1234");
    expect((await b.admin.get("/api/deliveries?channel=email")).json().items[0].target).toBe(
      "a@school.example",
    );
    const page2 = (await b.admin.get("/api/deliveries?page=2&pageSize=2")).json();
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items).toHaveLength(1);
    expect((await (await bureau()).admin.get("/api/deliveries")).json().total).toBe(0);
  });
});
