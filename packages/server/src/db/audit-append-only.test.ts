import { count, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant } from "../test/factories.js";
import { openTestDatabase } from "../test/test-app.js";
import type { Database } from "./client.js";
import { auditLogs } from "./schema.js";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** The message of a database error, which drivers wrap differently. */
function refusal(err: unknown): string {
  return String((err as { cause?: unknown }).cause ?? err);
}

describe("audit log", () => {
  it("refuses TRUNCATE, and the rows stay", async () => {
    const tenant = await buildTenant(database.db);
    await database.db
      .insert(auditLogs)
      .values({ tenantId: tenant.id, action: "test.truncate", entity: "test" });
    const [before] = await database.db.select({ n: count() }).from(auditLogs);
    const rolledBack = new Error("rolled back");
    // Inside a transaction that never commits: should TRUNCATE ever pass, the shared test database keeps its log.
    const outcome = await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`truncate table audit_logs`);
        throw rolledBack;
      })
      .catch((e: unknown) => e);
    expect(outcome).not.toBe(rolledBack);
    expect(refusal(outcome)).toMatch(/audit_logs is append-only/);
    const [after] = await database.db.select({ n: count() }).from(auditLogs);
    expect(after!.n).toBeGreaterThanOrEqual(before!.n);
  });
});
