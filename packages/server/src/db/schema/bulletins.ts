import { type BulletinBlock, bulletinStatuses } from "@duban/domain";
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
import { users } from "./accounts.js";
import { createdAt, updatedAt } from "./columns.js";
import { oneOf } from "./enum-check.js";
import { plans } from "./plans.js";
import { tenantRef } from "./tenant-ref.js";

/** 督查通报: a draft of one plan's period, then issued with its 文号 and frozen. */
export const bulletins = pgTable(
  "bulletins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    title: text("title").notNull(),
    /** The period reported on, Shanghai days; `to` is the day its figures stand as of. */
    periodFrom: text("period_from").notNull(),
    periodTo: text("period_to").notNull(),
    status: text("status", { enum: bulletinStatuses }).notNull().default("draft"),
    content: jsonb("content").$type<BulletinBlock[]>().notNull(),
    /** The units the 通报 names (红榜, 通报批评): told when it is issued, and allowed to read it then. */
    namedUnitIds: uuid("named_unit_ids").array().notNull().default([]),
    version: integer("version").notNull().default(0),
    /** 文号 and its sequence in the plan year's "bulletin" series, set once when issued. */
    number: text("number"),
    seq: integer("seq"),
    issuedAt: timestamp("issued_at", { withTimezone: true }),
    issuedBy: uuid("issued_by").references(() => users.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("bulletins_plan_idx").on(t.tenantId, t.planId, t.createdAt),
    // A 文号 names one document: a second bulletin with the same number would be a numbering fault.
    uniqueIndex("bulletins_number_unique").on(t.tenantId, t.number).where(sql`${t.number} is not null`),
    check("bulletins_status_check", oneOf(t.status, bulletinStatuses)),
    // Issued and numbered go together: the number is what makes a 通报 issued.
    check("bulletins_issued_check", sql`(${t.status} = 'issued') = (${t.number} is not null)`),
  ],
);
