import {
  extensionStatuses,
  instructionEntities,
  noticeEventActions,
  noticeLevels,
  noticeSources,
  noticeStatuses,
  notificationPushStates,
  rectificationSources,
  rectificationStatuses,
} from "@duban/domain";
import { sql } from "drizzle-orm";
import {
  bigserial,
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
import { units, users } from "./accounts.js";
import { createdAt, updatedAt } from "./columns.js";
import { oneOf } from "./enum-check.js";
import { assignments } from "./execution.js";
import { planNodes, plans } from "./plans.js";
import { tenantRef } from "./tenant-ref.js";

/** A message in a user's in-app notification centre. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
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
    /** The step that caused it (kind, record, event): the same step never tells the same user twice. */
    dedupeKey: text("dedupe_key"),
    /** A push still owed: `group` (one grouped message at the end of a scheduler pass) or `digest` (08:00). */
    pushState: text("push_state", { enum: notificationPushStates }),
    /** For a `digest` push, the Shanghai day whose 08:00 digest lists it. */
    digestDay: text("digest_day"),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_user_idx").on(t.tenantId, t.userId, t.createdAt),
    // The once-only guarantee: a retried or replayed step inserts ON CONFLICT DO NOTHING and pushes nothing.
    uniqueIndex("notifications_dedupe_key")
      .on(t.tenantId, t.userId, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null`),
    // The grouped-push and digest jobs look only for the few rows still owing a push.
    index("notifications_push_idx").on(t.pushState, t.userId).where(sql`${t.pushState} is not null`),
    check("notifications_push_state_check", oneOf(t.pushState, notificationPushStates)),
  ],
);

/** A 督办单: raised automatically from lights (blue/yellow/red) or by hand, replied to by the unit. */
export const supervisionNotices = pgTable(
  "supervision_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
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
    level: text("level", { enum: noticeLevels }).notNull(),
    /** auto (from lights) or manual. */
    source: text("source", { enum: noticeSources }).notNull(),
    reason: text("reason").notNull(),
    /** 文号 from the tenant's "notice" series, given in the creating transaction. */
    documentNumber: text("document_number"),
    replyDue: text("reply_due"),
    /** open, replied, accepted, returned, or closed (recovered on its own). */
    status: text("status", { enum: noticeStatuses }).notNull().default("open"),
    raisedBy: uuid("raised_by").references(() => users.id),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closeNote: text("close_note"),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("supervision_notices_tenant_idx").on(t.tenantId, t.status),
    // A guard behind the sequence: a 文号 names one notice of its tenant.
    uniqueIndex("supervision_notices_document_number_key")
      .on(t.tenantId, t.documentNumber)
      .where(sql`${t.documentNumber} is not null`),
    // At most one live automatic notice per item: it is upgraded in place as the item worsens.
    uniqueIndex("supervision_notices_auto_key")
      .on(
        t.tenantId,
        t.nodeId,
        sql`coalesce(${t.assignmentId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      )
      .where(sql`${t.source} = 'auto' and ${t.status} in ('open', 'replied', 'returned')`),
    // Values outside the domain's constants would fall outside every transition and label.
    check("supervision_notices_level_check", oneOf(t.level, noticeLevels)),
    check("supervision_notices_source_check", oneOf(t.source, noticeSources)),
    check("supervision_notices_status_check", oneOf(t.status, noticeStatuses)),
  ],
);

/** The history of a notice: raised, upgraded, replied, accepted, returned, closed. */
export const noticeEvents = pgTable(
  "notice_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: tenantRef(),
    noticeId: uuid("notice_id")
      .notNull()
      .references(() => supervisionNotices.id),
    action: text("action", { enum: noticeEventActions }).notNull(),
    level: text("level", { enum: noticeLevels }),
    text: text("text"),
    measures: text("measures"),
    fileIds: uuid("file_ids").array().notNull().default([]),
    actorId: uuid("actor_id").references(() => users.id),
    actorName: text("actor_name"),
    createdAt: createdAt(),
  },
  (t) => [
    index("notice_events_notice_idx").on(t.tenantId, t.noticeId),
    check("notice_events_action_check", oneOf(t.action, noticeEventActions)),
    check("notice_events_level_check", oneOf(t.level, noticeLevels)),
  ],
);

/** A 延期申请: a unit asks for a later due date; the lead department, then the supervisor, decide. */
export const extensionRequests = pgTable(
  "extension_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
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
    status: text("status", { enum: extensionStatuses }).notNull().default("pending_lead"),
    requestedBy: uuid("requested_by").references(() => users.id),
    leadDecidedBy: uuid("lead_decided_by").references(() => users.id),
    leadDecidedAt: timestamp("lead_decided_at", { withTimezone: true }),
    supervisorDecidedBy: uuid("supervisor_decided_by").references(() => users.id),
    supervisorDecidedAt: timestamp("supervisor_decided_at", { withTimezone: true }),
    refusalReason: text("refusal_reason"),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("extension_requests_tenant_idx").on(t.tenantId, t.status),
    check("extension_requests_status_check", oneOf(t.status, extensionStatuses)),
  ],
);

/** An inspection visit（责任督学挂牌督导）with its findings. */
export const inspections = pgTable(
  "inspections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
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
    tenantId: tenantRef(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    problem: text("problem").notNull(),
    requirement: text("requirement").notNull(),
    deadline: text("deadline").notNull(),
    responsiblePerson: text("responsible_person"),
    /** inspection, safety, supervision or manual. */
    source: text("source", { enum: rectificationSources }).notNull(),
    sourceId: uuid("source_id"),
    /** open, submitted, accepted（销号）or returned. */
    status: text("status", { enum: rectificationStatuses }).notNull().default("open"),
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
  (t) => [
    index("rectifications_tenant_idx").on(t.tenantId, t.status),
    check("rectifications_source_check", oneOf(t.source, rectificationSources)),
    check("rectifications_status_check", oneOf(t.status, rectificationStatuses)),
  ],
);

/** A 领导批示 on a task, report, notice or rectification item, acknowledged by the responsible unit. */
export const leaderInstructions = pgTable(
  "leader_instructions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    leaderId: uuid("leader_id")
      .notNull()
      .references(() => users.id),
    entity: text("entity", { enum: instructionEntities }).notNull(),
    entityId: uuid("entity_id").notNull(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    text: text("text").notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("leader_instructions_entity_idx").on(t.tenantId, t.entity, t.entityId),
    check("leader_instructions_entity_check", oneOf(t.entity, instructionEntities)),
  ],
);
