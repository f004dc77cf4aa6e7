import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { sql } from "drizzle-orm";
import { archiveLines } from "../cli/archive-reader.js";
import { rowsOf, tablesInOrder } from "../cli/backup-format.js";
import type { Db } from "../db/client.js";

/** Every table's rows as PostgreSQL renders them (all columns), sorted, keyed by table name. */
export async function dumpTables(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await tablesInOrder(db)) {
    const rows = await rowsOf<{ j: string }>(
      db,
      sql`select row_to_json(t)::text as j from ${sql.identifier(t.name)} t`,
    );
    out[t.name] = rows.map((r) => r.j).sort();
  }
  return out;
}

/** Every stored file under a directory: relative path → sha256 of its content. */
export function hashFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = createHash("sha256").update(fs.readFileSync(full)).digest("hex");
  }
  return out;
}

/**
 * Rewrites an archive line by line through `edit` (return null to drop a line) and, unless `keepDigest`, signs
 * it with a fresh end line: a well-formed archive whose content says something else.
 */
export async function rewriteArchive(
  from: string,
  to: string,
  edit: (line: string, index: number) => string | null,
  options: { keepDigest?: boolean } = {},
): Promise<void> {
  const lines: string[] = [];
  let index = 0;
  for await (const line of archiveLines(from)) {
    const isEnd = line.startsWith('["end"');
    const edited = isEnd && !options.keepDigest ? null : edit(line, index++);
    if (edited !== null) lines.push(edited);
  }
  if (!options.keepDigest) {
    const digest = createHash("sha256")
      .update(lines.map((l) => `${l}\n`).join(""))
      .digest("hex");
    lines.push(JSON.stringify(["end", digest]));
  }
  fs.writeFileSync(to, zlib.gzipSync(lines.map((l) => `${l}\n`).join("")));
}
