import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
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

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** A bureau. Bureaus nest: 大连市教育局 → 瓦房店市教育局. */
export const tenants = pgTable(
  "tenants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parentId: uuid("parent_id").references((): AnyPgColumn => tenants.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("tenants_code_key").on(t.code)],
);

/** A department（科室）or a school of a tenant. */
export const units = pgTable(
  "units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    schoolType: text("school_type"),
    ownership: text("ownership"),
    township: text("township"),
    code: text("code"),
    sortOrder: integer("sort_order").notNull().default(0),
    enabled: boolean("enabled").notNull().default(true),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Unit names are how people refer to units (and how Excel imports match them), so they are unique per tenant.
    uniqueIndex("units_tenant_name_key").on(t.tenantId, t.name),
    index("units_tenant_kind_idx").on(t.tenantId, t.kind),
  ],
);

/** A named set of units: a saved list, or a rule evaluated whenever the group is used. */
export const unitGroups = pgTable(
  "unit_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    name: text("name").notNull(),
    description: text("description"),
    kind: text("kind").notNull(),
    rule: jsonb("rule"),
    enabled: boolean("enabled").notNull().default(true),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("unit_groups_tenant_name_key").on(t.tenantId, t.name)],
);

/** Members of a list group. */
export const unitGroupMembers = pgTable(
  "unit_group_members",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    groupId: uuid("group_id")
      .notNull()
      .references(() => unitGroups.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
  },
  (t) => [uniqueIndex("unit_group_members_key").on(t.tenantId, t.groupId, t.unitId)],
);

