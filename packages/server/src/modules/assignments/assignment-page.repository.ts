import type { NodeStatus } from "@duban/domain";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { jsonStatement, rowFromJson } from "../../db/json-statement.js";
import { likePattern } from "../audit/index.js";
import type { AssignmentRow, NodeAssignmentFilter } from "./assignments.repository.js";

/**
 * A page of a task's assignment list in one prepared statement: the filters and the count over the task's short
 * rows, and only the page's assignments read in full with their unit's name, measure and indicators, beside the
 * task and plan (one read of the whole answer, so a task of 300 schools costs one round trip). The list
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

/** The task and plan fields an assignment's light and abilities need. */
export interface AssignmentPageTask {
  node: {
    id: string;
    title: string;
    label: string | null;
    number: number | null;
    leadUnitId: string | null;
    startDate: string | null;
    dueDate: string | null;
    status: NodeStatus;
  };
  plan: { id: string; year: number; title: string; lightTolerance: number };
}

type Raw = AssignmentPageTask & {
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
      result: sql`(select json_build_object(
        'node', json_build_object('id', "n"."id", 'title', "n"."title", 'label', "n"."label", 'number', "n"."number",
          'leadUnitId', "n"."lead_unit_id", 'startDate', "n"."start_date", 'dueDate', "n"."due_date",
          'status', "n"."status"),
        'plan', json_build_object('id', "pl"."id", 'year', "pl"."year", 'title', "pl"."title",
          'lightTolerance', "pl"."light_tolerance"),
        'total', (select count(*) from "f"),
        'items', coalesce((select json_agg(json_build_object(
            'assignment', row_to_json("a"),
            'unitName', "page"."unit_name",
            'measureText', "m"."text",
            'indicatorIds', coalesce((select json_agg("ai"."indicator_id") from "assignment_indicators" "ai"
              where "ai"."tenant_id" = ${t} and "ai"."assignment_id" = "a"."id"), '[]'::json)
          ) order by "page"."n")
          from "page" join "assignments" "a" on "a"."tenant_id" = ${t} and "a"."id" = "page"."id"
          left join "measures" "m" on "m"."id" = "a"."measure_id"), '[]'::json))
        from "plan_nodes" "n" join "plans" "pl" on "pl"."id" = "n"."plan_id"
        where "n"."tenant_id" = ${t} and "n"."id" = ${p("nodeId")}::uuid)`,
    };
  });
}

/**
 * The task with a page of its assignments matching the filters, in list order, and how many match in all; null
 * when the tenant has no such task.
 */
export async function findNodeAssignmentPage(
  db: Db,
  tenantId: string,
  query: NodeAssignmentFilter & { page: { limit: number; offset: number } },
): Promise<(AssignmentPageTask & { total: number; rows: AssignmentPageRow[] }) | null> {
  const raw = await pageStatement(db).execute({
    tenantId,
    nodeId: query.nodeId,
    unitId: query.unitId ?? null,
    status: query.status ?? null,
    q: query.q ? likePattern(query.q) : null,
    limit: query.page.limit,
    offset: query.page.offset,
  });
  if (!raw) return null;
  return {
    node: raw.node,
    plan: raw.plan,
    total: Number(raw.total),
    rows: raw.items.map((r) => ({
      ...r,
      assignment: rowFromJson<AssignmentRow>(r.assignment, assignmentDates),
    })),
  };
}
