import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "../db/client.js";
import { channelSettings, deliveries } from "../db/schema.js";
import { buildTenant } from "../test/factories.js";
import { startRobotPeer, startSmtpPeer } from "../test/loopback-peers.js";
import { openTestDatabase } from "../test/test-app.js";
import { robotTarget } from "./channel-config.js";
import { drainDeliveries, LEASE_MS, MAX_ATTEMPTS, ROBOT_PER_MINUTE } from "./delivery-worker.js";
import { enqueueMessage } from "./enqueue.js";
import { createSecretBox } from "./secret-box.js";

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});
afterAll(async () => database.close());

const secrets = createSecretBox(randomBytes(32));
/** 10:00 on a Monday in Shanghai: outside the robots' quiet hours. */
const day = new Date("2026-06-08T10:00:00+08:00");
/** 10:00 Shanghai on a day after any lease granted now has lapsed (leases run from the wall clock). */
const afterLeases = () =>
  new Date(Math.ceil((Date.now() + LEASE_MS) / 86_400_000) * 86_400_000 + 2 * 3_600_000);
const message = { title: "催办提醒", text: "五月份进展反馈今日到期。" };

async function robotTenant(webhook: string) {
  const tenant = await buildTenant(db);
  await db.insert(channelSettings).values({ tenantId: tenant.id, kind: "wecom", config: { webhook } });
  await db.transaction((tx) =>
    enqueueMessage(tx, { tenantId: tenant.id, unitId: null, emails: [], message, now: day }),
  );
  return tenant;
}
const rowsOf = (tenantId: string) => db.select().from(deliveries).where(eq(deliveries.tenantId, tenantId));
const drain = (tenantId: string, now = day) => drainDeliveries({ database, secrets }, { now, tenantId });