/** A person who signs in. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    unitId: uuid("unit_id").references(() => units.id),
    name: text("name").notNull(),
    login: text("login").notNull(),
    phone: text("phone"),
    email: text("email"),
    roles: text("roles").array().notNull(),
    passwordHash: text("password_hash").notNull(),
    mustChangePassword: boolean("must_change_password").notNull().default(true),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    enabled: boolean("enabled").notNull().default(true),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The login form has no tenant picker, so a login names one person across all tenants.
    uniqueIndex("users_login_key").on(sql`lower(${t.login})`),
    index("users_tenant_idx").on(t.tenantId),
  ],
);

/** Failed sign-in attempts per login string, whether or not such a user exists, so lockout reveals nothing. */
export const loginFailures = pgTable("login_failures", {
  login: text("login").primaryKey(),
  count: integer("count").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  lastFailedAt: timestamp("last_failed_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A signed-in session; the cookie holds a random token whose sha256 is the id. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    csrfToken: text("csrf_token").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Append-only record of every write and sign-in event (a trigger refuses UPDATE and DELETE). */
export const auditLogs = pgTable(
  "audit_logs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id").references(() => tenants.id),
    actorId: uuid("actor_id"),
    actorName: text("actor_name"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    summary: jsonb("summary"),
    ip: text("ip"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_logs_tenant_created_idx").on(t.tenantId, t.createdAt)],
);

/** An uploaded file; the bytes live in the content-addressed store under DATA_DIR/files by sha256. */
export const files = pgTable(
  "files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    mime: text("mime").notNull(),
    filename: text("filename").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("files_tenant_sha_idx").on(t.tenantId, t.sha256)],
);

/** A 工作要点 document read and parsed, under review until it is published as a plan. */
export const planImports = pgTable(
  "plan_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    status: text("status").notNull().default("reviewing"),
    kind: text("kind").notNull(),
    filename: text("filename"),
    format: text("format").notNull(),
    fileId: uuid("file_id").references(() => files.id),
    sourceText: text("source_text").notNull(),
    sourceHash: text("source_hash").notNull(),
    draft: jsonb("draft").notNull(),
    warnings: jsonb("warnings").notNull().default([]),
    planId: uuid("plan_id"),
    createdBy: uuid("created_by").references(() => users.id),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // Duplicate detection looks documents up by the hash of their text.
  (t) => [index("plan_imports_tenant_hash_idx").on(t.tenantId, t.sourceHash)],
);

/** A published annual plan. */
export const plans = pgTable(
  "plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    issuer: text("issuer"),
    docNumber: text("doc_number"),
    preamble: text("preamble"),
    status: text("status").notNull().default("published"),
    importId: uuid("import_id").references(() => planImports.id),
    fileId: uuid("file_id").references(() => files.id),
    sourceText: text("source_text"),
    sourceHash: text("source_hash"),
    /** Points below 序时进度 tolerated before a light turns yellow. */
    lightTolerance: integer("light_tolerance").notNull().default(10),
    /** Reporting cadence: monthly (default), weekly, quarterly or adhoc. */
    cadence: text("cadence").notNull().default("monthly"),
    /** Day of the month (or week, 1 = Monday) reports are due. */
    cadenceDueDay: integer("cadence_due_day").notNull().default(25),
    publishedBy: uuid("published_by").references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("plans_tenant_year_idx").on(t.tenantId, t.year),
    index("plans_tenant_hash_idx").on(t.tenantId, t.sourceHash),
  ],
);

/** A section, subsection, task or subtask of a plan. */
export const planNodes = pgTable(
  "plan_nodes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    parentId: uuid("parent_id").references((): AnyPgColumn => planNodes.id),
    level: text("level").notNull(),
    label: text("label"),
    number: integer("number"),
    title: text("title").notNull(),
    text: text("text").notNull(),
    spanStart: integer("span_start"),
    spanEnd: integer("span_end"),
    position: integer("position").notNull(),
    leadUnitId: uuid("lead_unit_id").references(() => units.id),
    coUnitIds: uuid("co_unit_ids").array().notNull().default([]),
    deadline: text("deadline"),
    /** Working window for 序时进度, Shanghai calendar dates YYYY-MM-DD. */
    startDate: text("start_date"),
    dueDate: text("due_date"),
    weight: doublePrecision("weight").notNull().default(1),
    /** Rolled up from approved reports, 0–100. */
    progress: doublePrecision("progress").notNull().default(0),
    /** active, closing (办结 requested) or closed (销号). */
    status: text("status").notNull().default("active"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("plan_nodes_plan_idx").on(t.tenantId, t.planId)],
);

/** Columns every item hanging off a plan node shares. */
const nodeItem = () => ({
  id: uuid("id").primaryKey().defaultRandom(),
  tenantId: uuid("tenant_id")
    .notNull()
    .references(() => tenants.id),
  planId: uuid("plan_id")
    .notNull()
    .references(() => plans.id),
  nodeId: uuid("node_id")
    .notNull()
    .references(() => planNodes.id),
  position: integer("position").notNull(),
  spanStart: integer("span_start"),
  spanEnd: integer("span_end"),
  createdAt: createdAt(),
});

/** A measure（措施）of a task. */
export const measures = pgTable("measures", { ...nodeItem(), text: text("text").notNull() }, (t) => [
  index("measures_plan_idx").on(t.tenantId, t.planId),
]);

/** A numeric indicator a task is measured by, born from a parsed target. */
export const indicators = pgTable(
  "indicators",
  {
    ...nodeItem(),
    name: text("name").notNull(),
    comparator: text("comparator").notNull(),
    targetValue: doublePrecision("target_value").notNull(),
    targetMax: doublePrecision("target_max"),
    unit: text("unit").notNull(),
    deadline: text("deadline"),
    hedge: text("hedge"),
    aggregation: text("aggregation").notNull(),
    sourceText: text("source_text"),
  },
  (t) => [index("indicators_plan_idx").on(t.tenantId, t.planId)],
);

/** A dated commitment without a number. */
export const milestones = pgTable(
  "milestones",
  {
    ...nodeItem(),
    title: text("title").notNull(),
    deadline: text("deadline"),
    hedge: text("hedge"),
    sourceText: text("source_text"),
  },
  (t) => [index("milestones_plan_idx").on(t.tenantId, t.planId)],
);

/** Keyword → department dictionary used to suggest lead units (学前 → 学前教育科). */
export const unitKeywords = pgTable(
  "unit_keywords",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    keyword: text("keyword").notNull(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("unit_keywords_tenant_keyword_key").on(t.tenantId, t.keyword)],
);

/** Who changed a published plan, what and why: 分解 edits after publishing are versioned. */
export const planChanges = pgTable(
  "plan_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    entity: text("entity").notNull(),
    entityId: uuid("entity_id").notNull(),
    action: text("action").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    reason: text("reason"),
    actorId: uuid("actor_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("plan_changes_plan_idx").on(t.tenantId, t.planId, t.createdAt)],
);

/** A task (or one of its measures) handed to one unit（交办）. */
export const assignments = pgTable(
  "assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
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
    role: text("role").notNull(),
    responsiblePerson: text("responsible_person"),
    dueDate: text("due_date"),
    /** active, or removed (kept for history). */
    status: text("status").notNull().default("active"),
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
  ],
);

/** Indicators a unit reports values for on an assignment. */
export const assignmentIndicators = pgTable(
  "assignment_indicators",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
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
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    startDate: text("start_date").notNull(),
    dueDate: text("due_date").notNull(),
    status: text("status").notNull().default("open"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("report_cycles_plan_idx").on(t.tenantId, t.planId)],
);

/** A unit's progress report（反馈）on one assignment for one cycle. */
export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
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
    status: text("status").notNull().default("draft"),
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
  ],
);

