// The statements behind each measured endpoint, as the server's own code sends them: the app is built in this
// process over a connection whose logger records every statement with its parameters, each endpoint is called
// once (computed afresh: its bureaus' data versions moved first), and every recorded statement is run again
// under EXPLAIN (ANALYZE, BUFFERS) with the same parameters — writes inside a transaction that is rolled back.
// Prints per endpoint the statements sent, their shared buffers (hit + read) in total, and the costliest ones
// with any sequential scan of a large table, so a plan that goes bad shows as a jump in buffers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { buildApp } from "../../packages/server/src/app.js";
import { openDatabase } from "../../packages/server/src/db/client.js";
import { loadConfig } from "../../packages/server/src/env.js";

/** An endpoint to explain: how it is called and whose data versions to move first. */
export interface ExplainTarget {
  name: string;
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  payload?: unknown;
  tenants: string[];
}

/** What the statements of one call cost. */
export interface ExplainSummary {
  status: number;
  statements: number;
  explained: number;
  sharedBuffers: number;
  executionMs: number;
  top: { sql: string; calls: number; sharedBuffers: number; ms: number; seqScans: string[] }[];
  notExplained: string[];
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}

/** Sequential scans that read more than a few thousand rows: the sign of a missing index. */
function seqScans(node: PlanNode, out: string[] = []): string[] {
  const read =
    ((node["Actual Rows"] ?? 0) + (node["Rows Removed by Filter"] ?? 0)) * (node["Actual Loops"] ?? 1);
  if (node["Node Type"] === "Seq Scan" && read > 5000) out.push(`${node["Relation Name"]} (${read} rows)`);
  for (const p of node.Plans ?? []) seqScans(p, out);
  return out;
}

const isWrite = (sql: string) => /^\s*(insert|update|delete)\b/i.test(sql);
const isQuery = (sql: string) => /^\s*(select|with)\b/i.test(sql) || isWrite(sql);

/**
 * Explains one statement with its parameters; writes are rolled back. A write whose row the real call already
 * inserted (its key is the first parameter) is explained after removing that row inside the same transaction.
 */
async function explainOne(client: pg.Client, sql: string, params: unknown[]) {
  const write = isWrite(sql);
  if (write) await client.query("begin");
  try {
    const insertInto = /^\s*(?:with\s+"\w+"\s+as\s+\()?\s*insert\s+into\s+"(\w+)"\s+\("id"/i.exec(sql)?.[1];
    if (insertInto) {
      // Only the row itself: what hangs off it is kept out of the way by skipping foreign key checks here.
      await client.query("set local session_replication_role = replica");
      await client.query(`delete from "${insertInto}" where id = $1`, [params[0]]);
      await client.query("set local session_replication_role = origin");
    }
    const res = await client.query(`explain (analyze, buffers, format json) ${sql}`, params as unknown[]);
    const out = (res.rows[0]["QUERY PLAN"] as { Plan: PlanNode; "Execution Time": number }[])[0]!;
    const buffers = (out.Plan["Shared Hit Blocks"] ?? 0) + (out.Plan["Shared Read Blocks"] ?? 0);
    return { buffers, ms: out["Execution Time"], seq: seqScans(out.Plan) };
  } finally {
    if (write) await client.query("rollback");
  }
}

/** Calls each target once in process and explains what it sent. */
export async function explainEndpoints(
  url: string,
  today: Date,
  targets: ExplainTarget[],
): Promise<Record<string, ExplainSummary>> {
  const recorded: { sql: string; params: unknown[] }[] = [];
  const database = await openDatabase({
    url,
    poolSize: 4,
    logger: { logQuery: (sql, params) => void recorded.push({ sql, params }) },
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-bench-explain-"));
  const config = { ...loadConfig({ LOG_LEVEL: "silent", DATA_DIR: dataDir }), scheduler: false };
  const app = await buildApp({ database, config, clock: { now: () => today }, webRoot: null });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const out: Record<string, ExplainSummary> = {};
  try {
    for (const t of targets) {
      await client.query("update data_versions set version = version + 1 where tenant_id = any($1::uuid[])", [
        t.tenants,
      ]);
      recorded.length = 0;
      const res = await app.inject({
        method: t.method,
        url: t.url,
        headers: t.headers,
        ...(t.payload !== undefined ? { payload: t.payload as object } : {}),
      });
      const calls = recorded.splice(0).filter((r) => isQuery(r.sql));
      const bySql = new Map<
        string,
        { calls: number; sharedBuffers: number; ms: number; seqScans: string[] }
      >();
      const notExplained: string[] = [];
      let sharedBuffers = 0;
      let executionMs = 0;
      let explained = 0;
      for (const c of calls.slice(0, 600)) {
        try {
          const e = await explainOne(client, c.sql, c.params);
          explained++;
          sharedBuffers += e.buffers;
          executionMs += e.ms;
          const s = bySql.get(c.sql) ?? { calls: 0, sharedBuffers: 0, ms: 0, seqScans: [] };
          s.calls++;
          s.sharedBuffers += e.buffers;
          s.ms += e.ms;
          for (const q of e.seq) if (!s.seqScans.includes(q)) s.seqScans.push(q);
          bySql.set(c.sql, s);
        } catch (err) {
          notExplained.push(`${c.sql.slice(0, 80)}: ${(err as Error).message.slice(0, 120)}`);
        }
      }
      out[t.name] = {
        status: res.statusCode,
        statements: calls.length,
        explained,
        sharedBuffers,
        executionMs: Number(executionMs.toFixed(1)),
        top: [...bySql]
          .sort((a, b) => b[1].sharedBuffers - a[1].sharedBuffers)
          .slice(0, 3)
          .map(([sql, s]) => ({
            sql: sql.replace(/\s+/g, " ").slice(0, 220),
            calls: s.calls,
            sharedBuffers: s.sharedBuffers,
            ms: Number(s.ms.toFixed(1)),
            seqScans: s.seqScans.slice(0, 4),
          })),
        notExplained: notExplained.slice(0, 3),
      };
    }
  } finally {
    await client.end().catch(() => {});
    await app.close().catch(() => {});
    await database.close().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}
