import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignmentsAccess } from "../modules/assignments/assignments.access.js";
import { auditAccess } from "../modules/audit/audit.access.js";
import { authAccess } from "../modules/auth/auth.access.js";
import { channelsAccess } from "../modules/channels/channels.access.js";
import { cyclesAccess } from "../modules/cycles/cycles.access.js";
import { decomposeAccess } from "../modules/decompose/decompose.access.js";
import { evidenceAccess } from "../modules/evidence/evidence.access.js";
import { extensionsAccess } from "../modules/extensions/extensions.access.js";
import { groupsAccess } from "../modules/groups/groups.access.js";
import { healthAccess } from "../modules/health/health.access.js";
import { inspectionsAccess } from "../modules/inspections/inspections.access.js";
import { instructionsAccess } from "../modules/instructions/instructions.access.js";
import { noticesAccess } from "../modules/notices/notices.access.js";
import { notificationsAccess } from "../modules/notifications/notifications.access.js";
import { plansAccess } from "../modules/plans/plans.access.js";
import { rectificationsAccess } from "../modules/rectifications/rectifications.access.js";
import { reminderSettingsAccess } from "../modules/reminder-settings/reminder-settings.access.js";
import { reportsAccess } from "../modules/reports/reports.access.js";
import { unitKeywordsAccess } from "../modules/unit-keywords/unit-keywords.access.js";
import { unitsAccess } from "../modules/units/units.access.js";
import { usersAccess } from "../modules/users/users.access.js";
import { workAccess } from "../modules/work/work.access.js";
import type { RouteAccess } from "./access.js";
import { buildMatrixTenant, type MatrixTenant } from "./refusal-matrix.fixture.js";
import { runRoute } from "./refusal-matrix.run.js";
import { createTestApp, type TestApp } from "./test-app.js";

/** Every module's access table, in the order the cells run. */
const tables: RouteAccess[] = [
  ...healthAccess,
  ...unitsAccess,
  ...groupsAccess,
  ...usersAccess,
  ...auditAccess,
  ...unitKeywordsAccess,
  ...plansAccess,
  ...assignmentsAccess,
  ...cyclesAccess,
  ...reminderSettingsAccess,
  ...reportsAccess,
  ...evidenceAccess,
  ...workAccess,
  ...decomposeAccess,
  ...noticesAccess,
  ...extensionsAccess,
  ...notificationsAccess,
  ...rectificationsAccess,
  ...inspectionsAccess,
  ...instructionsAccess,
  ...channelsAccess,
  // Last: these end or change sessions.
  ...authAccess,
];

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
