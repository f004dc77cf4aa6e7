import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";

/** The latest approved report of a node: what a superior's roll-up shows as the county's summary. */
export interface LatestApprovedRow {
  id: string;
  cycleName: string;
  doneText: string;
  reviewedAt: Date | null;
}

/**
 * The node's approved report a page of its reports would list first (cycle due latest, then submitted latest,
 * unit name, id), in one statement that reads only the reports of that cycle: the cycle is the latest one with
 * any approved report of the node (an index probe per cycle), then one probe of `reports_cycle_assignment_key` per
 * assignment, instead of sorting the node's reports of every cycle of the year. Every step is materialized: from
 * estimates of a row or two the planner would otherwise walk all the node's reports once per cycle. `unitId`
 * limits it to one unit's reports.
 */
export async function findLatestApprovedOfNode(
  db: DbOrTx,
  at: { tenantId: string; nodeId: string; unitId: string | null },
): Promise<LatestApprovedRow | null> {
  const { tenantId, nodeId, unitId } = at;
  const result = (await db.execute(sql`
    with "a" as materialized (
      select "assignments"."id" from "assignments"
      where "assignments"."tenant_id" = ${tenantId} and "assignments"."node_id" = ${nodeId}
        and (${unitId}::uuid is null or "assignments"."unit_id" = ${unitId}::uuid)),
    "c" as materialized (
      select "cy"."id", "cy"."name", "cy"."due_date" from "report_cycles" "cy"
      join "plan_nodes" "n" on "n"."tenant_id" = ${tenantId} and "n"."id" = ${nodeId} and "n"."plan_id" = "cy"."plan_id"
      where "cy"."tenant_id" = ${tenantId}),
    "latest" as materialized (
      select "c"."id", "c"."name" from "c" where "c"."due_date" = (
        select "c2"."due_date" from "c" "c2"
        where exists (select 1 from "a" join "reports" "r" on "r"."tenant_id" = ${tenantId}
                      and "r"."cycle_id" = "c2"."id" and "r"."assignment_id" = "a"."id" and "r"."status" = 'approved')
        order by "c2"."due_date" desc limit 1))
    select "r"."id", "latest"."name" as "cycle_name", "r"."done_text", "r"."reviewed_at"
    from "latest" cross join "a"
    join "reports" "r" on "r"."tenant_id" = ${tenantId} and "r"."cycle_id" = "latest"."id"
      and "r"."assignment_id" = "a"."id" and "r"."status" = 'approved'
    join "units" "u" on "u"."id" = "r"."unit_id"
    order by "r"."submitted_at" desc nulls last, "u"."name", "r"."id" limit 1`)) as unknown as {
    rows: { id: string; cycle_name: string; done_text: string; reviewed_at: Date | string | null }[];
  };
  const row = result.rows[0];
  if (!row) return null;
  return {
    id: row.id,
    cycleName: row.cycle_name,
    doneText: row.done_text,
    reviewedAt: row.reviewed_at === null ? null : new Date(row.reviewed_at),
  };
}
