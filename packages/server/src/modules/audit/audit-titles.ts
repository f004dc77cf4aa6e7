import type { AuditEntity } from "@duban/domain";
import { type SQL, sql } from "drizzle-orm";
import { auditLogs } from "../../db/schema.js";

// Each title is read from the record's own table in the entry's tenant, by the entry's id. A unit's name is added
// where the record belongs to a unit, since "任务 3 · 第一中学" is what the admin recognises.
const nodeAndUnit = (table: string) =>
  `(select n.title || ' · ' || u.name from ${table} r join plan_nodes n on n.id = r.node_id ` +
  `join units u on u.id = r.unit_id where r.id = $id and r.tenant_id = $tenant)`;

const titleQueries: Partial<Record<AuditEntity, string>> = {
  user: "(select name from users where id = $id and tenant_id = $tenant)",
  unit: "(select name from units where id = $id and tenant_id = $tenant)",
  group: "(select name from unit_groups where id = $id and tenant_id = $tenant)",
  plan_import:
    "(select coalesce(draft->>'title', filename) from plan_imports where id = $id and tenant_id = $tenant)",
  plan: "(select title from plans where id = $id and tenant_id = $tenant)",
  plan_node: "(select title from plan_nodes where id = $id and tenant_id = $tenant)",
  measure: "(select left(text, 40) from measures where id = $id and tenant_id = $tenant)",
  milestone: "(select title from milestones where id = $id and tenant_id = $tenant)",
  indicator: "(select name from indicators where id = $id and tenant_id = $tenant)",
  assignment: nodeAndUnit("assignments"),
  report_cycle:
    "(select p.title || ' · ' || c.name from report_cycles c join plans p on p.id = c.plan_id " +
    "where c.id = $id and c.tenant_id = $tenant)",
  report:
    "(select n.title || ' · ' || u.name || ' · ' || c.name from reports r " +
    "join assignments a on a.id = r.assignment_id join plan_nodes n on n.id = a.node_id " +
    "join units u on u.id = r.unit_id join report_cycles c on c.id = r.cycle_id " +
    "where r.id = $id and r.tenant_id = $tenant)",
  supervision_notice: nodeAndUnit("supervision_notices"),
  extension_request: nodeAndUnit("extension_requests"),
  file: "(select filename from files where id = $id and tenant_id = $tenant)",
  inspection:
    "(select u.name || ' · ' || i.visit_date from inspections i join units u on u.id = i.unit_id " +
    "where i.id = $id and i.tenant_id = $tenant)",
  rectification:
    "(select u.name || ' · ' || left(r.problem, 40) from rectifications r join units u on u.id = r.unit_id " +
    "where r.id = $id and r.tenant_id = $tenant)",
  instruction: "(select left(text, 40) from leader_instructions where id = $id and tenant_id = $tenant)",
  hand_down: "(select title from hand_downs where id = $id and tenant_id = $tenant)",
  cascade_link:
    "(select h.title from cascade_links l join hand_downs h on h.id = l.hand_down_id " +
    "where l.id = $id and l.tenant_id = $tenant)",
  // A cross-bureau notice is the superior's row; the subordinate's reply entry names it too.
  cascade_notice:
    "(select coalesce(c.document_number || ' · ', '') || h.title from cascade_notices c " +
    "join hand_downs h on h.id = c.hand_down_id where c.id = $id and $tenant in (c.tenant_id, c.to_tenant_id))",
  upward_report:
    "(select h.title || ' · 第' || r.version || '次报送' from upward_reports r " +
    "join cascade_links l on l.id = r.cascade_link_id join hand_downs h on h.id = l.hand_down_id " +
    "where r.id = $id and r.tenant_id = $tenant)",
};

// Only well-formed ids are cast to uuid: an entry with another kind of id must not fail the whole page.
const uuidPattern = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

/**
 * The title of the record an audit entry names, as it is called today: one CASE over the entry's kind, each arm
 * a correlated lookup by id within the entry's tenant. Null when the kind has no title or the record is gone.
 */
export function entityTitleSql(): SQL<string | null> {
  const id = `${auditLogs.entityId.name}::uuid`;
  const arms = Object.entries(titleQueries).map(
    ([entity, query]) =>
      `when '${entity}' then ${query.replaceAll("$id", `audit_logs.${id}`).replaceAll("$tenant", "audit_logs.tenant_id")}`,
  );
  return sql<
    string | null
  >`case when ${auditLogs.entityId} ~ ${uuidPattern} then (case ${auditLogs.entity} ${sql.raw(
    arms.join(" "),
  )} end) end`;
}