/** Indicator actuals a report states. */
export const reportValues = pgTable(
  "report_values",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
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
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
  },
  (t) => [uniqueIndex("report_files_key").on(t.tenantId, t.reportId, t.fileId)],
);

/** The history of a report: submitted, returned with a reason, approved. */
export const reportEvents = pgTable(
  "report_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
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
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    nodeId: uuid("node_id")
      .notNull()
      .references(() => planNodes.id),
    status: text("status").notNull().default("requested"),
    summary: text("summary").notNull(),
    fileIds: uuid("file_ids").array().notNull().default([]),
    requestedBy: uuid("requested_by").references(() => users.id),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionReason: text("decision_reason"),
    createdAt: createdAt(),
  },
  (t) => [index("node_closures_node_idx").on(t.tenantId, t.nodeId)],
);

/** A message in a user's in-app notification centre. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    link: text("link"),
    entity: text("entity"),
    entityId: uuid("entity_id"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.tenantId, t.userId, t.createdAt)],
);

/** A 督办单: raised automatically from lights (blue/yellow/red) or by hand, replied to by the unit. */
export const supervisionNotices = pgTable(
  "supervision_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    nodeId: uuid("node_id")
      .notNull()
      .references(() => planNodes.id),
    assignmentId: uuid("assignment_id").references(() => assignments.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    /** blue 提醒, yellow 警示, red 督办. */
    level: text("level").notNull(),
    /** auto (from lights) or manual. */
    source: text("source").notNull(),
    reason: text("reason").notNull(),
    replyDue: text("reply_due"),
    /** open, replied, accepted, returned, or closed (recovered on its own). */
    status: text("status").notNull().default("open"),
    raisedBy: uuid("raised_by").references(() => users.id),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closeNote: text("close_note"),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("supervision_notices_tenant_idx").on(t.tenantId, t.status),
    // At most one live automatic notice per item: it is upgraded in place as the item worsens.
    uniqueIndex("supervision_notices_auto_key")
      .on(
        t.tenantId,
        t.nodeId,
        sql`coalesce(${t.assignmentId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      )
      .where(sql`${t.source} = 'auto' and ${t.status} in ('open', 'replied', 'returned')`),
  ],
);

/** The history of a notice: raised, upgraded, replied, accepted, returned, closed. */
export const noticeEvents = pgTable(
  "notice_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    noticeId: uuid("notice_id")
      .notNull()
      .references(() => supervisionNotices.id),
    action: text("action").notNull(),
    level: text("level"),
    text: text("text"),
    measures: text("measures"),
    fileIds: uuid("file_ids").array().notNull().default([]),
    actorId: uuid("actor_id").references(() => users.id),
    actorName: text("actor_name"),
    createdAt: createdAt(),
  },
  (t) => [index("notice_events_notice_idx").on(t.tenantId, t.noticeId)],
);

/** A 延期申请: a unit asks for a later due date; the lead department, then the supervisor, decide. */
export const extensionRequests = pgTable(
  "extension_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    nodeId: uuid("node_id")
      .notNull()
      .references(() => planNodes.id),
    assignmentId: uuid("assignment_id").references(() => assignments.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    oldDue: text("old_due").notNull(),
    requestedDue: text("requested_due").notNull(),
    reason: text("reason").notNull(),
    progress: doublePrecision("progress").notNull(),
    /** pending_lead, pending_supervisor, approved or refused. */
    status: text("status").notNull().default("pending_lead"),
    requestedBy: uuid("requested_by").references(() => users.id),
    leadDecidedBy: uuid("lead_decided_by").references(() => users.id),
    leadDecidedAt: timestamp("lead_decided_at", { withTimezone: true }),
    supervisorDecidedBy: uuid("supervisor_decided_by").references(() => users.id),
    supervisorDecidedAt: timestamp("supervisor_decided_at", { withTimezone: true }),
    refusalReason: text("refusal_reason"),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("extension_requests_tenant_idx").on(t.tenantId, t.status)],
);

/** An inspection visit（责任督学挂牌督导）with its findings. */
export const inspections = pgTable(
  "inspections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    inspectorId: uuid("inspector_id").references(() => users.id),
    visitDate: text("visit_date").notNull(),
    kind: text("kind").notNull(),
    /** [{ key, text, rectificationId }] */
    findings: jsonb("findings").notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index("inspections_tenant_idx").on(t.tenantId, t.visitDate)],
);

/** An item of the 整改台账, closed out（销号）by its verifier. */
export const rectifications = pgTable(
  "rectifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    problem: text("problem").notNull(),
    requirement: text("requirement").notNull(),
    deadline: text("deadline").notNull(),
    responsiblePerson: text("responsible_person"),
    /** inspection, safety, supervision or manual. */
    source: text("source").notNull(),
    sourceId: uuid("source_id"),
    /** open, submitted, accepted（销号）or returned. */
    status: text("status").notNull().default("open"),
    measures: text("measures"),
    fileIds: uuid("file_ids").array().notNull().default([]),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    verifierId: uuid("verifier_id").references(() => users.id),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    returnReason: text("return_reason"),
    createdBy: uuid("created_by").references(() => users.id),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("rectifications_tenant_idx").on(t.tenantId, t.status)],
);

/** A 领导批示 on a task, report, notice or rectification item, acknowledged by the responsible unit. */
export const leaderInstructions = pgTable(
  "leader_instructions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    leaderId: uuid("leader_id")
      .notNull()
      .references(() => users.id),
    entity: text("entity").notNull(),
    entityId: uuid("entity_id").notNull(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    text: text("text").notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("leader_instructions_entity_idx").on(t.tenantId, t.entity, t.entityId)],
);

/**
 * 催办 settings of a plan. A side table rather than columns on `plans`, so reminders ship without touching the
 * plan's own schema; a plan without a row uses the defaults below.
 */
export const planReminderSettings = pgTable("plan_reminder_settings", {
  planId: uuid("plan_id")
    .primaryKey()
    .references(() => plans.id),
  tenantId: uuid("tenant_id")
    .notNull()
    .references(() => tenants.id),
  /** Days before a cycle's due date the first reminder goes out. */
  remindDaysBefore: integer("remind_days_before").notNull().default(3),
  /** Days overdue before the unit's head is told; twice this, the supervisors. */
  escalateAfterDays: integer("escalate_after_days").notNull().default(3),
  /** Send nothing on Saturdays and Sundays. */
  remindWorkdaysOnly: boolean("remind_workdays_only").notNull().default(false),
  updatedAt: updatedAt(),
});

/** Every reminder sent: the claim that makes each go out once, whatever the number of server processes. */
export const reminderLog = pgTable(
  "reminder_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => reportCycles.id),
    /** due_soon, due, overdue:YYYY-MM-DD (daily), escalate_head, escalate_supervisor. */
    kind: text("kind").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // The once-only guarantee: a process sends only if its INSERT … ON CONFLICT DO NOTHING returned a row.
    uniqueIndex("reminder_log_key").on(t.tenantId, t.assignmentId, t.cycleId, t.kind),
  ],
);

/** Where a tenant's (or one unit's) messages go: SMTP server, or a 企业微信/钉钉 group robot. */
export const channelSettings = pgTable(
  "channel_settings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    /** Null: the tenant's default; a unit's own robot overrides it. */
    unitId: uuid("unit_id").references(() => units.id),
    /** email, wecom or dingtalk. */
    kind: text("kind").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    config: jsonb("config").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One setting per channel for the tenant and per unit; NULL unit_id must collide too, hence coalesce.
    uniqueIndex("channel_settings_key").on(
      t.tenantId,
      sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.kind,
    ),
  ],
);

/** The outgoing message queue and its log: drained by workers with FOR UPDATE SKIP LOCKED. */
export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    settingId: uuid("setting_id")
      .notNull()
      .references(() => channelSettings.id),
    channel: text("channel").notNull(),
    /** An email address, or the robot's webhook URL (the rate limit counts per target). */
    target: text("target").notNull(),
    payload: jsonb("payload").notNull(),
    /** queued, sent or failed (after the last attempt). */
    status: text("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    // The worker's claim query: queued rows whose time has come.
    index("deliveries_queue_idx").on(t.status, t.nextAttemptAt),
    // The robot rate limit counts recent sends per webhook.
    index("deliveries_target_idx").on(t.target, t.sentAt),
    index("deliveries_tenant_idx").on(t.tenantId, t.createdAt),
  ],
);
