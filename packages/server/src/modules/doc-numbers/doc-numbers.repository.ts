import type { DocumentSeries } from "@duban/domain";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { documentNumberPrefixes, documentNumberSequences, tenants } from "../../db/schema.js";

/**
 * Takes the next sequence number of a tenant's series and year: the first taker inserts 1, later ones increment
 * under the row lock, which holds until the caller's transaction ends.
 */
export async function takeSequence(
  tx: DbOrTx,
  key: { tenantId: string; series: DocumentSeries; year: number },
): Promise<number> {
  const s = documentNumberSequences;
  const [row] = await tx
    .insert(s)
    .values({ ...key, lastSeq: 1 })
    .onConflictDoUpdate({ target: [s.tenantId, s.series, s.year], set: { lastSeq: sql`${s.lastSeq} + 1` } })
    .returning({ seq: s.lastSeq });
  return row!.seq;
}

/** The prefixes a tenant has set, by series, and the settings' version: the sum of the rows' saves. */
export async function findPrefixes(
  db: DbOrTx,
  tenantId: string,
): Promise<{ prefixes: Map<DocumentSeries, string>; version: number }> {
  const rows = await db
    .select({
      series: documentNumberPrefixes.series,
      prefix: documentNumberPrefixes.prefix,
      version: documentNumberPrefixes.version,
    })
    .from(documentNumberPrefixes)
    .where(eq(documentNumberPrefixes.tenantId, tenantId));
  return {
    prefixes: new Map(rows.map((r) => [r.series, r.prefix])),
    version: rows.reduce((sum, r) => sum + r.version, 0),
  };
}

/**
 * Queues concurrent saves of a tenant's prefixes behind one another until the caller's transaction ends, so each
 * checks the version the previous one left. The tenant row's NO KEY UPDATE lock does not hold up inserts whose
 * foreign keys point at the tenant.
 */
export async function lockTenantPrefixes(tx: DbOrTx, tenantId: string): Promise<void> {
  await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId)).for("no key update");
}

/** The tenant's name, from which the default prefixes come. */
export async function findTenantName(db: DbOrTx, tenantId: string): Promise<string> {
  const [row] = await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
  return row?.name ?? "";
}

/** Saves the prefix of one series, replacing the one set before. */
export async function savePrefix(
  tx: DbOrTx,
  input: { tenantId: string; series: DocumentSeries; prefix: string; now: Date },
): Promise<void> {
  const p = documentNumberPrefixes;
  await tx
    .insert(p)
    .values({
      tenantId: input.tenantId,
      series: input.series,
      prefix: input.prefix,
      version: 1,
      updatedAt: input.now,
    })
    .onConflictDoUpdate({
      target: [p.tenantId, p.series],
      set: { prefix: input.prefix, version: sql`${p.version} + 1`, updatedAt: input.now },
    });
}
