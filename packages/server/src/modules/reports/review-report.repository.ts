import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { jsonStatement, rowFromJson } from "../../db/json-statement.js";
import type { CycleRow } from "../cycles/index.js";
import type { FileRow } from "../evidence/index.js";
import { type Audience, audienceJson, notifyParts } from "../notifications/index.js";
import type { ReportEventRow, ReportRow } from "./reports.repository.js";
import { reportDates } from "./save-report.repository.js";

/** The two statements of a review: one read of the report in its context, one write of everything it changes. */

const p = (name: string) => sql.placeholder(name);

/** A report as its review needs it, with what the answer shows (values, files, history) and who hears of it. */
export interface ReportReviewContext {
  report: ReportRow;
  cycle: CycleRow;
  unitName: string;
  assignment: { id: string; version: number; nodeId: string };
  node: { leadUnitId: string | null };
  values: { indicatorId: string; value: number }[];
  files: FileRow[];
  events: ReportEventRow[];
  /** The submitter (else the report's unit), who hears of the outcome. */
  audience: Audience;
}

type Raw = Omit<ReportReviewContext, "report" | "cycle" | "files" | "events"> & {
  report: Record<string, unknown>;
  cycle: Record<string, unknown>;
  files: Record<string, unknown>[];
  events: Record<string, unknown>[];
};

function contextStatement(db: Db) {
  return jsonStatement<Raw>(db, "report_review_context", () => {
    const t = p("tenantId");
    return {
      result: sql`(select json_build_object(
        'report', row_to_json("r"),
        'cycle', row_to_json("c"),
        'unitName', "u"."name",
        'assignment', json_build_object('id', "a"."id", 'version', "a"."version", 'nodeId', "a"."node_id"),
        'node', json_build_object('leadUnitId', "n"."lead_unit_id"),
        'values', coalesce((select json_agg(json_build_object('indicatorId', "v"."indicator_id", 'value', "v"."value"))
          from "report_values" "v" where "v"."tenant_id" = ${t} and "v"."report_id" = "r"."id"), '[]'::json),
        'files', coalesce((select json_agg(row_to_json("f") order by "rf"."position", "f"."created_at", "f"."id")
          from "report_files" "rf"
          join "files" "f" on "f"."id" = "rf"."file_id"
          where "rf"."tenant_id" = ${t} and "rf"."report_id" = "r"."id"), '[]'::json),
        'events', coalesce((select json_agg(row_to_json("e") order by "e"."id") from "report_events" "e"
          where "e"."tenant_id" = ${t} and "e"."report_id" = "r"."id"), '[]'::json),
        'audience', ${audienceJson(
          t,
          // Written as an OR of two indexed lookups (the person, or the unit's people), not a CASE, which the
          // planner can only answer by reading every user of the bureau.
          sql`(("r"."submitted_by" is null and "nu"."unit_id" = "r"."unit_id") or "nu"."id" = "r"."submitted_by")`,
          sql`("cs"."unit_id" is null or "cs"."unit_id" = "r"."unit_id" or "cs"."unit_id" = (select "su"."unit_id"
            from "users" "su" where "su"."tenant_id" = ${t} and "su"."id" = "r"."submitted_by"))`,
        )})
      from "reports" "r"
      join "report_cycles" "c" on "c"."id" = "r"."cycle_id"
      join "units" "u" on "u"."id" = "r"."unit_id"
      join "assignments" "a" on "a"."id" = "r"."assignment_id"
      join "plan_nodes" "n" on "n"."id" = "a"."node_id"
      where "r"."tenant_id" = ${t} and "r"."id" = ${p("id")}::uuid)`,
    };
  });
}

/** Reads a report of the tenant for its review in one statement; null when there is none. */
export async function findReportReviewContext(
  db: Db,
  key: { tenantId: string; id: string },
): Promise<ReportReviewContext | null> {
  const raw = await contextStatement(db).execute(key);
  if (!raw) return null;
  return {
    ...raw,
    report: rowFromJson<ReportRow>(raw.report, reportDates),
    cycle: rowFromJson<CycleRow>(raw.cycle, ["closedAt", "createdAt"]),
    files: raw.files.map((f) => rowFromJson<FileRow>(f, ["createdAt"])),
    events: raw.events.map((e) => rowFromJson<ReportEventRow>(e, ["createdAt"])),
  };
}

