import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMatrixTenant, type MatrixTenant } from "./refusal-matrix.fixture.js";
import { tables } from "./refusal-matrix.tables.js";
import { furtherSuccesses, keepsPartialWork, recipes } from "./rollback.recipes.js";
import { isWriteRoute, type RollbackRun, replayWithFaults, successRequest } from "./rollback.run.js";
import { armFault, isWritingStatement, lastRequestTrace } from "./rollback-faults.js";
import { createTestApp, type TestApp } from "./test-app.js";

// Every write route of the refusal matrix (which fails on a route without an entry), so a new one is tried too.
const writeRoutes = tables.filter(isWriteRoute).map((e) => e.route);

let t: TestApp;
let tenant: MatrixTenant;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await buildMatrixTenant(t);
}, 180_000);
afterAll(async () => t?.close());

/** One line per replay, for `ROLLBACK_PRINT=1`: what failed, what was answered, what was left. */
function print(route: string, run: RollbackRun): void {
  const lines = run.replays.map(
    (r) => `  #${r.nth} ${r.status} ${r.code} [${r.counts.join("; ")}] ${r.statement}`,
  );
  console.log([`${route}: ${run.writes} writes, then ${run.success.status}`, ...lines].join("\n"));
}

describe("the fault injector", () => {
  it("tells writing statements from reads and locks", () => {
    expect(
      [
        `insert into "reports" ("id") values ($1)`,
        `update "reports" set "status" = $1`,
        `delete from "sessions" where "sessions"."id" = $1`,
        `with moved as (update "assignments" set "progress" = $1 returning "id") select count(*) from moved`,
        `select "id" from "reports" where "reports"."id" = $1 for update`,
        `with latest as (select "id" from "reports") select * from latest`,
        `with "answer" as (select record_evidence_upload($1::uuid, $2::uuid) as data) select "data" from "answer"`,
      ].map(isWritingStatement),
    ).toEqual([true, true, true, true, false, false, true]);
  });

  it("makes the N-th statement of the next request fail as a database error, once", async () => {
    armFault({ nth: 2, count: "statements" });
    const failed = await tenant.sessions.admin.get("/api/units");
    expect([failed.statusCode, failed.json().error.code]).toEqual([500, "internal"]);
    expect(lastRequestTrace()).toMatchObject({ statements: 2, failed: expect.stringMatching(/^select /) });
    // Spent once it fired: the same request succeeds again.
    expect((await tenant.sessions.admin.get("/api/units")).statusCode).toBe(200);
    expect(lastRequestTrace().failed).toBeNull();
  });
});

describe("rollback: a write whose statement fails leaves nothing behind", () => {
  it("names only write routes of the app in its recipes and its list of exceptions", () => {
    const named = [
      ...Object.keys(recipes),
      ...keepsPartialWork.map((k) => k.route),
      ...furtherSuccesses.map((f) => f.route),
    ];
    expect(named.filter((r) => !writeRoutes.includes(r))).toEqual([]);
  });

  const cases = tables
    .filter(isWriteRoute)
    .flatMap((entry) => [
      { entry, label: entry.route, recipe: recipes[entry.route] ?? {} },
      ...furtherSuccesses
        .filter((f) => f.route === entry.route)
        .map((f) => ({ entry, label: `${f.route}, ${f.label},`, recipe: f.recipe })),
    ]);
  for (const { entry, label, recipe } of cases)
    it(`${label} fails whole when any one of its writing statements fails`, async () => {
      const request = await successRequest(t, entry, tenant, recipe);
      expect(request, "no request succeeds: give the route a recipe in rollback.recipes.ts").not.toBeNull();
      const run = await replayWithFaults(t, tenant.tenantId, request!);
      if (process.env.ROLLBACK_PRINT) print(label, run);
      const kept = keepsPartialWork.find((k) => k.route === entry.route)?.tables ?? [];
      expect(
        run.replays.map((r) => ({
          failed: r.statement,
          status: r.status,
          code: r.code,
          left: r.counts.filter((_, i) => !kept.includes(r.changed[i]!)),
        })),
        "each failed replay answers 500 internal and leaves the tenant's rows and files as they were",
      ).toEqual(run.replays.map((r) => ({ failed: r.statement, status: 500, code: "internal", left: [] })));
      // The unhindered request succeeds, so the replays before it tried the writes of a real success.
      expect(run.success.status, run.success.body).toBeGreaterThanOrEqual(200);
      expect(run.success.status, run.success.body).toBeLessThan(300);
      // Its 1st, 2nd, … last writing statement each failed once, in a replay of its own (work a listed route
      // keeps is not done again, so its last replays may run fewer statements than the first).
      if (kept.length === 0)
        expect(run.replays.map((r) => r.nth)).toEqual(Array.from({ length: run.writes }, (_, i) => i + 1));
      // An exception that no longer keeps anything is taken off the list rather than left to hide a regression.
      const keeps = run.replays.some((r) => r.changed.some((c) => kept.includes(c)));
      expect(keeps, "listed in keepsPartialWork but keeps nothing: remove it").toBe(kept.length > 0);
    });
});
