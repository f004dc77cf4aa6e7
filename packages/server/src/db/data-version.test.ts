import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildUnit } from "../test/factories.js";
import { createTestApp, type TestApp } from "../test/test-app.js";
import type { Db } from "./client.js";
import { dataVersionOf } from "./data-version.js";
import { units } from "./schema.js";

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db as Db;
});
afterAll(async () => t?.close());

async function versionOf(tenantId: string): Promise<number> {
  const [row] = await db.select({ v: dataVersionOf(tenantId) }).from(sql`(select 1) as one`);
  return Number(row!.v);
}

describe("a tenant's data version", () => {
  it("grows by one per committed transaction that writes a counted row, whatever its rows, and not on a rollback", async () => {
    const tenant = await buildTenant(db);
    const other = await buildTenant(db);
    expect(await versionOf(tenant.id)).toBe(0);
    const unit = await buildUnit(db, tenant.id);
    expect(await versionOf(tenant.id)).toBe(1);
    await db.transaction(async (tx) => {
      await tx.update(units).set({ name: "改名一" }).where(eq(units.id, unit.id));
      await tx.update(units).set({ name: "改名二" }).where(eq(units.id, unit.id));
      await buildUnit(tx as unknown as Db, tenant.id);
    });
    expect(await versionOf(tenant.id)).toBe(2);
    await expect(
      db.transaction(async (tx) => {
        await tx.update(units).set({ name: "不会保存" }).where(eq(units.id, unit.id));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await versionOf(tenant.id)).toBe(2);
    expect(await versionOf(other.id)).toBe(0);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "lets a commit on one connection through while another connection's commit of the same tenant is under way (PostgreSQL)",
    async () => {
      const tenant = await buildTenant(db);
      const unit = await buildUnit(db, tenant.id);
      const before = await versionOf(tenant.id);
      const url = t.database.url!;
      const open = async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        const pid = Number((await c.query("select pg_backend_pid() as pid")).rows[0].pid);
        return { c, slot: pid % 16 };
      };
      const a = await open();
      const clients = [a.c];
      try {
        // A second connection on another slot (the slot is the backend's process id modulo 16).
        let b = await open();
        clients.push(b.c);
        while (b.slot === a.slot) {
          b = await open();
          clients.push(b.c);
        }
        // A's counted write has bumped its slot (deferred triggers fired now) and holds that row until it ends.
        await a.c.query("begin");
        await a.c.query("update units set name = '甲' where id = $1", [unit.id]);
        await a.c.query("set constraints all immediate");
        // B must not wait for A: with one row per tenant it would, and give up after the lock timeout.
        await b.c.query("set lock_timeout = '2s'");
        await b.c.query("begin");
        await b.c.query("insert into units (tenant_id, name, kind) values ($1, '新科室', 'department')", [
          tenant.id,
        ]);
        await b.c.query("commit");
        expect(await versionOf(tenant.id)).toBe(before + 1);
        await a.c.query("commit");
        expect(await versionOf(tenant.id)).toBe(before + 2);
      } finally {
        for (const c of clients) await c.end();
      }
    },
  );
});
