import {
  aggregations,
  comparators,
  cycleKinds,
  nodeStatuses,
  planImportStatuses,
  planKinds,
  planLevels,
  planStatuses,
} from "@duban/domain";
import {
  type AnyPgColumn,
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
import { tenantRef } from "./tenant-ref.js";

/** A 工作要点 document read and parsed, under review until it is published as a plan. */
export const planImports = pgTable(
  "plan_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    status: text("status", { enum: planImportStatuses }).notNull().default("reviewing"),
    kind: text("kind", { enum: planKinds }).notNull(),
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
  (t) => [
    index("plan_imports_tenant_hash_idx").on(t.tenantId, t.sourceHash),
    check("plan_imports_status_check", oneOf(t.status, planImportStatuses)),
    check("plan_imports_kind_check", oneOf(t.kind, planKinds)),
  ],
);

/** A published annual plan. */
export const plans = pgTable(
  "plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    issuer: text("issuer"),
    docNumber: text("doc_number"),
    preamble: text("preamble"),
    status: text("status", { enum: planStatuses }).notNull().default("published"),
    /** A plan whose year is over that the bureau chose to keep following up (催办, automatic 督办单). */
    livePastYear: boolean("live_past_year").notNull().default(false),
    /** Shown on the public progress page（政务公开）, limited to the nodes and indicators marked public. */
    isPublic: boolean("is_public").notNull().default(false),
    importId: uuid("import_id").references(() => planImports.id),
    fileId: uuid("file_id").references(() => files.id),
    sourceText: text("source_text"),
    sourceHash: text("source_hash"),
    /** Points below 序时进度 tolerated before a light turns yellow. */
    lightTolerance: integer("light_tolerance").notNull().default(10),
    /** Reporting cadence: monthly (default), weekly, quarterly or adhoc. */
    cadence: text("cadence", { enum: cycleKinds }).notNull().default("monthly"),
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
    check("plans_status_check", oneOf(t.status, planStatuses)),
    check("plans_cadence_check", oneOf(t.cadence, cycleKinds)),
  ],
);

/** A section, subsection, task or subtask of a plan. */
export const planNodes = pgTable(
  "plan_nodes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    parentId: uuid("parent_id").references((): AnyPgColumn => planNodes.id),
    level: text("level", { enum: planLevels }).notNull(),
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
    status: text("status", { enum: nodeStatuses }).notNull().default("active"),
    /** Marked public: a section publishes every task under it, a task itself (when the plan is public). */
    isPublic: boolean("is_public").notNull().default(false),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("plan_nodes_plan_idx").on(t.tenantId, t.planId),
    check("plan_nodes_level_check", oneOf(t.level, planLevels)),
    check("plan_nodes_status_check", oneOf(t.status, nodeStatuses)),
  ],
);

/** Columns every item hanging off a plan node shares. */
const nodeItem = () => ({
  id: uuid("id").primaryKey().defaultRandom(),
  tenantId: tenantRef(),
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
    comparator: text("comparator", { enum: comparators }).notNull(),
    targetValue: doublePrecision("target_value").notNull(),
    targetMax: doublePrecision("target_max"),
    unit: text("unit").notNull(),
    deadline: text("deadline"),
    hedge: text("hedge"),
    aggregation: text("aggregation", { enum: aggregations }).notNull(),
    sourceText: text("source_text"),
    /** Shown on the public page with its task. */
    isPublic: boolean("is_public").notNull().default(false),
  },
  (t) => [
    index("indicators_plan_idx").on(t.tenantId, t.planId),
    check("indicators_comparator_check", oneOf(t.comparator, comparators)),
    check("indicators_aggregation_check", oneOf(t.aggregation, aggregations)),
  ],
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
    tenantId: tenantRef(),
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
    tenantId: tenantRef(),
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
