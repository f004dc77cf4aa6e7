import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { unitKeywords, units } from "../../db/schema.js";

/** The tenant's keyword → unit dictionary, with unit names. */
export async function findKeywords(db: DbOrTx, tenantId: string) {
  return db
    .select({ keyword: unitKeywords.keyword, unitId: unitKeywords.unitId, unitName: units.name })
    .from(unitKeywords)
    .innerJoin(units, eq(units.id, unitKeywords.unitId))
    .where(and(eq(unitKeywords.tenantId, tenantId), eq(units.enabled, true)))
    .orderBy(asc(unitKeywords.keyword));
}

/** Replaces the whole dictionary. */
export async function replaceKeywords(
  db: DbOrTx,
  tenantId: string,
  entries: { keyword: string; unitId: string }[],
) {
  await db.delete(unitKeywords).where(eq(unitKeywords.tenantId, tenantId));
  if (entries.length) await db.insert(unitKeywords).values(entries.map((e) => ({ tenantId, ...e })));
}
