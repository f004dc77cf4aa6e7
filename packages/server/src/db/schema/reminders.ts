import { channelKinds } from "@duban/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { units } from "./accounts.js";
import { createdAt, updatedAt } from "./columns.js";
import { oneOf } from "./enum-check.js";
import { assignments, reportCycles } from "./execution.js";
import { plans } from "./plans.js";
import { rectifications } from "./supervision.js";
import { tenantRef } from "./tenant-ref.js";

/**
 * 催办 settings of a plan. A side table rather than columns on `plans`, so reminders ship without touching the
 * plan's own schema; a plan without a row uses the defaults below.
 */
export const planReminderSettings = pgTable("plan_reminder_settings", {
  planId: uuid("plan_id")
    .primaryKey()
    .references(() => plans.id),
  tenantId: tenantRef(),
  /** Days before a cycle's due date the first reminder goes out. */
  remindDaysBefore: integer("remind_days_before").notNull().default(3),
  /** Days overdue before the unit's head is told; twice this, the supervisors. */
  escalateAfterDays: integer("escalate_after_days").notNull().default(3),
  /** Send nothing on Saturdays and Sundays. */
  remindWorkdaysOnly: boolean("remind_workdays_only").notNull().default(false),
  /** Optimistic lock of the settings alone, so saving them never makes an open cadence form stale. */
  version: integer("version").notNull().default(0),
  updatedAt: updatedAt(),
});

/**
 * Every reminder sent: the claim that makes each go out once, whatever the number of server processes. A row is
 * about one subject: an assignment in a report cycle, an assignment's own due date (no cycle), or an item of the
 * 整改台账.
 */
export const reminderLog = pgTable(
  "reminder_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    assignmentId: uuid("assignment_id").references(() => assignments.id),
    cycleId: uuid("cycle_id").references(() => reportCycles.id),
    rectificationId: uuid("rectification_id").references(() => rectifications.id),
    /**
     * due_soon, due, overdue:YYYY-MM-DD (daily), escalate_head, escalate_supervisor; for a task's own due date and
     * a 整改 item all but the daily one end in @ and the due date (due_soon@2026-06-10), so a moved date counts anew.
     */
    kind: text("kind").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // The once-only guarantee: a process sends only if its INSERT … ON CONFLICT DO NOTHING returned a row.
    // Only cycle rows fill all its columns: NULLs are distinct, so the other shapes need keys of their own below.
    uniqueIndex("reminder_log_key").on(t.tenantId, t.assignmentId, t.cycleId, t.kind),
    // The same guarantee for a task's own due date, whose rows carry no cycle_id.
    uniqueIndex("reminder_log_task_key")
      .on(t.tenantId, t.assignmentId, t.kind)
      .where(sql`${t.cycleId} is null and ${t.rectificationId} is null`),
    // The same guarantee for 整改 items; partial, since task rows carry no rectification_id.
    uniqueIndex("reminder_log_rectification_key")
      .on(t.tenantId, t.rectificationId, t.kind)
      .where(sql`${t.rectificationId} is not null`),
    // Exactly one subject shape: a half-filled or mixed row would escape every key above.
    check(
      "reminder_log_subject",
      sql`(${t.assignmentId} is not null and ${t.cycleId} is not null and ${t.rectificationId} is null)
        or (${t.assignmentId} is not null and ${t.cycleId} is null and ${t.rectificationId} is null)
        or (${t.assignmentId} is null and ${t.cycleId} is null and ${t.rectificationId} is not null)`,
    ),
  ],
);

/** Where a tenant's (or one unit's) messages go: SMTP server, or a 企业微信/钉钉 group robot. */
export const channelSettings = pgTable(
  "channel_settings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    /** Null: the tenant's default; a unit's own robot overrides it. */
    unitId: uuid("unit_id").references(() => units.id),
    /** email, wecom or dingtalk. */
    kind: text("kind", { enum: channelKinds }).notNull(),
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
    check("channel_settings_kind_check", oneOf(t.kind, channelKinds)),
  ],
);

/** The outgoing message queue and its log: drained by workers with FOR UPDATE SKIP LOCKED. */
export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
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