describe("delivery leases", () => {
  it("leaves the database free while a slow robot answers", async () => {
    const peer = await startRobotPeer([], { delayMs: 700 });
    const tenant = await robotTenant(peer.url("/cgi-bin/webhook/send?key=slow"));
    const arrived = peer.nextRequest();
    const draining = drain(tenant.id);
    await arrived;
    // With PGlite's single connection, this query would wait for any open transaction to end.
    const [during] = await rowsOf(tenant.id);
    expect(peer.answered()).toBe(0);
    expect(during).toMatchObject({ status: "sending", attempts: 1 });
    expect(during!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(Date.now() + LEASE_MS - 5000);
    expect(await draining).toMatchObject({ sent: 1 });
    expect(await rowsOf(tenant.id)).toMatchObject([{ status: "sent", attempts: 1, lastError: null }]);
    await peer.close();
  });

  it("does not send a message another worker is sending", async () => {
    const peer = await startRobotPeer([], { delayMs: 300 });
    const tenant = await robotTenant(peer.url("/cgi-bin/webhook/send?key=held"));
    const arrived = peer.nextRequest();
    const first = drain(tenant.id);
    await arrived;
    expect(await drain(tenant.id)).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 0 });
    expect(await first).toMatchObject({ sent: 1 });
    expect(peer.requests).toHaveLength(1);
    await peer.close();
  });

  it("takes over a message whose worker died mid-send once the lease lapses", async () => {
    const peer = await startRobotPeer();
    const tenant = await robotTenant(peer.url("/cgi-bin/webhook/send?key=orphan"));
    // What a worker that died after claiming leaves behind.
    const leaseEnd = new Date(day.getTime() + LEASE_MS);
    await db
      .update(deliveries)
      .set({ status: "sending", attempts: 1, nextAttemptAt: leaseEnd })
      .where(eq(deliveries.tenantId, tenant.id));
    expect((await drain(tenant.id, new Date(leaseEnd.getTime() - 1000))).sent).toBe(0);
    expect(peer.requests).toHaveLength(0);
    expect((await drain(tenant.id, leaseEnd)).sent).toBe(1);
    expect(await rowsOf(tenant.id)).toMatchObject([{ status: "sent", attempts: 2 }]);
    await peer.close();
  });

  it(`fails a message whose worker died during attempt ${MAX_ATTEMPTS} instead of sending it again`, async () => {
    const peer = await startRobotPeer();
    const tenant = await robotTenant(peer.url("/cgi-bin/webhook/send?key=last"));
    await db
      .update(deliveries)
      .set({ status: "sending", attempts: MAX_ATTEMPTS, nextAttemptAt: day })
      .where(eq(deliveries.tenantId, tenant.id));
    expect(await drain(tenant.id)).toMatchObject({ failed: 1 });
    const [row] = await rowsOf(tenant.id);
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(row!.lastError).toContain("中断");
    expect(peer.requests).toHaveLength(0);
    await peer.close();
  });

  it("ignores the late outcome of a worker that outlived its lease", async () => {
    const peer = await startRobotPeer([500], { delayMs: 400 });
    const tenant = await robotTenant(peer.url("/cgi-bin/webhook/send?key=late"));
    const arrived = peer.nextRequest();
    const slow = drain(tenant.id);
    await arrived;
    // Another worker, after the lease has lapsed, claims and sends it again (the robot now accepts).
    expect(await drain(tenant.id, afterLeases())).toMatchObject({ sent: 1 });
    // The first worker's failure arrives last and must not undo that.
    expect(await slow).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 0 });
    expect(await rowsOf(tenant.id)).toMatchObject([{ status: "sent", attempts: 2, lastError: null }]);
    await peer.close();
  });

  it("counts messages in flight to a robot against its 20 a minute", async () => {
    const peer = await startRobotPeer();
    const webhook = peer.url("/cgi-bin/webhook/send?key=inflight");
    const tenant = await robotTenant(webhook);
    const [queued] = await rowsOf(tenant.id);
    const lease = new Date(Date.now() + LEASE_MS);
    await db.insert(deliveries).values(
      Array.from({ length: ROBOT_PER_MINUTE }, () => ({
        tenantId: tenant.id,
        settingId: queued!.settingId,
        channel: "wecom",
        target: robotTarget(webhook),
        payload: message,
        status: "sending",
        attempts: 1,
        nextAttemptAt: lease,
      })),
    );
    expect(await drain(tenant.id)).toMatchObject({ sent: 0, deferred: 1 });
    expect(peer.requests).toHaveLength(0);
    await peer.close();
  });

  it("records an untrusted mail server certificate as the reason and sends once it is allowed", async () => {
    const smtp = await startSmtpPeer({ tls: "implicit" });
    const tenant = await buildTenant(db);
    const config = { host: "127.0.0.1", port: smtp.port, tls: "tls", from: "duban@edu.example" };
    const [setting] = await db
      .insert(channelSettings)
      .values({
        tenantId: tenant.id,
        kind: "email",
        config: { ...config, user: "duban", pass: secrets.seal("秘密") },
      })
      .returning();
    await db.transaction((tx) =>
      enqueueMessage(tx, {
        tenantId: tenant.id,
        unitId: null,
        emails: ["tls@school.example"],
        message,
        now: day,
      }),
    );
    expect(await drain(tenant.id)).toMatchObject({ retried: 1 });
    const [row] = await rowsOf(tenant.id);
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(row!.lastError).toMatch(/证书未通过验证.*允许自签名证书/);
    await db
      .update(channelSettings)
      .set({ config: { ...(setting!.config as object), allowSelfSigned: true } })
      .where(eq(channelSettings.id, setting!.id));
    expect(await drain(tenant.id, new Date(day.getTime() + 60_000))).toMatchObject({ sent: 1 });
    // The sealed password was opened for the server, and only for it.
    expect(smtp.mails.at(-1)).toMatchObject({ secure: true, auth: "PLAIN duban:秘密" });
    await smtp.close();
  });
});
