import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";

/** A unit's latest approved value of an indicator, with the cycle and time of its approval. */
export interface ApprovedValue {
  indicatorId: string;
  unitId: string;
  value: number;
  at: Date | null;
  cycleId: string;
}

/**
 * The statement behind each unit's latest approved value of each indicator of a plan (the plan page's and the
 * cockpit's keeps its own copy, bounded by an instant of approval). The plan's approved reports (one index-only range per
 * cycle of `reports_approved_idx`) and its values are each read once and joined by hash: joined row by row,
 * every value looked its report up in the primary key, which costs a few buffers per value on a province's
 * millions of reports instead of a scan of the county's own. Both sides are materialized so the join is not
 * planned from estimates of a few dozen rows into a loop over thousands.
 */
function approvedValuesSql(tenantId: string, planId: string): SQL {
  return sql`
    with "r" as materialized (
      select "reports"."id", "reports"."unit_id", "reports"."reviewed_at", "reports"."cycle_id" from "reports"
      where "reports"."tenant_id" = ${tenantId} and "reports"."status" = 'approved'
        and "reports"."cycle_id" in (select "report_cycles"."id" from "report_cycles"
          where "report_cycles"."tenant_id" = ${tenantId} and "report_cycles"."plan_id" = ${planId})),
    "v" as materialized (
      select "report_values"."report_id", "report_values"."indicator_id", "report_values"."value"
      from "report_values" join "indicators" on "indicators"."id" = "report_values"."indicator_id"
      where "report_values"."tenant_id" = ${tenantId} and "indicators"."tenant_id" = ${tenantId}
        and "indicators"."plan_id" = ${planId})
    select distinct on ("v"."indicator_id", "r"."unit_id") "v"."indicator_id", "r"."unit_id", "v"."value",
      "r"."reviewed_at", "r"."cycle_id"
    from "v" join "r" on "r"."id" = "v"."report_id"
    order by "v"."indicator_id", "r"."unit_id", "r"."reviewed_at" desc nulls last`;
}

/**
 * Each unit's latest approved value of each indicator of a plan, with the cycle and time of approval: what an
 * indicator's actual is built from. One row per indicator and unit, not one per report of the year.
 */
export async function findApprovedValues(
  db: DbOrTx,
  tenantId: string,
  planId: string,
): Promise<ApprovedValue[]> {
  const result = (await db.execute(approvedValuesSql(tenantId, planId))) as unknown as {
    rows: {
      indicator_id: string;
      unit_id: string;
      value: number | string;
      reviewed_at: Date | string | null;
      cycle_id: string;
    }[];
  };
  return result.rows.map((r) => ({
    indicatorId: r.indicator_id,
    unitId: r.unit_id,
    value: Number(r.value),
    at: r.reviewed_at === null ? null : new Date(r.reviewed_at),
    cycleId: r.cycle_id,
  }));
}