function writeStatement(db: Db) {
  return jsonStatement<RawReviewed>(db, "report_review", () => {
    const t = p("tenantId");
    const approve = sql`${p("approve")}::boolean`;
    const assignmentId = sql`${p("assignmentId")}::uuid`;
    const progress = sql`${p("progress")}::float8`;
    return {
      parts: [
        // An approval holds the assignment at the version read, so its progress moves with the report or not at all.
        [
          "held",
          sql`select "ha"."id" from "assignments" "ha" where "ha"."tenant_id" = ${t} and "ha"."id" = ${assignmentId}
            and "ha"."version" = ${p("assignmentVersion")}::int and ${approve} for update`,
        ],
        [
          "saved",
          sql`update "reports" set "status" = ${p("status")}::text, "reviewed_at" = ${p("now")}::timestamptz,
              "reviewed_by" = ${p("actorId")}::uuid, "return_reason" = ${p("returnReason")}::text,
              "version" = "reports"."version" + 1, "updated_at" = ${p("updatedAt")}::timestamptz
            where "reports"."tenant_id" = ${t} and "reports"."id" = ${p("id")}::uuid
              and "reports"."version" = ${p("version")}::int and (not ${approve} or exists (select 1 from "held"))
            returning *`,
        ],
        [
          "event",
          sql`insert into "report_events" ("tenant_id", "report_id", "action", "reason", "actor_id", "actor_name")
            select "saved"."tenant_id", "saved"."id", ${p("action")}::text, ${p("reason")}::text,
              ${p("actorId")}::uuid, ${p("actorName")}::text
            from "saved" returning *`,
        ],
        [
          "moved",
          sql`update "assignments" set "progress" = ${progress}, "version" = "assignments"."version" + 1,
              "updated_at" = ${p("updatedAt")}::timestamptz
            where "assignments"."tenant_id" = ${t} and "assignments"."id" = ${assignmentId}
              and exists (select 1 from "saved") and exists (select 1 from "held")
            returning "node_id"`,
        ],
        // The task's progress from its active assignments, this one at its new progress: in a function that locks
        // the task row before reading them, so two approvals of one task at once both count (migrations
        // `task_progress_roll_up`, `task_progress_sums`). A select CTE runs only when read: the result reads it.
        [
          "rolled",
          sql`select roll_up_task_progress(${t}::uuid, "moved"."node_id", ${assignmentId}, ${progress}) as "n"
            from "moved"`,
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
      ],
      result: sql`json_build_object('report', (select row_to_json("saved") from "saved"),
        'event', (select row_to_json("event") from "event"),
        'assignmentHeld', not ${approve} or exists (select 1 from "held"),
        'rolled', (select count(*) from "rolled"))`,
    };
  });
}

type RawReviewed = {
  report: Record<string, unknown> | null;
  event: Record<string, unknown> | null;
  assignmentHeld: boolean;
};

/** Everything one review writes, as the statement's parameters. */
export interface ReportReview {
  tenantId: string;
  id: string;
  version: number;
  approve: boolean;
  status: string;
  returnReason: string | null;
  reason: string | null;
  now: Date;
  /** On approval: the assignment at the version read, and the progress it takes. */
  assignment: { id: string; version: number; progress: number };
  actor: { id: string; name: string; ip: string | null };
  audit: { action: string; summary: unknown };
  notifications: string;
  deliveries: string;
}

/**
 * Reviews a report in one statement: the report if its version still matches, its history, on approval the
 * assignment's progress (if its version still matches too) and the task's, the notification and the audit row.
 */
export async function writeReview(db: Db, r: ReportReview) {
  const raw = await writeStatement(db).execute({
    tenantId: r.tenantId,
    id: r.id,
    version: r.version,
    approve: r.approve,
    status: r.status,
    returnReason: r.returnReason,
    reason: r.reason,
    now: r.now,
    updatedAt: new Date(),
    action: r.approve ? "approve" : "return",
    assignmentId: r.assignment.id,
    assignmentVersion: r.assignment.version,
    progress: r.assignment.progress,
    actorId: r.actor.id,
    actorName: r.actor.name,
    ip: r.actor.ip,
    auditAction: r.audit.action,
    summary: JSON.stringify(r.audit.summary),
    notifications: r.notifications,
    deliveries: r.deliveries,
  });
  return {
    report: raw?.report ? rowFromJson<ReportRow>(raw.report, reportDates) : null,
    event: raw?.event ? rowFromJson<ReportEventRow>(raw.event, ["createdAt"]) : null,
    assignmentHeld: raw?.assignmentHeld ?? false,
  };
}
