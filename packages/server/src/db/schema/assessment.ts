import {
  type AssessmentBreakdownItem,
  type AssessmentFacts,
  type AssessmentScheme,
  assessmentAdjustmentSources,
  assessmentAppealStatuses,
  assessmentStatuses,
} from "@duban/domain";
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { units, users } from "./accounts.js";
import { createdAt, updatedAt } from "./columns.js";
import { oneOf } from "./enum-check.js";
import { plans } from "./plans.js";
import { tenantRef } from "./tenant-ref.js";

/**
 * A plan's 考评方案, one per plan. Absent until the 督查室 first saves one: readers fall back to the default scheme
 * (`defaultAssessmentScheme`), so a preview works on the day the plan is published. Locked by the first formal run.
 */
export const assessmentSchemes = pgTable(
  "assessment_schemes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    scheme: jsonb("scheme").$type<AssessmentScheme>().notNull(),
    version: integer("version").notNull().default(0),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("assessment_schemes_plan_key").on(t.tenantId, t.planId)],
);

/**
 * A manual entry of the year（加分 / 扣分 / 一票否决）for a unit under an item of the plan's scheme, entered by the
 * 督查室 or a department with a reason and evidence. Revoked entries stay (with who and why) and no longer count.
 */
export const assessmentEntries = pgTable(
  "assessment_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    itemKey: text("item_key").notNull(),
    /** Positive 加分, negative 扣分; 0 for a veto item. */
    points: doublePrecision("points").notNull(),
    reason: text("reason").notNull(),
    fileIds: uuid("file_ids").array().notNull().default([]),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id),
    revokeReason: text("revoke_reason"),
  },
  (t) => [index("assessment_entries_plan_idx").on(t.tenantId, t.planId, t.unitId)],
);

/**
 * One assessment run（考评）of a plan as of a day. The scheme and the facts are copied in when it is computed, so
 * its results can be recomputed from the row alone (after an adjustment) and never move with later data.
 */
export const assessments = pgTable(
  "assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    /** The Shanghai day the facts are taken as of. */
    asOf: text("as_of").notNull(),
    /** A formal run（正式考评）; false for a trial run（试评）, which is never published. */
    final: boolean("final").notNull(),
    status: text("status", { enum: assessmentStatuses }).notNull().default("draft"),
    scheme: jsonb("scheme").$type<AssessmentScheme>().notNull(),
    facts: jsonb("facts").$type<AssessmentFacts>().notNull(),
    /** Shanghai day after which units can no longer appeal; set on publication. */
    appealUntil: text("appeal_until"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: uuid("published_by").references(() => users.id),
    finalisedAt: timestamp("finalised_at", { withTimezone: true }),
    finalisedBy: uuid("finalised_by").references(() => users.id),
    version: integer("version").notNull().default(0),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("assessments_plan_idx").on(t.tenantId, t.planId),
    check("assessments_status_check", oneOf(t.status, assessmentStatuses)),
  ],
);

/** A unit's result in a run: rewritten whenever the run's adjustments change, fixed once the run is finalised. */
export const assessmentResults = pgTable(
  "assessment_results",
  {
    tenantId: tenantRef(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    category: text("category").notNull(),
    total: doublePrecision("total").notNull(),
    rank: integer("rank").notNull(),
    grade: text("grade").notNull(),
    vetoed: boolean("vetoed").notNull(),
    gradeNote: text("grade_note"),
    breakdown: jsonb("breakdown").$type<AssessmentBreakdownItem[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.unitId] }),
    index("assessment_results_rank_idx").on(t.tenantId, t.assessmentId, t.category, t.rank),
  ],
);

/** An appeal（申诉）of a unit against its published result: one per unit and run. */
export const assessmentAppeals = pgTable(
  "assessment_appeals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    reason: text("reason").notNull(),
    fileIds: uuid("file_ids").array().notNull().default([]),
    status: text("status", { enum: assessmentAppealStatuses }).notNull().default("pending"),
    decisionReason: text("decision_reason"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("assessment_appeals_unit_key").on(t.tenantId, t.assessmentId, t.unitId),
    check("assessment_appeals_status_check", oneOf(t.status, assessmentAppealStatuses)),
  ],
);

/** A point adjustment of a run after its facts were frozen: by the 督查室 in review, or by an accepted appeal. */
export const assessmentAdjustments = pgTable(
  "assessment_adjustments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    itemKey: text("item_key").notNull(),
    points: doublePrecision("points").notNull(),
    reason: text("reason").notNull(),
    source: text("source", { enum: assessmentAdjustmentSources }).notNull(),
    appealId: uuid("appeal_id").references(() => assessmentAppeals.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("assessment_adjustments_run_idx").on(t.tenantId, t.assessmentId),
    check("assessment_adjustments_source_check", oneOf(t.source, assessmentAdjustmentSources)),
  ],
);
