import fs from "node:fs";
import path from "node:path";
import type { ChannelKind } from "@duban/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { channelSettings, deliveries } from "../../db/schema.js";
import { drainDeliveries } from "../../notify/delivery-worker.js";
import { enqueueMessage } from "../../notify/enqueue.js";
import { KEY_FILE_NAME, secretBoxFor } from "../../notify/secret-box.js";
import { buildTenant, buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { startSmtpPeer } from "../../test/loopback-peers.js";
import { signIn } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { saveChannel } from "./channels.repository.js";

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(async () => t?.close());

async function bureau() {
  const tenant = await buildTenant(db);
  const admin = await buildUser(db, { tenantId: tenant.id, role: "admin" });
  return { tenant, admin: await signIn(t.app, admin.login, TEST_PASSWORD) };
}
const storedOf = async (tenantId: string, kind: ChannelKind) =>
  (
    await db
      .select()
      .from(channelSettings)
      .where(and(eq(channelSettings.tenantId, tenantId), eq(channelSettings.kind, kind)))
  )[0];
const dingtalk = {
  webhook: "https://oapi.dingtalk.com/robot/send?access_token=TOKEN0123456789abcd",
  secret: "SECxyz0123456789",
};
const message = { title: "催办提醒", text: "请及时填报" };

describe("channel secrets at rest", () => {
  it("seals the SMTP password in the database and still logs in to the mail server with it", async () => {
    const smtp = await startSmtpPeer();
    const b = await bureau();
    const config = {
      host: "127.0.0.1",
      port: smtp.port,
      tls: "none",
      user: "duban",
      pass: "pa55-秘密",
      from: "a@b.cd",
    };
    expect((await b.admin.put("/api/channels", { kind: "email", config })).statusCode).toBe(200);
    const row = await storedOf(b.tenant.id, "email");
    expect(JSON.stringify(row)).not.toContain("pa55");
    expect((row!.config as { pass: string }).pass).toMatch(/^enc:v1:/);
    // No DUBAN_SECRET_KEY in tests: the key file appeared in the data directory, for its owner only.
    expect(fs.statSync(path.join(t.config.dataDir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    await db.transaction((tx) =>
      enqueueMessage(tx, {
        tenantId: b.tenant.id,
        unitId: null,
        emails: ["x@school.example"],
        message,
        now: new Date(),
      }),
    );
    const secrets = secretBoxFor(t.config);
    expect(
      await drainDeliveries({ database: t.database, secrets }, { now: new Date(), tenantId: b.tenant.id }),
    ).toMatchObject({
      sent: 1,
    });
    expect(smtp.mails.at(-1)!.auth).toBe("PLAIN duban:pa55-秘密");
    await smtp.close();
  });

  it("seals a robot's webhook and 加签 secret, shows only a hint, and queues no token", async () => {
    const b = await bureau();
    const saved = await b.admin.put("/api/channels", { kind: "dingtalk", config: dingtalk });
    expect(saved.json()).toMatchObject({
      hasSecret: true,
      config: {},
      webhookHint: "https://oapi.dingtalk.com/robot/send?…abcd",
    });
    expect(JSON.stringify(saved.json())).not.toMatch(/TOKEN0123|SECxyz/);
    const row = await storedOf(b.tenant.id, "dingtalk");
    expect(JSON.stringify(row)).not.toMatch(/TOKEN0123|SECxyz/);
    await db.transaction((tx) =>
      enqueueMessage(tx, { tenantId: b.tenant.id, unitId: null, emails: [], message, now: new Date() }),
    );
    const [queued] = await db.select().from(deliveries).where(eq(deliveries.tenantId, b.tenant.id));
    expect(queued!.target).toMatch(/^https:\/\/oapi\.dingtalk\.com\/robot\/send#[0-9a-f]{16}$/);
  });

  it("keeps a stored webhook when the form leaves it out, and asks for one on a first save", async () => {
    const b = await bureau();
    const first = await b.admin.put("/api/channels", { kind: "wecom", config: {} });
    expect(first.statusCode).toBe(400);
    expect(first.json().error.details).toEqual([{ path: "config.webhook", message: "请填写 Webhook 地址" }]);
    const webhook = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEEPME9876";
    await b.admin.put("/api/channels", { kind: "wecom", config: { webhook } });
    const before = await storedOf(b.tenant.id, "wecom");
    const again = await b.admin.put("/api/channels", { kind: "wecom", enabled: false, config: {} });
    expect(again.json()).toMatchObject({ enabled: false, webhookHint: expect.stringContaining("…9876") });
    const after = await storedOf(b.tenant.id, "wecom");
    expect(secretBoxFor(t.config).open((after!.config as { webhook: string }).webhook)).toBe(webhook);
    expect((after!.config as { target: string }).target).toBe((before!.config as { target: string }).target);
  });

  it("reads settings stored in plain JSON before encryption, and seals them on the next save", async () => {
    const b = await bureau();
    await db.insert(channelSettings).values({ tenantId: b.tenant.id, kind: "dingtalk", config: dingtalk });
    const listed = (await b.admin.get("/api/channels")).json().items;
    expect(listed).toMatchObject([
      { hasSecret: true, webhookHint: "https://oapi.dingtalk.com/robot/send?…abcd" },
    ]);
    expect((await b.admin.put("/api/channels", { kind: "dingtalk", config: {} })).statusCode).toBe(200);
    const row = await storedOf(b.tenant.id, "dingtalk");
    expect(JSON.stringify(row)).not.toMatch(/TOKEN0123|SECxyz/);
    const box = secretBoxFor(t.config);
    const stored = row!.config as typeof dingtalk;
    expect([box.open(stored.webhook), box.open(stored.secret)]).toEqual([dingtalk.webhook, dingtalk.secret]);
  });
});

describe("saving one channel twice at once", () => {
  const robot = (key: string) => ({
    kind: "wecom",
    updatedAt: null,
    config: { webhook: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}` },
  });

  it("lets the first of two first saves win and answers the other 409 in Chinese", async () => {
    const b = await bureau();
    const other = await signIn(
      t.app,
      (await buildUser(db, { tenantId: b.tenant.id, role: "admin" })).login,
      TEST_PASSWORD,
    );
    const results = await Promise.all([
      b.admin.put("/api/channels", robot("A")),
      other.put("/api/channels", robot("B")),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refused = results.find((r) => r.statusCode === 409)!.json().error;
    expect(refused).toMatchObject({ code: "stale_version", message: expect.stringContaining("其他管理员") });
    expect(
      await db.select().from(channelSettings).where(eq(channelSettings.tenantId, b.tenant.id)),
    ).toHaveLength(1);
  });

  it("refuses a form filled before someone else's save, and takes one filled after it", async () => {
    const b = await bureau();
    const first = (await b.admin.put("/api/channels", robot("A"))).json();
    await new Promise((r) => setTimeout(r, 5));
    const second = await b.admin.put("/api/channels", { ...robot("B"), updatedAt: first.updatedAt });
    expect(second.statusCode).toBe(200);
    expect(
      (await b.admin.put("/api/channels", { ...robot("C"), updatedAt: first.updatedAt })).statusCode,
    ).toBe(409);
    expect((await b.admin.put("/api/channels", { ...robot("C"), updatedAt: null })).statusCode).toBe(409);
  });

  it("never answers 500 to saves that do not say what they read", async () => {
    const b = await bureau();
    const { updatedAt: _u, ...blind } = robot("A");
    const results = await Promise.all([1, 2, 3].map(() => b.admin.put("/api/channels", blind)));
    for (const r of results) expect([200, 409]).toContain(r.statusCode);
  });

  it("turns the unique-index race of two first inserts into a 409 (PostgreSQL lets both find nothing)", async () => {
    const tenant = await buildTenant(db);
    const values = { tenantId: tenant.id, unitId: null, kind: "email" as const, enabled: true, config: {} };
    await saveChannel(db, null, values);
    await expect(saveChannel(db, null, values)).rejects.toMatchObject({ code: "stale_version", status: 409 });
  });
});
