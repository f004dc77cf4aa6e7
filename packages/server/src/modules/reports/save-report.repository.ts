import type { AssignmentStatus } from "@duban/domain";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { jsonStatement, rowFromJson } from "../../db/json-statement.js";
import { idArray } from "../../db/sql-array.js";
import type { CycleRow } from "../cycles/index.js";
import type { FileRow } from "../evidence/index.js";
import { type Audience, audienceJson, notifyParts } from "../notifications/index.js";
import type { ReportEventRow, ReportRow } from "./reports.repository.js";

/**
 * The two statements of a report's save: one read of everything its checks need, one write of everything it
 * changes. Ids lists travel as PostgreSQL array literals and rows as json, so each statement has one shape and
 * is prepared once.
 */

const p = (name: string) => sql.placeholder(name);

/** The timestamp fields of the rows read back as json. */
export const reportDates = ["createdAt", "updatedAt", "submittedAt", "reviewedAt"] as const;
const eventDates = ["createdAt"] as const;

/** What the checks of a save need, as read: null when the tenant has no such assignment. */
export interface ReportSaveContext {
  assignment: { id: string; unitId: string; planId: string; status: AssignmentStatus };
  node: { leadUnitId: string | null; title: string };
  unitName: string;
  indicatorIds: string[];
  cycle: CycleRow | null;
  rules: { id: string; unit: string; targetValue: number; targetMax: number | null }[];
  files: FileRow[];
  existing: ReportRow | null;
  /** The existing report's history, oldest first. */
  events: ReportEventRow[];
  /** The task's lead department, who hears of a submission. */
  audience: Audience;
}

type Raw = Omit<ReportSaveContext, "cycle" | "files" | "existing" | "events"> & {
  cycle: Record<string, unknown> | null;
  files: Record<string, unknown>[];
  existing: Record<string, unknown> | null;
  events: Record<string, unknown>[];
};

function contextStatement(db: Db) {
  return jsonStatement<Raw>(db, "report_save_context", () => {
    const t = p("tenantId");
    const lead = sql`"n"."lead_unit_id"`;
    return {
      result: sql`(select json_build_object(
        'assignment', json_build_object('id', "a"."id", 'unitId', "a"."unit_id", 'planId', "a"."plan_id",
          'status', "a"."status"),
        'node', json_build_object('leadUnitId', ${lead}, 'title', "n"."title"),
        'unitName', "u"."name",
        'indicatorIds', coalesce((select json_agg("ai"."indicator_id") from "assignment_indicators" "ai"
          where "ai"."tenant_id" = ${t} and "ai"."assignment_id" = "a"."id"), '[]'::json),
        'cycle', (select row_to_json("c") from "report_cycles" "c"
          where "c"."tenant_id" = ${t} and "c"."id" = ${p("cycleId")}::uuid),
        'rules', coalesce((select json_agg(json_build_object('id', "i"."id", 'unit', "i"."unit",
            'targetValue', "i"."target_value", 'targetMax', "i"."target_max"))
          from "indicators" "i" where "i"."tenant_id" = ${t} and "i"."id" = any(${p("indicatorIds")}::uuid[])),
          '[]'::json),
        'files', files_json(${t}, ${p("fileIds")}::uuid[]),
        'existing', case when "r"."id" is null then null else row_to_json("r") end,
        'events', coalesce((select json_agg(row_to_json("e") order by "e"."id") from "report_events" "e"
          where "e"."tenant_id" = ${t} and "e"."report_id" = "r"."id"), '[]'::json),
        'audience', ${audienceJson(
          t,
          sql`"nu"."unit_id" = ${lead} and "nu"."roles" && array['department']`,
          sql`("cs"."unit_id" is null or "cs"."unit_id" = ${lead})`,
        )})
      from "assignments" "a"
      join "plan_nodes" "n" on "n"."id" = "a"."node_id"
      join "units" "u" on "u"."id" = "a"."unit_id"
      left join "reports" "r" on "r"."tenant_id" = "a"."tenant_id" and "r"."assignment_id" = "a"."id"
        and "r"."cycle_id" = ${p("cycleId")}::uuid
      where "a"."tenant_id" = ${t} and "a"."id" = ${p("assignmentId")}::uuid)`,
    };
  });
}

