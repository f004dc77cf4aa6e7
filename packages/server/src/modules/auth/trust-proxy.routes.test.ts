import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLogs } from "../../db/schema.js";
import { loadConfig } from "../../env.js";
import { uniq } from "../../test/factories.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

const trustProxyOf = (value: string) => loadConfig({ TRUST_PROXY: value }).trustProxy;

describe("TRUST_PROXY", () => {
  it("reads off, a hop count, or a list of addresses and ranges", () => {
    expect(trustProxyOf("")).toBe(false);
    expect(trustProxyOf("0")).toBe(false);
    expect(trustProxyOf("false")).toBe(false);
    expect(trustProxyOf("1")).toBe(1);
    expect(trustProxyOf("2")).toBe(2);
    expect(trustProxyOf("127.0.0.1, 10.0.0.0/8")).toEqual(["127.0.0.1", "10.0.0.0/8"]);
    expect(trustProxyOf("::1,fd00::/8,loopback")).toEqual(["::1", "fd00::/8", "loopback"]);
  });

  it("refuses true, telling to list the proxies, and anything that is not an address or range", () => {
    expect(() => trustProxyOf("true")).toThrow(
      "TRUST_PROXY: 不能设为 true（会相信任何人伪造的 X-Forwarded-For）；请列出反向代理的地址，如 127.0.0.1,10.0.0.0/8，或填写代理层数，如 1",
    );
    expect(() => trustProxyOf("10.0.0.0/33")).toThrow("“10.0.0.0/33”不是 IP 地址或网段");
    expect(() => trustProxyOf("127.0.0.1,proxy.local")).toThrow("“proxy.local”不是 IP 地址或网段");
    expect(() => trustProxyOf("33")).toThrow("代理层数应在 1 到 32 之间");
  });
});

/** Sends one failed sign-in (an unknown login) from a peer, with an X-Forwarded-For header. */
function attempt(t: TestApp, from: string, forwardedFor: string) {
  const login = `ghost-${uniq()}`;
  return t.app
    .inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress: from,
      headers: { "x-forwarded-for": forwardedFor },
      payload: { login, password: "Wrong@12345" },
    })
    .then((res) => ({ login, status: res.statusCode }));
}

/** The address the audit log recorded for a failed sign-in of this login. */
async function auditedIp(t: TestApp, login: string): Promise<string | null> {
  const rows = await t.database.db
    .select({ ip: auditLogs.ip })
    .from(auditLogs)
    .where(and(eq(auditLogs.action, "auth.login_failed"), sql`${auditLogs.summary}->>'login' = ${login}`));
  expect(rows).toHaveLength(1);
  return rows[0]!.ip;
}

describe("behind proxies listed by address", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ trustProxy: trustProxyOf("10.0.0.0/8"), loginRateLimitPerMinute: 3 });
  });
  afterAll(async () => t?.close());

  it("ignores X-Forwarded-For from a peer that is not a listed proxy, for rate limit and audit log", async () => {
    const results = [];
    for (let i = 1; i <= 4; i++) results.push(await attempt(t, "203.0.113.9", `198.51.100.${i}`));
    expect(results.map((r) => r.status)).toEqual([401, 401, 401, 429]);
    for (const r of results.slice(0, 3)) expect(await auditedIp(t, r.login)).toBe("203.0.113.9");
  });

  it("takes the client address from a listed proxy, each client with its own rate limit", async () => {
    const results = [];
    for (let i = 11; i <= 14; i++) results.push(await attempt(t, "10.1.2.3", `198.51.100.${i}`));
    expect(results.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    for (const [i, r] of results.entries()) expect(await auditedIp(t, r.login)).toBe(`198.51.100.${11 + i}`);
  });

  it("stops at the first address the proxy did not vouch for, so a client cannot prepend a forged one", async () => {
    const r = await attempt(t, "10.1.2.3", "6.6.6.6, 198.51.100.21");
    expect(r.status).toBe(401);
    expect(await auditedIp(t, r.login)).toBe("198.51.100.21");
  });
});

describe("behind one proxy given as a hop count (the old TRUST_PROXY=1)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ trustProxy: trustProxyOf("1") });
  });
  afterAll(async () => t?.close());

  it("takes the address the nearest proxy appended, not one the client put first", async () => {
    const r = await attempt(t, "10.1.2.3", "6.6.6.6, 198.51.100.31");
    expect(r.status).toBe(401);
    expect(await auditedIp(t, r.login)).toBe("198.51.100.31");
  });
});
