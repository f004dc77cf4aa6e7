import { createHmac } from "node:crypto";
import type { ChannelKind } from "@duban/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "../db/client.js";
import { channelSettings, deliveries } from "../db/schema.js";
import { buildTenant, buildUnit } from "../test/factories.js";
import { startRobotPeer, startSmtpPeer } from "../test/loopback-peers.js";
import { openTestDatabase } from "../test/test-app.js";
import { drainDeliveries, MAX_ATTEMPTS } from "./delivery-worker.js";
import { enqueueMessage } from "./enqueue.js";

let database: Database;
let db: Db;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  smtp = await startSmtpPeer();
});
afterAll(async () => {
  await smtp.close();
  await database.close();
});

/** 10:00 on a Monday in Shanghai: outside quiet hours whenever the suite runs. */
const day = new Date("2026-06-08T10:00:00+08:00");
const later = (ms: number) => new Date(day.getTime() + ms);
const message = { title: "催办提醒：请及时填报", text: "**第一幼儿园**：五月份进展反馈今日到期。" };

async function tenantWith(kind: ChannelKind, config: Record<string, unknown>, unitId: string | null = null) {
  const tenant = await buildTenant(db);
  await db.insert(channelSettings).values({ tenantId: tenant.id, unitId, kind, config });
  return tenant;
}

const rowsOf = (tenantId: string) => db.select().from(deliveries).where(eq(deliveries.tenantId, tenantId));
const enqueue = (tenantId: string, now = day, emails: string[] = []) =>
  db.transaction((tx) => enqueueMessage(tx, { tenantId, unitId: null, emails, message, now }));

