import { AsyncLocalStorage } from "node:async_hooks";
import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import type { FastifyInstance } from "fastify";
import * as schema from "../db/schema.js";

/** Tables that carry a tenant_id column: every read or write of them must name the tenant. */
export const tenantTables: ReadonlySet<string> = new Set(
  (Object.values(schema) as unknown[])
    .filter((v): v is PgTable => is(v, PgTable))
    .map((t) => getTableConfig(t))
    .filter((c) => c.columns.some((col) => col.name === "tenant_id"))
    .map((c) => c.name),
);

/**
 * Statements that find their row before the tenant is known, or that serve every tenant by design. Each
 * is matched against the statement text with `$n` placeholders; nothing else may leave out the tenant.
 */
const crossTenantStatements: { pattern: RegExp; why: string }[] = [
  {
    pattern:
      /^select .* from "sessions" inner join "users" on "users"\."id" = "sessions"\."user_id" where "sessions"\."id" = (\$1|any\(\$1::text\[\]\))/,
    why: "a session is found by the hash of its cookie token, which is what tells the tenant",
  },
  {
    pattern:
      /^(update "sessions" set "last_seen_at" = \$\d+|delete from "sessions") where "sessions"\."id" = \$\d+$/,
    why: "the session row just found by its token",
  },
];

/** A statement that touches a tenant table without a tenant predicate. */
export interface ScopeViolation {
  table: string;
  sql: string;
}

const refPattern =
  /\b(from|join|update|into)\s+"([a-z_]+)"(?:\s+(?:as\s+)?"?(?!(?:where|inner|left|right|full|cross|join|on|order|group|limit|for|set|returning)\b)([a-z_]+)"?)?/gi;

/**
 * The tenant tables a statement reads or changes without a `tenant_id` predicate on that table. A joined table is
 * reached through a key of a row the statement already scoped, so only the table a statement starts from (and
 * the one it updates or deletes from) must name the tenant itself.
 */
export function findScopeViolations(sql: string): ScopeViolation[] {
  const text = sql.replace(/\s+/g, " ").trim();
  if (!/^\(?\s*(select|update|delete|with)\b/i.test(text)) return [];
  if (crossTenantStatements.some((s) => s.pattern.test(text))) return [];
  const violations: ScopeViolation[] = [];
  for (const m of text.matchAll(refPattern)) {
    const table = m[2]!;
    const verb = m[1]!.toLowerCase();
    // An insert (also inside a `with`) names its tenant in the values it writes; only what it reads is checked.
    if (!tenantTables.has(table) || verb === "join" || verb === "into") continue;
    const name = m[3] ?? table;
    const column = `"${name}"\\."tenant_id"`;
    const scoped =
      // The tenant comes in as a value: equality with another table's tenant_id (a join) scopes nothing.
      new RegExp(
        `${column}\\s*(=\\s*\\$\\d|in\\s*\\(\\s*\\$\\d|=\\s*any\\s*\\(\\s*\\$\\d)|\\$\\d+\\s*=\\s*${column}`,
        "i",
      ).test(text) ||
      // A nested select correlated with the row it belongs to (`… from "plan_nodes" where "plan_id" = "plans"."id"`)
      // is scoped by that row.
      isCorrelated(text, m.index, name);
    if (!scoped) violations.push({ table, sql: text });
  }
  return violations;
}

/** Whether the table read at `index` is read by a nested select that names a column of an outer table. */
function isCorrelated(text: string, index: number, name: string): boolean {
  let depth = 0;
  let start = -1;
  for (let i = index; i >= 0; i--) {
    if (text[i] === ")") depth++;
    else if (text[i] === "(" && depth-- === 0) {
      start = i;
      break;
    }
  }
  if (start < 0) return false;
  let end = index;
  for (depth = 0; end < text.length; end++) {
    if (text[end] === "(") depth++;
    else if (text[end] === ")" && depth-- === 0) break;
  }
  const inner = text.slice(index, end);
  return [...inner.matchAll(/"([a-z_]+)"\."[a-z_]+"/g)].some(
    (c) => c[1] !== name && c[1] !== inner.match(/^\w+ "([a-z_]+)"/)?.[1],
  );
}

/** Marks the statements run while the app serves a request: those are the ones audited. */
const serving = new AsyncLocalStorage<{ method: string; url: string }>();

/** Violations seen since the last `takeScopeViolations()`. */
const seen: (ScopeViolation & { request: string })[] = [];

/** Returns and forgets the violations recorded so far. */
export function takeScopeViolations(): (ScopeViolation & { request: string })[] {
  return seen.splice(0, seen.length);
}

/** Runs every request of `app` inside the audited context. */
export function auditRequests(app: FastifyInstance): void {
  app.addHook("onRequest", (request, _reply, done) => {
    serving.run({ method: request.method, url: request.url }, done);
  });
}

/**
 * A Drizzle logger recording statements that touch a tenant table without naming the tenant, among those run
 * while serving a request (tests set up and inspect rows directly, and those statements are theirs to write).
 */
export function tenantScopeLogger() {
  return {
    logQuery(query: string): void {
      const request = serving.getStore();
      if (!request) return;
      for (const v of findScopeViolations(query))
        seen.push({ ...v, request: `${request.method} ${request.url}` });
    },
  };
}
