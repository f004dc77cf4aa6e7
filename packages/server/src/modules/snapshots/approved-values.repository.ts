import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";

/**
 * Each unit's latest value of each indicator of a plan approved by `until`. The plan's approved reports (an
 * index-only range of `reports_approved_idx` per cycle) and its values are each read once and joined by hash,
 * both materialized so the planner does not loop over thousands of values into the primary key of a
 * province's millions of reports (the plan page's statement in the plans module is the same join).
 */
export async function findApprovedValuesUntil(
  db: DbOrTx,
  at: { tenantId: string; planId: string; until: Date },
): Promise<{ indicatorId: string; unitId: string; value: number; at: Date | null }[]> {
  const { tenantId, planId } = at;
  const result = (await db.execute(sql`
    with "r" as materialized (
      select "reports"."id", "reports"."unit_id", "reports"."reviewed_at" from "reports"
      where "reports"."tenant_id" = ${tenantId} and "reports"."status" = 'approved'
        and "reports"."reviewed_at" <= ${at.until.toISOString()}::timestamptz
        and "reports"."cycle_id" in (select "report_cycles"."id" from "report_cycles"
          where "report_cycles"."tenant_id" = ${tenantId} and "report_cycles"."plan_id" = ${planId})),
    "v" as materialized (
      select "report_values"."report_id", "report_values"."indicator_id", "report_values"."value"
      from "report_values" join "indicators" on "indicators"."id" = "report_values"."indicator_id"
      where "report_values"."tenant_id" = ${tenantId} and "indicators"."tenant_id" = ${tenantId}
        and "indicators"."plan_id" = ${planId})
    select distinct on ("v"."indicator_id", "r"."unit_id") "v"."indicator_id", "r"."unit_id", "v"."value",
      "r"."reviewed_at"
    from "v" join "r" on "r"."id" = "v"."report_id"
    order by "v"."indicator_id", "r"."unit_id", "r"."reviewed_at" desc`)) as unknown as {
    rows: {
      indicator_id: string;
      unit_id: string;
      value: number | string;
      reviewed_at: Date | string | null;
    }[];
  };
  return result.rows.map((r) => ({
    indicatorId: r.indicator_id,
    unitId: r.unit_id,
    value: Number(r.value),
    at: r.reviewed_at === null ? null : new Date(r.reviewed_at),
  }));
}