describe("delivery queue", () => {
  it("emails each recipient through the loopback SMTP server and logs the delivery as sent", async () => {
    const tenant = await tenantWith("email", {
      host: "127.0.0.1",
      port: smtp.port,
      tls: "none",
      from: "duban@edu.example",
    });
    await enqueue(tenant.id, day, ["a@school.example", "b@school.example"]);
    const counts = await drainDeliveries({ database }, { now: day, tenantId: tenant.id });
    expect(counts.sent).toBe(2);
    const got = smtp.mails.filter((m) => m.to[0]?.endsWith("@school.example")).map((m) => m.to[0]);
    expect(got).toEqual(expect.arrayContaining(["a@school.example", "b@school.example"]));
    const rows = await rowsOf(tenant.id);
    expect(rows.map((r) => [r.status, r.attempts, r.sentAt?.getTime()])).toEqual([
      ["sent", 1, day.getTime()],
      ["sent", 1, day.getTime()],
    ]);
  });

  it("posts a WeCom markdown message", async () => {
    const peer = await startRobotPeer();
    const tenant = await tenantWith("wecom", { webhook: peer.url("/cgi-bin/webhook/send?key=k1") });
    await enqueue(tenant.id);
    await drainDeliveries({ database }, { now: day, tenantId: tenant.id });
    expect(peer.requests).toHaveLength(1);
    expect(peer.requests[0]!.url.searchParams.get("key")).toBe("k1");
    expect(peer.requests[0]!.body).toEqual({
      msgtype: "markdown",
      markdown: { content: expect.stringContaining(message.title) },
    });
    await peer.close();
  });

  it("signs DingTalk messages with HmacSHA256 of timestamp and secret", async () => {
    const peer = await startRobotPeer();
    const secret = "SEC0123456789abcdef";
    const tenant = await tenantWith("dingtalk", { webhook: peer.url("/robot/send?access_token=t1"), secret });
    await enqueue(tenant.id);
    await drainDeliveries({ database }, { now: day, tenantId: tenant.id });
    const { url, body } = peer.requests[0]!;
    const timestamp = url.searchParams.get("timestamp")!;
    expect(timestamp).toBe(String(day.getTime()));
    // searchParams has already undone the URL encoding; the peer recomputes the signature independently.
    const expected = createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
    expect(url.searchParams.get("sign")).toBe(expected);
    expect(url.search).toContain(`sign=${encodeURIComponent(expected)}`);
    expect(url.searchParams.get("access_token")).toBe("t1");
    expect(body).toEqual({
      msgtype: "markdown",
      markdown: { title: message.title, text: expect.stringContaining(message.text) },
    });
    await peer.close();
  });

  it("sends at most 20 messages a minute to one robot and keeps the 21st queued", async () => {
    const peer = await startRobotPeer();
    const tenant = await tenantWith("wecom", { webhook: peer.url("/cgi-bin/webhook/send?key=busy") });
    for (let i = 0; i < 21; i++) await enqueue(tenant.id);
    const first = await drainDeliveries({ database }, { now: day, tenantId: tenant.id });
    expect(first).toMatchObject({ sent: 20, deferred: 1 });
    expect(peer.requests).toHaveLength(20);
    const waiting = (await rowsOf(tenant.id)).filter((r) => r.status === "queued");
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.attempts).toBe(0);
    expect(waiting[0]!.nextAttemptAt.getTime()).toBe(day.getTime() + 60_000);
    expect((await drainDeliveries({ database }, { now: later(30_000), tenantId: tenant.id })).sent).toBe(0);
    expect((await drainDeliveries({ database }, { now: later(60_000), tenantId: tenant.id })).sent).toBe(1);
    expect(peer.requests).toHaveLength(21);
    await peer.close();
  });

  it("retries a failing robot with backoff and logs the reason", async () => {
    const peer = await startRobotPeer([500]);
    const tenant = await tenantWith("wecom", { webhook: peer.url("/cgi-bin/webhook/send?key=flaky") });
    await enqueue(tenant.id);
    expect((await drainDeliveries({ database }, { now: day, tenantId: tenant.id })).retried).toBe(1);
    let [row] = await rowsOf(tenant.id);
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(row!.lastError).toContain("HTTP 500");
    expect(row!.nextAttemptAt.getTime()).toBe(day.getTime() + 60_000);
    expect((await drainDeliveries({ database }, { now: later(59_000), tenantId: tenant.id })).sent).toBe(0);
    expect((await drainDeliveries({ database }, { now: later(60_000), tenantId: tenant.id })).sent).toBe(1);
    [row] = await rowsOf(tenant.id);
    expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(peer.requests).toHaveLength(2);
    await peer.close();
  });

  it(`marks a delivery failed after ${MAX_ATTEMPTS} attempts`, async () => {
    const peer = await startRobotPeer([500, 500, 500, 500, 500]);
    const tenant = await tenantWith("wecom", { webhook: peer.url("/cgi-bin/webhook/send?key=down") });
    await enqueue(tenant.id);
    let now = day;
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await drainDeliveries({ database }, { now, tenantId: tenant.id });
      now = new Date(now.getTime() + 2 * 3_600_000);
    }
    const [row] = await rowsOf(tenant.id);
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(peer.requests).toHaveLength(MAX_ATTEMPTS);
    await peer.close();
  });

  it("holds robot messages queued at night until 07:00 but sends email at once", async () => {
    const peer = await startRobotPeer();
    const tenant = await tenantWith("wecom", { webhook: peer.url("/cgi-bin/webhook/send?key=night") });
    await db.insert(channelSettings).values({
      tenantId: tenant.id,
      kind: "email",
      config: { host: "127.0.0.1", port: smtp.port, tls: "none", from: "duban@edu.example" },
    });
    const night = new Date("2026-06-08T23:30:00+08:00");
    await enqueue(tenant.id, night, ["night@school.example"]);
    expect(await drainDeliveries({ database }, { now: night, tenantId: tenant.id })).toMatchObject({
      sent: 1,
    });
    expect(peer.requests).toHaveLength(0);
    const robot = (await rowsOf(tenant.id)).find((r) => r.channel === "wecom")!;
    expect(robot.nextAttemptAt.toISOString()).toBe("2026-06-08T23:00:00.000Z");
    await drainDeliveries({ database }, { now: new Date("2026-06-09T07:00:00+08:00"), tenantId: tenant.id });
    expect(peer.requests).toHaveLength(1);
    await peer.close();
  });

  it("prefers a unit's own robot over the tenant's", async () => {
    const peer = await startRobotPeer();
    const tenant = await tenantWith("wecom", { webhook: peer.url("/tenant") });
    const unit = await buildUnit(db, tenant.id);
    await db.insert(channelSettings).values({
      tenantId: tenant.id,
      unitId: unit.id,
      kind: "wecom",
      config: { webhook: peer.url("/unit") },
    });
    await db.transaction((tx) =>
      enqueueMessage(tx, { tenantId: tenant.id, unitId: unit.id, emails: [], message, now: day }),
    );
    await enqueue(tenant.id);
    const rows = await db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.tenantId, tenant.id)));
    expect(rows.map((r) => new URL(r.target).pathname).sort()).toEqual(["/tenant", "/unit"]);
    await peer.close();
  });
});
