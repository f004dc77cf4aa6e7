import {
  assignmentRoles,
  assignmentStatuses,
  cycleKinds,
  cycleStatuses,
  nodeClosureStatuses,
  reportStatuses,
} from "@duban/domain";
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { files, units, users } from "./accounts.js";
import { createdAt, updatedAt } from "./columns.js";
import { oneOf } from "./enum-check.js";
import { indicators, measures, planNodes, plans } from "./plans.js";
import { tenantRef } from "./tenant-ref.js";

/** A task (or one of its measures) handed to one unit（交办）. */
export const assignments = pgTable(
  "assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    nodeId: uuid("node_id")
      .notNull()
      .references(() => planNodes.id),
    measureId: uuid("measure_id").references(() => measures.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    role: text("role", { enum: assignmentRoles }).notNull(),
    responsiblePerson: text("responsible_person"),
    dueDate: text("due_date"),
    /** active, or removed (kept for history). */
    status: text("status", { enum: assignmentStatuses }).notNull().default("active"),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id),
    /** Progress of the latest approved report, 0–100. */
    progress: doublePrecision("progress").notNull().default(0),
    weight: doublePrecision("weight").notNull().default(1),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    removedReason: text("removed_reason"),
    createdBy: uuid("created_by").references(() => users.id),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("assignments_node_idx").on(t.tenantId, t.nodeId),
    index("assignments_unit_idx").on(t.tenantId, t.unitId),
    // One live assignment per unit and item; removed ones stay as history.
    uniqueIndex("assignments_live_key")
      .on(
        t.tenantId,
        t.nodeId,
        sql`coalesce(${t.measureId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
        t.unitId,
      )
      .where(sql`${t.status} = 'active'`),
    check("assignments_role_check", oneOf(t.role, assignmentRoles)),
    check("assignments_status_check", oneOf(t.status, assignmentStatuses)),
  ],
);

/** Indicators a unit reports values for on an assignment. */
export const assignmentIndicators = pgTable(
  "assignment_indicators",
  {
    tenantId: tenantRef(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id),
  },
  (t) => [uniqueIndex("assignment_indicators_key").on(t.tenantId, t.assignmentId, t.indicatorId)],
);

/** A reporting period of a plan: while open, every active assignment owes one report. */
export const reportCycles = pgTable(
  "report_cycles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: cycleKinds }).notNull(),
    startDate: text("start_date").notNull(),
    dueDate: text("due_date").notNull(),
    status: text("status", { enum: cycleStatuses }).notNull().default("open"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("report_cycles_plan_idx").on(t.tenantId, t.planId),
    check("report_cycles_kind_check", oneOf(t.kind, cycleKinds)),
    check("report_cycles_status_check", oneOf(t.status, cycleStatuses)),
  ],
);

/** A unit's progress report（反馈）on one assignment for one cycle. */
export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => reportCycles.id),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    /** draft, submitted, returned or approved. */
    status: text("status", { enum: reportStatuses }).notNull().default("draft"),
    progress: doublePrecision("progress").notNull(),
    doneText: text("done_text").notNull().default(""),
    problemsText: text("problems_text").notNull().default(""),
    nextText: text("next_text").notNull().default(""),
    late: boolean("late").notNull().default(false),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: uuid("submitted_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    returnReason: text("return_reason"),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One report per assignment and cycle: resubmission edits it, history lives in report_events.
    uniqueIndex("reports_cycle_assignment_key").on(t.tenantId, t.cycleId, t.assignmentId),
    index("reports_assignment_idx").on(t.tenantId, t.assignmentId),
    // A plan's approved reports as an index-only range per cycle (the plan page's and cockpit's latest values):
    // on a province's millions of reports, reading the county's own beats a primary-key probe per value.
    index("reports_approved_idx")
      .on(t.tenantId, t.cycleId, t.id, t.unitId, t.reviewedAt)
      .where(sql`${t.status} = 'approved'`),
    check("reports_status_check", oneOf(t.status, reportStatuses)),
  ],
);

/** Indicator actuals a report states. */
export const reportValues = pgTable(
  "report_values",
  {
    tenantId: tenantRef(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id),
    value: doublePrecision("value").notNull(),
  },
  (t) => [uniqueIndex("report_values_key").on(t.tenantId, t.reportId, t.indicatorId)],
);

/** Evidence files attached to a report. */
export const reportFiles = pgTable(
  "report_files",
  {
    tenantId: tenantRef(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
    /** Where the file stands among the report's, from 1 as the reporter attached them (0: attached before). */
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("report_files_key").on(t.tenantId, t.reportId, t.fileId)],
);

/** The history of a report: submitted, returned with a reason, approved. */
export const reportEvents = pgTable(
  "report_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: tenantRef(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id),
    action: text("action").notNull(),
    reason: text("reason"),
    snapshot: jsonb("snapshot"),
    actorId: uuid("actor_id").references(() => users.id),
    actorName: text("actor_name"),
    createdAt: createdAt(),
  },
  (t) => [index("report_events_report_idx").on(t.tenantId, t.reportId)],
);

/** Requests to close a task（申请办结）and the supervisor's answer（销号 or 退回）. */
export const nodeClosures = pgTable(
  "node_closures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    nodeId: uuid("node_id")
      .notNull()
      .references(() => planNodes.id),
    status: text("status", { enum: nodeClosureStatuses }).notNull().default("requested"),
    summary: text("summary").notNull(),
    fileIds: uuid("file_ids").array().notNull().default([]),
    requestedBy: uuid("requested_by").references(() => users.id),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionReason: text("decision_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("node_closures_node_idx").on(t.tenantId, t.nodeId),
    check("node_closures_status_check", oneOf(t.status, nodeClosureStatuses)),
  ],
);
