import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { rowsOf } from "./backup-format.js";

/**
 * Removes the application's schema objects (tables with their sequences, enum types, functions not belonging to
 * an extension, and drizzle's migration record) so migrations can rebuild it from nothing. Dropping, not deleting
 * rows: the audit log refuses DELETE (and TRUNCATE) by trigger, by design.
 */
export async function resetSchema(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const tables = await rowsOf<{ name: string }>(
      tx,
      sql`select tablename as name from pg_tables where schemaname = 'public'`,
    );
    if (tables.length > 0)
      await tx.execute(
        sql`drop table if exists ${sql.join(
          tables.map((t) => sql.identifier(t.name)),
          sql`, `,
        )} cascade`,
      );
    const types = await rowsOf<{ name: string }>(
      tx,
      sql`select t.typname as name from pg_type t
          where t.typnamespace = 'public'::regnamespace and t.typtype = 'e'`,
    );
    for (const t of types) await tx.execute(sql`drop type if exists ${sql.identifier(t.name)} cascade`);
    const functions = await rowsOf<{ signature: string }>(
      tx,
      sql`select p.oid::regprocedure::text as signature from pg_proc p
          where p.pronamespace = 'public'::regnamespace
            and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
    );
    for (const f of functions) await tx.execute(sql.raw(`drop function if exists ${f.signature} cascade`));
    await tx.execute(sql`drop schema if exists drizzle cascade`);
  });
}
