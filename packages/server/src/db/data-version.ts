import { type SQL, sql } from "drizzle-orm";
import { dataVersions } from "./schema.js";

/**
 * A tenant's data version as text (see `dataVersions`): the sum of its slots, "0" before its first counted write.
 * Every counted commit adds 1 to one slot, so the sum grows with each of them; read in one statement, it is the
 * count of the commits that statement sees.
 */
export function dataVersionOf(tenantId: string | SQL): SQL<string> {
  // Written out in full: drizzle leaves a subquery's columns unqualified.
  return sql<string>`coalesce((select sum("data_versions"."version") from ${dataVersions}
    where "data_versions"."tenant_id" = ${tenantId}), 0)::text`;
}
