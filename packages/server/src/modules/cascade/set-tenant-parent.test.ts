import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { auditLogs, tenants } from "../../db/schema.js";
import { buildTenant } from "../../test/factories.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { setTenantParent } from "./set-tenant-parent.js";

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db as Db;
});
afterAll(async () => t?.close());

const parentOf = async (id: string) =>
  (await db.select({ p: tenants.parentId }).from(tenants).where(eq(tenants.id, id)))[0]!.p;

describe("setTenantParent (the platform operator's 设置上级教育局)", () => {
  it("nests province → city → county and records it in the bureau's audit log", async () => {
    const [province, city, county] = await Promise.all([buildTenant(db), buildTenant(db), buildTenant(db)]);
    expect(await setTenantParent(db, { tenant: city.code, parent: province.code })).toEqual({
      name: city.name,
      parent: province.name,
    });
    await setTenantParent(db, { tenant: county.code, parent: city.code });
    expect([await parentOf(city.id), await parentOf(county.id)]).toEqual([province.id, city.id]);
    const rows = await db
      .select({ actorName: auditLogs.actorName, summary: auditLogs.summary })
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, county.id), eq(auditLogs.action, "tenant.set_parent")));
    expect(rows).toEqual([{ actorName: "平台管理员", summary: { parent: city.name, was: null } }]);
  });

  it("refuses a cycle and a fourth level, changing nothing", async () => {
    const [province, city, county, town] = await Promise.all([
      buildTenant(db),
      buildTenant(db),
      buildTenant(db),
      buildTenant(db),
    ]);
    await setTenantParent(db, { tenant: city.code, parent: province.code });
    await setTenantParent(db, { tenant: county.code, parent: city.code });
    await expect(setTenantParent(db, { tenant: province.code, parent: county.code })).rejects.toThrow(
      `${county.name}是${province.name}本身或其下级，不能作为它的上级`,
    );
    await expect(setTenantParent(db, { tenant: city.code, parent: city.code })).rejects.toThrow(
      "本身或其下级",
    );
    await expect(setTenantParent(db, { tenant: town.code, parent: county.code })).rejects.toThrow(
      "层级超过 3 级（省 → 市 → 县）",
    );
    expect([await parentOf(province.id), await parentOf(town.id)]).toEqual([null, null]);
  });

  it("takes a bureau out from under its superior, and refuses an unknown code", async () => {
    const [city, county] = await Promise.all([buildTenant(db), buildTenant(db)]);
    await setTenantParent(db, { tenant: county.code, parent: city.code });
    expect(await setTenantParent(db, { tenant: county.code, parent: null })).toEqual({
      name: county.name,
      parent: null,
    });
    expect(await parentOf(county.id)).toBeNull();
    await expect(setTenantParent(db, { tenant: "no-such-bureau", parent: null })).rejects.toThrow(
      "没有代码为 no-such-bureau 的教育局",
    );
  });
});
