import { cascadeLinkStatuses, type HandDownTarget } from "@duban/domain";
import { sql } from "drizzle-orm";
import {
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
import { tenants, users } from "./accounts.js";
import { createdAt, updatedAt } from "./columns.js";
import { oneOf } from "./enum-check.js";
import { indicators, measures, planNodes, plans } from "./plans.js";
import { tenantRef } from "./tenant-ref.js";

/**
 * An item of a superior bureau's plan handed down（下达）, owned by the superior: the node's text, targets and due
 * date as they stood when it was first handed down, so what a county accepted does not shift under it.
 */
export const handDowns = pgTable(
  "hand_downs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    nodeId: uuid("node_id")
      .notNull()
      .references(() => planNodes.id),
    /** Set when one measure of the node is handed down rather than the whole task. */
    measureId: uuid("measure_id").references(() => measures.id),
    /** Set when one indicator of the node is handed down rather than the whole task. */
    indicatorId: uuid("indicator_id").references(() => indicators.id),
    title: text("title").notNull(),
    text: text("text").notNull(),
    dueDate: text("due_date"),
    targets: jsonb("targets").$type<HandDownTarget[]>().notNull(),
    /**
     * Each county's weight in the roll-up's progress, by its tenant id, as the superior's 督查室 set it; a county
     * not named weighs 1.
     */
    countyWeights: jsonb("county_weights").$type<Record<string, number>>().notNull().default({}),
    /** Moves with every change of the weights. */
    version: integer("version").notNull().default(0),
    handedBy: uuid("handed_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    // One hand-down per item (the task, one of its measures, one of its indicators): handing it down again adds
    // bureaus to the same one. Partial indexes, since a null item id never conflicts in a plain unique index.
    uniqueIndex("hand_downs_node_key")
      .on(t.tenantId, t.nodeId)
      .where(sql`${t.measureId} is null and ${t.indicatorId} is null`),
    uniqueIndex("hand_downs_measure_key").on(t.tenantId, t.measureId).where(sql`${t.measureId} is not null`),
    uniqueIndex("hand_downs_indicator_key")
      .on(t.tenantId, t.indicatorId)
      .where(sql`${t.indicatorId} is not null`),
    check("hand_downs_one_item_check", sql`${t.measureId} is null or ${t.indicatorId} is null`),
    index("hand_downs_plan_idx").on(t.tenantId, t.planId),
  ],
);

/**
 * The link table（关联）: one hand-down as one subordinate bureau holds it, owned by the subordinate. Every read
 * across bureaus goes through it: the subordinate reads the superior's text through `hand_down_id`, the superior
 * reads the county's linked node through `node_id`.
 */
export const cascadeLinks = pgTable(
  "cascade_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    /** The superior bureau that handed it down. */
    fromTenantId: uuid("from_tenant_id")
      .notNull()
      .references(() => tenants.id),
    handDownId: uuid("hand_down_id")
      .notNull()
      .references(() => handDowns.id),
    /** pending 待接收, linked 已关联, returned 已退回. */
    status: text("status", { enum: cascadeLinkStatuses }).notNull().default("pending"),
    /** The subordinate's own task or measure, once linked. */
    nodeId: uuid("node_id").references(() => planNodes.id),
    returnReason: text("return_reason"),
    /**
     * When the subordinate last returned it, kept once it is linked after all: what the link was on an earlier
     * day (the 上级通报 of a past day) is read from these instants.
     */
    returnedAt: timestamp("returned_at", { withTimezone: true }),
    linkedAt: timestamp("linked_at", { withTimezone: true }),
    linkedBy: uuid("linked_by").references(() => users.id),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The once-only guarantee of 下达: a bureau receives a hand-down once, however often it is handed down.
    uniqueIndex("cascade_links_hand_down_key").on(t.tenantId, t.handDownId),
    index("cascade_links_inbox_idx").on(t.tenantId, t.status, t.createdAt),
    index("cascade_links_node_idx").on(t.tenantId, t.nodeId),
    // The superior's roll-up joins from its hand-downs to every county's link.
    index("cascade_links_from_idx").on(t.fromTenantId, t.handDownId),
    check("cascade_links_status_check", oneOf(t.status, cascadeLinkStatuses)),
  ],
);
