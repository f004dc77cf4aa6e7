import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { jsonStatement, rowFromJson } from "../../db/json-statement.js";
import { likePattern } from "../audit/index.js";
import type { AssignmentRow } from "./assignments.repository.js";

/**
 * A page of a task's assignment list in one prepared statement: the filters and the count over the task's short
 * rows, and only the page's assignments read in full with their unit's name, measure and indicators. The list
 * order is that of `findNodeAssignmentKeys` (the task is one node, so its position orders nothing).
 */

const p = (name: string) => sql.placeholder(name);

/** An assignment of the page as read, before the task and plan (known to the caller) join it. */
export interface AssignmentPageRow {
  assignment: AssignmentRow;
  unitName: string;
  measureText: string | null;
  indicatorIds: string[];
}

type Raw = {
  total: number;
  items: {
    assignment: Record<string, unknown>;
    unitName: string;
    measureText: string | null;
    indicatorIds: string[];
  }[];
};

const assignmentDates = ["acknowledgedAt", "removedAt", "createdAt", "updatedAt"] as const;

function pageStatement(db: Db) {
  return jsonStatement<Raw>(db, "node_assignment_page", () => {
    const t = sql`${p("tenantId")}::uuid`;
    const q = sql`${p("q")}::text`;
    const order = sql`"f"."sort_order", "f"."unit_name", "f"."id"`;
    return {
      parts: [
        [
          "f",
          sql`select "a"."id", "u"."sort_order", "u"."name" as "unit_name" from "assignments" "a"
            join "units" "u" on "u"."id" = "a"."unit_id"
            where "a"."tenant_id" = ${t} and "a"."node_id" = ${p("nodeId")}::uuid
              and (${p("unitId")}::uuid is null or "a"."unit_id" = ${p("unitId")}::uuid)
              and (${p("status")}::text is null or "a"."status" = ${p("status")}::text)
              and (${q} is null or "u"."name" ilike ${q} or "a"."responsible_person" ilike ${q})`,
        ],
        [
          "page",
          sql`select "f"."id", "f"."unit_name", row_number() over (order by ${order}) as "n" from "f"
            order by ${order} limit ${p("limit")}::int offset ${p("offset")}::int`,
        ],
      ],
      result: sql`json_build_object(
        'total', (select count(*) from "f"),
        'items', coalesce((select json_agg(json_build_object(
            'assignment', row_to_json("a"),
            'unitName', "page"."unit_name",
            'measureText', "m"."text",
            'indicatorIds', coalesce((select json_agg("ai"."indicator_id") from "assignment_indicators" "ai"
              where "ai"."tenant_id" = ${t} and "ai"."assignment_id" = "a"."id"), '[]'::json)
          ) order by "page"."n")
          from "page" join "assignments" "a" on "a"."tenant_id" = ${t} and "a"."id" = "page"."id"
          left join "measures" "m" on "m"."id" = "a"."measure_id"), '[]'::json))`,
    };
  });
}

/** A page of a node's assignments matching the filters, in list order, and how many match in all. */
export async function findNodeAssignmentPage(
  db: Db,
  tenantId: string,
  query: {
    nodeId: string;
    unitId?: string | undefined;
    status?: string | undefined;
    q?: string | undefined;
    page: { limit: number; offset: number };
  },
): Promise<{ total: number; rows: AssignmentPageRow[] }> {
  const raw = await pageStatement(db).execute({
    tenantId,
    nodeId: query.nodeId,
    unitId: query.unitId ?? null,
    status: query.status ?? null,
    q: query.q ? likePattern(query.q) : null,
    limit: query.page.limit,
    offset: query.page.offset,
  });
  return {
    total: Number(raw?.total ?? 0),
    rows: (raw?.items ?? []).map((r) => ({
      ...r,
      assignment: rowFromJson<AssignmentRow>(r.assignment, assignmentDates),
    })),
  };
}
