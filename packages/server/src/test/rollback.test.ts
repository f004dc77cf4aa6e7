import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMatrixTenant, type MatrixTenant } from "./refusal-matrix.fixture.js";
import { tables } from "./refusal-matrix.tables.js";
import { keepsPartialWork } from "./rollback.recipes.js";
import { isWriteRoute, replayWithFaults, successRequest } from "./rollback.run.js";
import { createTestApp, type TestApp } from "./test-app.js";

let t: TestApp;
let tenant: MatrixTenant;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await buildMatrixTenant(t);
}, 180_000);
afterAll(async () => t?.close());

const writeRoutes = tables.filter(isWriteRoute);

describe("rollback: every write, with each of its writing statements failing in turn, leaves nothing", () => {
  for (const entry of writeRoutes)
    it(`${entry.route} leaves the tenant as it was when any of its writes fails`, async () => {
      const request = await successRequest(t, entry, tenant);
      expect(request, "a successful request: add a recipe to rollback.recipes.ts").not.toBeNull();
      const run = await replayWithFaults(t, tenant.tenantId, request!);
      const kept = keepsPartialWork.find((k) => k.route === entry.route);
      if (process.env.ROLLBACK_PRINT)
        console.log(
          `ROUTE ${entry.route} as ${request!.role}: writes=${run.writes} success=${run.success.status} ${run.success.status >= 300 ? run.success.body.slice(0, 200) : ""}\n` +
            run.replays
              .map((r) => `  #${r.nth} ${r.status} ${r.code} [${r.counts.join("; ")}] ${r.statement}`)
              .join("\n"),
        );
      expect(run.success.status, run.success.body).toBeGreaterThanOrEqual(200);
      expect(run.success.status, run.success.body).toBeLessThan(300);
      expect(
        run.replays.map((r) => ({
          nth: r.nth,
          status: r.status,
          code: r.code,
          changed: r.counts.filter((_, i) => !kept?.tables.includes(r.changed[i]!)),
        })),
      ).toEqual(run.replays.map((r) => ({ nth: r.nth, status: 500, code: "internal", changed: [] })));
    });
});
