import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMatrixTenant, type MatrixTenant } from "./refusal-matrix.fixture.js";
import { runRoute } from "./refusal-matrix.run.js";
import { tables } from "./refusal-matrix.tables.js";
import { createTestApp, type TestApp } from "./test-app.js";

let t: TestApp;
let own: MatrixTenant;
let foreign: MatrixTenant;
beforeAll(async () => {
  t = await createTestApp();
  own = await buildMatrixTenant(t);
  foreign = await buildMatrixTenant(t);
}, 180_000);
afterAll(async () => t?.close());

/** The app's routes from its OpenAPI document, as `METHOD /api/path/:param`. */
function appRoutes(): string[] {
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
  );
}

describe("refusal matrix: every route × anonymous × each role × another tenant's and another unit's record", () => {
  it("has one access entry for every route, and none for a route that is gone", () => {
    const routes = appRoutes();
    const entries = tables.map((e) => e.route);
    const duplicated = entries.filter((r, i) => entries.indexOf(r) !== i);
    expect({
      routesWithoutEntry: routes.filter((r) => !entries.includes(r)),
      entriesWithoutRoute: entries.filter((r) => !routes.includes(r)),
      duplicated,
    }).toEqual({ routesWithoutEntry: [], entriesWithoutRoute: [], duplicated: [] });
  });

  for (const entry of tables)
    it(`answers every cell of ${entry.route} exactly`, async () => {
      const misses = await runRoute(t, entry, own, foreign);
      if (process.env.MATRIX_PRINT)
        for (const m of misses)
          console.log(`MISS ${entry.route} | ${m.cell} | ${m.expected} -> ${m.actual} | ${m.body}`);
      // One line per wrong cell, so a failure reads as the list of what to fix.
      expect(misses.map((m) => `${m.cell}: expected ${m.expected}, got ${m.actual} ${m.body}`)).toEqual([]);
    });
});
