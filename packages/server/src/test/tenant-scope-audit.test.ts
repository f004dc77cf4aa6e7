import { describe, expect, it } from "vitest";
import { findScopeViolations, tenantTables } from "./tenant-scope-audit.js";

describe("tenant scope audit", () => {
  it("knows the tenant-owned tables from the schema", () => {
    expect(tenantTables.has("reports")).toBe(true);
    expect(tenantTables.has("plan_nodes")).toBe(true);
    expect(tenantTables.has("tenants")).toBe(false);
  });

  it("passes a lookup that names the tenant", () => {
    const sql = `select "id", "status" from "reports" where ("reports"."tenant_id" = $1 and "reports"."id" = $2)`;
    expect(findScopeViolations(sql)).toEqual([]);
  });

  it("flags a lookup by id alone", () => {
    const sql = `select "id", "tenant_id", "status" from "reports" where "reports"."id" = $1`;
    expect(findScopeViolations(sql)).toEqual([{ table: "reports", sql }]);
  });

  it("flags an update and a delete by id alone, but not an insert", () => {
    expect(
      findScopeViolations(`update "assignments" set "progress" = $1 where "assignments"."id" = $2`),
    ).toHaveLength(1);
    expect(findScopeViolations(`delete from "notifications" where "notifications"."id" = $1`)).toHaveLength(
      1,
    );
    expect(findScopeViolations(`insert into "reports" ("id", "tenant_id") values ($1, $2)`)).toEqual([]);
  });

  it("lets a joined table ride on the scoped table it is joined to", () => {
    const sql = `select "reports"."id", "units"."name" from "reports" inner join "units" on "units"."id" = "reports"."unit_id" where ("reports"."tenant_id" = $1 and "reports"."id" = $2)`;
    expect(findScopeViolations(sql)).toEqual([]);
  });

  it("flags the starting table of a join when only the joined one is scoped", () => {
    const sql = `select "reports"."id" from "reports" inner join "assignments" on "assignments"."id" = "reports"."assignment_id" where ("assignments"."tenant_id" = $1 and "reports"."id" = $2)`;
    expect(findScopeViolations(sql).map((v) => v.table)).toEqual(["reports"]);
  });

  it("lets a nested select correlated with its outer row pass, unaliased or aliased", () => {
    const counts = `select "id", (select count(*)::int from "plan_nodes" where "plan_id" = "plans"."id") from "plans" where "plans"."tenant_id" = $1`;
    const aliased = `select "id", (select count(*)::int from "reports" r where r.cycle_id = "report_cycles"."id") from "report_cycles" where "report_cycles"."tenant_id" = $1`;
    expect(findScopeViolations(counts)).toEqual([]);
    expect(findScopeViolations(aliased)).toEqual([]);
  });

  it("flags a nested select that is neither scoped nor correlated", () => {
    const sql = `select "id" from "plans" where "plans"."tenant_id" = $1 and "id" in (select "plan_id" from "plan_nodes" where "title" = $2)`;
    expect(findScopeViolations(sql).map((v) => v.table)).toEqual(["plan_nodes"]);
  });

  it("accepts the statements that find a session by its token", () => {
    const sql = `select "sessions"."last_seen_at", "users"."id" from "sessions" inner join "users" on "users"."id" = "sessions"."user_id" where "sessions"."id" = any($1::text[])`;
    expect(findScopeViolations(sql)).toEqual([]);
    expect(findScopeViolations(sql.replace("any($1::text[])", "$1"))).toEqual([]);
  });

  it("does not take a join on the tenants table for a tenant predicate", () => {
    const sql = `select "users"."id", "tenants"."name" from "users" inner join "tenants" on "tenants"."id" = "users"."tenant_id" where "users"."id" = $1`;
    expect(findScopeViolations(sql).map((v) => v.table)).toEqual(["users"]);
  });
});