/** Reads in one statement what saving a report on the assignment for the cycle is checked against. */
export async function findReportSaveContext(
  db: Db,
  key: { tenantId: string; assignmentId: string; cycleId: string; indicatorIds: string[]; fileIds: string[] },
): Promise<ReportSaveContext | null> {
  const raw = await contextStatement(db).execute({
    tenantId: key.tenantId,
    assignmentId: key.assignmentId,
    cycleId: key.cycleId,
    indicatorIds: idArray(key.indicatorIds),
    fileIds: idArray([...new Set(key.fileIds)]),
  });
  if (!raw) return null;
  return {
    ...raw,
    cycle: raw.cycle && rowFromJson<CycleRow>(raw.cycle, ["closedAt", "createdAt"]),
    files: raw.files.map((f) => rowFromJson<FileRow>(f, ["createdAt"])),
    existing: raw.existing && rowFromJson<ReportRow>(raw.existing, reportDates),
    events: raw.events.map((e) => rowFromJson<ReportEventRow>(e, eventDates)),
  };
}

/** The columns a save writes, beside the keys. */
export interface ReportFields {
  status: string;
  progress: number;
  doneText: string;
  problemsText: string;
  nextText: string;
  late: boolean;
  submittedAt: Date | null;
  submittedBy: string | null;
  returnReason: string | null;
}

/** The parts after the report's own write (`saved`): its values, files, history, notification and audit row. */
function itemParts(replace: boolean): [string, SQL][] {
  // Old items go first, wholly (the count waits for every deleted row), so a kept value is not a duplicate.
  const after = (part: string) =>
    replace ? sql`cross join (select count(*) from ${sql.identifier(part)}) as "gone"` : sql``;
  const dropped: [string, SQL][] = replace
    ? [
        [
          "dropped_values",
          sql`delete from "report_values" "dv" where "dv"."tenant_id" = ${p("tenantId")}
            and "dv"."report_id" in (select "id" from "saved") returning 1`,
        ],
        [
          "dropped_files",
          sql`delete from "report_files" "df" where "df"."tenant_id" = ${p("tenantId")}
            and "df"."report_id" in (select "id" from "saved") returning 1`,
        ],
      ]
    : [];
  return [
    ...dropped,
    [
      "kept_values",
      sql`insert into "report_values" ("tenant_id", "report_id", "indicator_id", "value")
        select "saved"."tenant_id", "saved"."id", "v"."indicatorId", "v"."value"
        from "saved" cross join jsonb_to_recordset(${p("values")}::jsonb) as "v"("indicatorId" uuid, "value" float8)
        ${after("dropped_values")}`,
    ],
    [
      "kept_files",
      sql`insert into "report_files" ("tenant_id", "report_id", "file_id", "position")
        select "saved"."tenant_id", "saved"."id", "a"."fid", "a"."n"
        from "saved" cross join unnest(${p("fileIds")}::uuid[]) with ordinality as "a"("fid", "n")
        ${after("dropped_files")}`,
    ],
    [
      "event",
      sql`insert into "report_events" ("tenant_id", "report_id", "action", "snapshot", "actor_id", "actor_name")
        select "saved"."tenant_id", "saved"."id", ${p("eventAction")}::text, ${p("snapshot")}::jsonb,
          ${p("actorId")}::uuid, ${p("actorName")}::text
        from "saved" where ${p("eventAction")}::text is not null
        returning *`,
    ],
    ...notifyParts("saved"),
    [
      "audited",
      sql`insert into "audit_logs" ("tenant_id", "actor_id", "actor_name", "action", "entity", "entity_id",
          "summary", "ip")
        select "saved"."tenant_id", ${p("actorId")}::uuid, ${p("actorName")}::text, ${p("auditAction")}::text,
          'report', "saved"."id"::text, ${p("summary")}::jsonb, ${p("ip")}::text
        from "saved" returning 1`,
    ],
  ];
}

const answer = sql`json_build_object('report', (select row_to_json("saved") from "saved"),
  'event', (select row_to_json("event") from "event"))`;

