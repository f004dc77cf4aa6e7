import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildUnit } from "../test/factories.js";
import { openTestDatabase } from "../test/test-app.js";
import type { Database } from "./client.js";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** The message of a database error, which drivers wrap differently. */
function refusal(err: unknown): string {
  return String((err as { cause?: unknown }).cause ?? err);
}

/** Runs a raw statement that the database must refuse, and returns why. */
async function refused(statement: ReturnType<typeof sql>): Promise<string> {
  const outcome = await database.db.execute(statement).then(
    () => null,
    (e: unknown) => e,
  );
  expect(outcome).not.toBeNull();
  return refusal(outcome);
}

describe("status and kind columns", () => {
  it("refuses a unit kind, school type or ownership outside the domain's values", async () => {
    const tenant = await buildTenant(database.db);
    const unit = await buildUnit(database.db, tenant.id);
    expect(await refused(sql`update units set kind = 'campus' where id = ${unit.id}`)).toMatch(
      /units_kind_check/,
    );
    expect(await refused(sql`update units set school_type = 'college' where id = ${unit.id}`)).toMatch(
      /units_school_type_check/,
    );
    expect(await refused(sql`update units set ownership = 'state' where id = ${unit.id}`)).toMatch(
      /units_ownership_check/,
    );
  });

  it("refuses a role no one can hold", async () => {
    const tenant = await buildTenant(database.db);
    const unit = await buildUnit(database.db, tenant.id);
    const why = await refused(
      sql`insert into users (tenant_id, unit_id, name, login, roles, password_hash)
          values (${tenant.id}, ${unit.id}, '张三', ${`root-${unit.id}`}, array['school', 'root'], 'x')`,
    );
    expect(why).toMatch(/users_roles_check/);
  });

  it("refuses a 督办单 or 整改 state the transitions tables do not know", async () => {
    const tenant = await buildTenant(database.db);
    const unit = await buildUnit(database.db, tenant.id);
    // CHECK constraints run before the foreign keys are looked up, so the plan and task ids need not exist.
    const noticeWhy = await refused(
      sql`insert into supervision_notices (tenant_id, plan_id, node_id, unit_id, level, source, reason, status)
          values (${tenant.id}, gen_random_uuid(), gen_random_uuid(), ${unit.id}, 'red', 'manual', '逾期', 'done')`,
    );
    expect(noticeWhy).toMatch(/supervision_notices_status_check/);
    const itemWhy = await refused(
      sql`insert into rectifications (tenant_id, unit_id, problem, requirement, deadline, source, status)
          values (${tenant.id}, ${unit.id}, '灭火器过期', '更换', '2023-06-30', 'safety', 'done')`,
    );
    expect(itemWhy).toMatch(/rectifications_status_check/);
  });
});
