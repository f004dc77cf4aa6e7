import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../db/client.js";
import * as schema from "../db/schema.js";
import type { TestApp } from "./test-app.js";

/** Row count and content hash of one table's rows of a tenant; files on disk under the key `files on disk`. */
export type TenantSnapshot = Record<string, { rows: number; hash: string }>;

/**
 * Columns left out of the hash, each with its reason: they change on any request, before the route runs.
 * Nothing else is left out, so any other change a failed request leaves behind shows.
 */
const volatileColumns: Record<string, { columns: string[]; why: string }> = {
  sessions: {
    columns: ["last_seen_at"],
    why: "the session hook touches it at most once a minute on any request, before the route runs",
  },
};

/** Every table with a tenant_id, with the columns that are hashed. */
const tenantTables = (Object.values(schema) as unknown[])
  .filter((v): v is PgTable => is(v, PgTable))
  .map((t) => getTableConfig(t))
  .filter((c) => c.columns.some((col) => col.name === "tenant_id"))
  .map((c) => ({
    name: c.name,
    columns: c.columns.map((col) => col.name).filter((n) => !volatileColumns[c.name]?.columns.includes(n)),
  }))
  .sort((a, b) => a.name.localeCompare(b.name));

/** The rows of a table (or a select) as one count and one md5 over their text, in a stable order. */
function summary(label: string, from: string) {
  return sql.raw(
    `select '${label}' as label, count(*)::int as rows, ` +
      `coalesce(md5(string_agg(r::text, E'\\n' order by r::text)), '') as hash from (${from}) r`,
  );
}

/** One statement summing up every tenant table, plus the rows without a tenant_id that belong to its users. */
function snapshotQuery(tenantId: string) {
  // The id is a uuid the test made; it is checked before it is spelled into the statement.
  if (!/^[0-9a-f-]{36}$/.test(tenantId)) throw new Error(`not a tenant id: ${tenantId}`);
  const tenant = `'${tenantId}'::uuid`;
  const parts = tenantTables.map((t) =>
    summary(
      t.name,
      `select ${t.columns.map((c) => `"${c}"`).join(", ")} from "${t.name}" where tenant_id = ${tenant}`,
    ),
  );
  parts.push(summary("tenants", `select * from tenants where id = ${tenant}`));
  parts.push(
    summary(
      "sign_in_identities",
      `select s.* from sign_in_identities s join users u on u.id = s.user_id where u.tenant_id = ${tenant}`,
    ),
  );
  // Failed sign-ins are kept per login string; these are the ones naming the tenant's users.
  parts.push(
    summary(
      "login_failures",
      `select f.* from login_failures f where f.login in (select lower(login) from users where tenant_id = ${tenant})`,
    ),
  );
  return sql.join(parts, sql.raw(" union all "));
}

/** Every file under a folder as `relative path:size`, sorted. */
function listFiles(root: string, dir = root): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return listFiles(root, full);
      return [`${path.relative(root, full)}:${fs.statSync(full).size}`];
    })
    .sort();
}

/** What a tenant holds right now: each table's rows, and the uploaded bytes on disk (content-addressed). */
export async function snapshotTenant(t: TestApp, tenantId: string): Promise<TenantSnapshot> {
  const result = (await (t.database.db as Db).execute(snapshotQuery(tenantId))) as unknown as {
    rows: { label: string; rows: number; hash: string }[];
  };
  const snapshot: TenantSnapshot = {};
  for (const r of result.rows) snapshot[r.label] = { rows: Number(r.rows), hash: r.hash };
  const files = listFiles(path.join(t.config.dataDir, "files"));
  snapshot["files on disk"] = {
    rows: files.length,
    hash: createHash("md5").update(files.join("\n")).digest("hex"),
  };
  return snapshot;
}