function insertStatement(db: Db) {
  return jsonStatement<RawSaved>(db, "report_save_insert", () => ({
    parts: [
      [
        "saved",
        sql`insert into "reports" ("id", "tenant_id", "cycle_id", "assignment_id", "unit_id", "status", "progress",
            "done_text", "problems_text", "next_text", "late", "submitted_at", "submitted_by", "return_reason")
          values (${p("id")}::uuid, ${p("tenantId")}::uuid, ${p("cycleId")}::uuid, ${p("assignmentId")}::uuid,
            ${p("unitId")}::uuid, ${p("status")}::text, ${p("progress")}::float8, ${p("doneText")}::text,
            ${p("problemsText")}::text, ${p("nextText")}::text, ${p("late")}::boolean,
            ${p("submittedAt")}::timestamptz, ${p("submittedBy")}::uuid, ${p("returnReason")}::text)
          returning *`,
      ],
      ...itemParts(false),
    ],
    result: answer,
  }));
}

function updateStatement(db: Db) {
  return jsonStatement<RawSaved>(db, "report_save_update", () => ({
    parts: [
      [
        "saved",
        sql`update "reports" set "status" = ${p("status")}::text, "progress" = ${p("progress")}::float8,
            "done_text" = ${p("doneText")}::text, "problems_text" = ${p("problemsText")}::text,
            "next_text" = ${p("nextText")}::text, "late" = ${p("late")}::boolean,
            "submitted_at" = ${p("submittedAt")}::timestamptz, "submitted_by" = ${p("submittedBy")}::uuid,
            "return_reason" = ${p("returnReason")}::text, "version" = "reports"."version" + 1,
            "updated_at" = ${p("updatedAt")}::timestamptz
          where "reports"."tenant_id" = ${p("tenantId")}::uuid and "reports"."id" = ${p("id")}::uuid
            and "reports"."version" = ${p("version")}::int
          returning *`,
      ],
      ...itemParts(true),
    ],
    result: answer,
  }));
}

type RawSaved = { report: Record<string, unknown> | null; event: Record<string, unknown> | null };

/** Everything one save writes, as the statement's parameters. */
export interface ReportWrite {
  /** The report's id: a new one for a first save, else the existing one's. */
  id: string;
  tenantId: string;
  cycleId: string;
  assignmentId: string;
  unitId: string;
  fields: ReportFields;
  /** The existing report's version, when it is updated. */
  version: number | null;
  values: { indicatorId: string; value: number }[];
  fileIds: string[];
  event: { action: string; snapshot: unknown } | null;
  actor: { id: string; name: string; ip: string | null };
  audit: { action: string; summary: unknown };
  notifications: string;
  deliveries: string;
}

/**
 * Writes a report with its values, files, history entry, notification and audit row in one statement: a new
 * report when `version` is null, else the existing one if its version still matches. Null when it did not.
 */
export async function writeReport(
  db: Db,
  w: ReportWrite,
): Promise<{ report: ReportRow; event: ReportEventRow | null } | null> {
  const statement = w.version === null ? insertStatement(db) : updateStatement(db);
  const raw = await statement.execute({
    ...w.fields,
    id: w.id,
    tenantId: w.tenantId,
    cycleId: w.cycleId,
    assignmentId: w.assignmentId,
    unitId: w.unitId,
    version: w.version,
    updatedAt: new Date(),
    values: JSON.stringify(w.values),
    fileIds: idArray([...new Set(w.fileIds)]),
    eventAction: w.event?.action ?? null,
    snapshot: w.event ? JSON.stringify(w.event.snapshot) : null,
    actorId: w.actor.id,
    actorName: w.actor.name,
    ip: w.actor.ip,
    auditAction: w.audit.action,
    summary: JSON.stringify(w.audit.summary),
    notifications: w.notifications,
    deliveries: w.deliveries,
  });
  if (!raw?.report) return null;
  return {
    report: rowFromJson<ReportRow>(raw.report, reportDates),
    event: raw.event && rowFromJson<ReportEventRow>(raw.event, eventDates),
  };
}
