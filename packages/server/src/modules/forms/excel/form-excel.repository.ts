import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client.js";
import { formSubmissions, units } from "../../../db/schema.js";

/**
 * Every submission of a round with its unit's name and code, in the unit register's order: the template's rows
 * and what an upload is compared with.
 */
export async function findRoundSheetRows(db: DbOrTx, tenantId: string, roundId: string) {
  return db
    .select({
      id: formSubmissions.id,
      unitId: formSubmissions.unitId,
      unitName: units.name,
      unitCode: units.code,
      status: formSubmissions.status,
      values: formSubmissions.values,
      version: formSubmissions.version,
      submittedAt: formSubmissions.submittedAt,
    })
    .from(formSubmissions)
    .innerJoin(units, eq(units.id, formSubmissions.unitId))
    .where(and(eq(formSubmissions.tenantId, tenantId), eq(formSubmissions.roundId, roundId)))
    .orderBy(asc(units.sortOrder), asc(units.name), asc(formSubmissions.id));
}

/** One audience unit's submission as the sheet sees it. */
export type RoundSheetRow = Awaited<ReturnType<typeof findRoundSheetRows>>[number];
