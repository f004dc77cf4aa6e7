import { afterEach, expect } from "vitest";
import { takeScopeViolations } from "./tenant-scope-audit.js";

// Every statement a request runs on a tenant table names the tenant; a test that drove one that does not fails.
afterEach(() => {
  const found = takeScopeViolations().map((v) => `${v.request}: ${v.table} — ${v.sql.slice(0, 300)}`);
  expect(found, "statements without a tenant predicate").toEqual([]);
});
