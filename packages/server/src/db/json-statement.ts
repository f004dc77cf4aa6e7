import { type SQL, sql } from "drizzle-orm";
import type { Db } from "./client.js";

/**
 * One round trip that does a whole step: named common table expressions (data-modifying ones included, which
 * PostgreSQL allows only at the top of a statement) and a final expression whose value, one json document, is
 * the answer. Built once per database handle and prepared under `name`, so neither Drizzle rebuilds its SQL nor
 * PostgreSQL parses and plans it again on each call; values come in through `sql.placeholder`. The same
 * statement runs on node-postgres and on PGlite, since only Drizzle's query builder touches the driver.
 */
export interface JsonStatement<T> {
  execute(params: Record<string, unknown>): Promise<T | null>;
}

const built = new WeakMap<Db, Map<string, JsonStatement<unknown>>>();

/** Prepares (once per database) a statement of CTEs `parts` whose answer is the json value of `result`. */
export function jsonStatement<T>(
  db: Db,
  name: string,
  build: () => { parts?: [alias: string, body: SQL][]; result: SQL },
): JsonStatement<T> {
  let byName = built.get(db);
  if (!byName) {
    byName = new Map();
    built.set(db, byName);
  }
  const existing = byName.get(name);
  if (existing) return existing as JsonStatement<T>;
  const { parts = [], result } = build();
  // The selection of a part is never read: each part is referred to by its alias inside the others' SQL.
  const ctes = parts.map(([alias, body]) => db.$with(alias, { _: sql`_`.as("_") }).as(body));
  const answer = db.$with("answer", { data: sql<T>`data`.as("data") }).as(sql`select ${result} as data`);
  const prepared = db
    .with(...ctes, answer)
    .select({ data: answer.data })
    .from(answer)
    .prepare(name);
  const statement: JsonStatement<T> = {
    async execute(params) {
      const [row] = await prepared.execute(params);
      return (row?.data as T | undefined) ?? null;
    },
  };
  byName.set(name, statement);
  return statement;
}

/** snake_case → camelCase of the column names seen so far: a handful of tables' columns, converted once each. */
const camelKeys = new Map<string, string>();

function camelKey(key: string): string {
  let camel = camelKeys.get(key);
  if (camel === undefined) {
    camel = key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    // Column names are few; a caller passing arbitrary keys must not grow this without bound.
    if (camelKeys.size < 10_000) camelKeys.set(key, camel);
  }
  return camel;
}

/** A row as json (snake_case keys) with camelCase keys and the named timestamp fields as Dates. */
export function rowFromJson<T>(json: Record<string, unknown>, dates: readonly string[] = []): T {
  const row: Record<string, unknown> = {};
  for (const key in json) row[camelKey(key)] = json[key];
  for (const key of dates) if (typeof row[key] === "string") row[key] = new Date(row[key] as string);
  return row as T;
}
