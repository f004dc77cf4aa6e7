import { afterEach, expect } from "vitest";
import { takeScopeViolations } from "./tenant-scope-audit.js";

// Every statement a request runs on a tenant table names the tenant; a test that drove one that does not fails.
afterEach(() => {
  const found = takeScopeViolations().map((v) => `${v.request}: ${v.table} — ${v.sql.slice(0, 300)}`);
  expect(found, "statements without a tenant predicate").toEqual([]);
});

// Two statements at once on one connection (reads side by side inside a transaction): node-postgres queues the
// second and warns, once per process, that queuing is deprecated. On PostgreSQL the test that caused it fails.
// The list and its listener live once per process, however often this file runs in it.
const key = Symbol.for("duban.queuedStatements");
const holder = globalThis as { [key]?: string[] };
const queued = holder[key] ?? [];
if (!holder[key]) {
  holder[key] = queued;
  process.on("warning", (w) => {
    if (w.message.includes("already executing a query")) queued.push(w.message);
  });
}
afterEach(() => {
  expect(queued.splice(0), "statements queued on one connection (use readTogether)").toEqual([]);
});
