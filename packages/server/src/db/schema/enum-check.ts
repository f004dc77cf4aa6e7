import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** The SQL list of a domain constant's values, inlined: a CHECK constraint cannot take parameters. */
function valueList(values: readonly string[]): SQL {
  return sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", "));
}

/** The condition of a CHECK that keeps a status or kind column to the domain's values (NULL passes). */
export function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  return sql`${column} in (${valueList(values)})`;
}

/** The condition of a CHECK that keeps every element of a text array to the domain's values. */
export function allOf(column: AnyPgColumn, values: readonly string[]): SQL {
  return sql`${column} <@ array[${valueList(values)}]::text[]`;
}
