import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant } from "../test/factories.js";
import { openTestDatabase } from "../test/test-app.js";
import type { Database } from "./client.js";
import { maintainEmbeddedDatabase, newMaintenanceState } from "./maintenance.js";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());

type LastRuns = { vacuumed: string | null; analyzed: string | null };

/** When the `tenants` table was last vacuumed and analyzed, as the statistics views say. */
async function lastRuns(): Promise<LastRuns> {
  const query = sql`select last_vacuum::text as vacuumed, last_analyze::text as analyzed
    from pg_stat_user_tables where relname = 'tenants'`;
  return ((await database.db.execute(query)) as unknown as { rows: LastRuns[] }).rows[0]!;
}

describe("maintainEmbeddedDatabase", () => {
  it("on PGlite: ANALYZE on the first pass, VACUUM (ANALYZE) once a night from 02:00 to 06:00 Shanghai time; on PostgreSQL nothing, autovacuum's work", async () => {
    const embedded = database.kind === "pglite";
    const tenant = await buildTenant(database.db);
    // Rows left behind by updates, for the VACUUM to make reusable.
    for (let i = 0; i < 3; i++)
      await database.db.execute(sql`update tenants set name = name where id = ${tenant.id}`);
    const state = newMaintenanceState();
    const pass = (at: string) => maintainEmbeddedDatabase(database, new Date(at), state);
    const start = await lastRuns();

    expect(await pass("2023-06-01T10:00:00+08:00")).toBe(embedded ? "analyze" : "none");
    const analyzed = await lastRuns();
    if (embedded) expect(analyzed.analyzed).not.toBe(start.analyzed);
    expect(analyzed.vacuumed).toBe(start.vacuumed);
    expect(await pass("2023-06-01T23:00:00+08:00")).toBe("none");
    expect(await pass("2023-06-02T01:59:59+08:00")).toBe("none");

    expect(await pass("2023-06-02T02:00:00+08:00")).toBe(embedded ? "vacuum" : "none");
    const vacuumed = await lastRuns();
    if (embedded) expect(vacuumed.vacuumed).not.toBe(start.vacuumed);
    else expect(vacuumed).toEqual(analyzed);
    // Once a night: later passes of the same night, and the morning, leave it.
    expect(await pass("2023-06-02T05:59:59+08:00")).toBe("none");
    expect(await pass("2023-06-02T06:00:00+08:00")).toBe("none");
    expect(await lastRuns()).toEqual(vacuumed);
    // The next night again; 2023-06-02T19:30Z is 03:30 on the 3rd in Shanghai.
    expect(await pass("2023-06-02T19:30:00Z")).toBe(embedded ? "vacuum" : "none");
  });
});
