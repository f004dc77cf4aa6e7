import {
  type FormAutoRound,
  type FormField,
  type FormRule,
  type FormSubmissionAction,
  type FormValues,
  formRoundStatuses,
  formStatuses,
  formSubmissionActions,
  formSubmissionStatuses,
} from "@duban/domain";
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
import { units, users } from "./accounts.js";
import { createdAt, updatedAt } from "./columns.js";
import { oneOf } from "./enum-check.js";
import { reportCycles } from "./execution.js";
import { indicators, plans } from "./plans.js";
import { tenantRef } from "./tenant-ref.js";

/** 填报表: a statistical form of a plan, defined by the 督查室 or a department. */
export const forms = pgTable(
  "forms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    /** The department that owns the form (reviews its submissions); null for the 督查室's own forms. */
    ownerUnitId: uuid("owner_unit_id").references(() => units.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    fields: jsonb("fields").$type<FormField[]>().notNull(),
    rules: jsonb("rules").$type<FormRule[]>().notNull().default([]),
    /** 每个填报周期自动发放: the audience and deadline rule of the round each new cycle of the plan gets; null: none. */
    autoRound: jsonb("auto_round").$type<FormAutoRound>(),
    status: text("status", { enum: formStatuses }).notNull().default("draft"),
    version: integer("version").notNull().default(0),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("forms_plan_idx").on(t.tenantId, t.planId),
    check("forms_status_check", oneOf(t.status, formStatuses)),
  ],
);

/** 填报批次: a form sent to units for one period with a deadline (one-off, or one per reporting cycle). */
export const formRounds = pgTable(
  "form_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    formId: uuid("form_id")
      .notNull()
      .references(() => forms.id),
    name: text("name").notNull(),
    /** The reporting cycle the round belongs to, when the form is filled every cycle. */
    cycleId: uuid("cycle_id").references(() => reportCycles.id),
    /** Shanghai day by which units fill it in. */
    deadline: text("deadline").notNull(),
    status: text("status", { enum: formRoundStatuses }).notNull().default("open"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: integer("version").notNull().default(0),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("form_rounds_form_idx").on(t.tenantId, t.formId),
    // One round of a form per reporting cycle: what keeps the automatic round of a cycle single when two
    // processes open it (or the hook runs again). Rounds without a cycle are NULL here, so never collide.
    uniqueIndex("form_rounds_form_cycle_key").on(t.tenantId, t.formId, t.cycleId),
    check("form_rounds_status_check", oneOf(t.status, formRoundStatuses)),
  ],
);

/**
 * One unit's submission in a round. A row exists for every unit the round was sent to (its audience), created
 * as a draft when the round is sent; the unit fills it in, the form's owner approves or returns it.
 */
export const formSubmissions = pgTable(
  "form_submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => formRounds.id),
    formId: uuid("form_id")
      .notNull()
      .references(() => forms.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    status: text("status", { enum: formSubmissionStatuses }).notNull().default("draft"),
    values: jsonb("values").$type<FormValues>().notNull().default({}),
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
    uniqueIndex("form_submissions_round_unit_key").on(t.tenantId, t.roundId, t.unitId),
    index("form_submissions_form_idx").on(t.tenantId, t.formId, t.status),
    index("form_submissions_unit_idx").on(t.tenantId, t.unitId),
    check("form_submissions_status_check", oneOf(t.status, formSubmissionStatuses)),
  ],
);

/** 填报记录: every save, submission, review and import of a submission, with the values as they stood. */
export const formSubmissionEvents = pgTable(
  "form_submission_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: tenantRef(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => formSubmissions.id),
    action: text("action", { enum: formSubmissionActions }).$type<FormSubmissionAction>().notNull(),
    values: jsonb("values").$type<FormValues>(),
    reason: text("reason"),
    actorId: uuid("actor_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("form_submission_events_submission_idx").on(t.tenantId, t.submissionId, t.id),
    check("form_submission_events_action_check", oneOf(t.action, formSubmissionActions)),
  ],
);

/** The history of a computed indicator's value: one row each time approved form data changes it. */
export const indicatorComputedValues = pgTable(
  "indicator_computed_values",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: tenantRef(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id),
    /** Null when the formula has no data yet（无数据）, e.g. a division by a sum of zero. */
    value: doublePrecision("value"),
    /** Units with approved data behind the value, and units the form's latest round was sent to. */
    reported: integer("reported").notNull(),
    expected: integer("expected").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("indicator_computed_values_idx").on(t.tenantId, t.indicatorId, t.computedAt)],
);

/**
 * A computed indicator's definition: a formula over the approved data of one form（计算指标）. At most one per
 * indicator; an indicator without a row keeps the reported-value aggregation.
 */
export const indicatorFormulas = pgTable(
  "indicator_formulas",
  {
    indicatorId: uuid("indicator_id")
      .primaryKey()
      .references(() => indicators.id),
    tenantId: tenantRef(),
    formId: uuid("form_id")
      .notNull()
      .references(() => forms.id),
    /** The formula as written, with field labels, e.g. `sum(在园幼儿数 where ownership=公办) / sum(在园幼儿数) * 100`. */
    source: text("source").notNull(),
    /** The parsed formula (field keys, not labels), as `packages/domain/src/formula` produces it. */
    ast: jsonb("ast").$type<unknown>().notNull(),
    version: integer("version").notNull().default(0),
    updatedBy: uuid("updated_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("indicator_formulas_form_idx").on(t.tenantId, t.formId)],
);
