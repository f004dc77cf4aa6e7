import { cascadeNoticeEventActions, cascadeNoticeStatuses, noticeLevels } from "@duban/domain";
import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenants, users } from "./accounts.js";
import { cascadeLinks, handDowns } from "./cascade.js";
import { createdAt, updatedAt } from "./columns.js";
import { oneOf } from "./enum-check.js";
import { tenantRef } from "./tenant-ref.js";

/**
 * A superior bureau's 督办单 to one subordinate bureau（上级督办）, owned by the superior. It names the hand-down and
 * the subordinate's link to it: the subordinate reaches the notice only through that link of its own.
 */
export const cascadeNotices = pgTable(
  "cascade_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    handDownId: uuid("hand_down_id")
      .notNull()
      .references(() => handDowns.id),
    /** The subordinate bureau it is addressed to. */
    toTenantId: uuid("to_tenant_id")
      .notNull()
      .references(() => tenants.id),
    /** The subordinate's link row（its inbox item）for the hand-down. */
    linkId: uuid("link_id")
      .notNull()
      .references(() => cascadeLinks.id),
    /** blue 提醒, yellow 警示, red 督办. */
    level: text("level", { enum: noticeLevels }).notNull(),
    reason: text("reason").notNull(),
    replyDue: text("reply_due").notNull(),
    /** 文号 from the superior's "notice" series, given in the issuing transaction. */
    documentNumber: text("document_number"),
    status: text("status", { enum: cascadeNoticeStatuses }).notNull().default("open"),
    issuedBy: uuid("issued_by").references(() => users.id),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("cascade_notices_hand_down_idx").on(t.tenantId, t.handDownId, t.createdAt),
    // The subordinate's reads start from its own link rows and reach the notices through them.
    index("cascade_notices_link_idx").on(t.linkId, t.toTenantId),
    uniqueIndex("cascade_notices_document_number_key")
      .on(t.tenantId, t.documentNumber)
      .where(sql`${t.documentNumber} is not null`),
    // One live notice per bureau and item: a second would only repeat the first (and a replayed issue adds none).
    uniqueIndex("cascade_notices_live_key")
      .on(t.tenantId, t.handDownId, t.toTenantId)
      .where(sql`${t.status} in ('open', 'replied', 'returned')`),
    check("cascade_notices_level_check", oneOf(t.level, noticeLevels)),
    check("cascade_notices_status_check", oneOf(t.status, cascadeNoticeStatuses)),
  ],
);

/**
 * The history of a cross-bureau notice. Each step is owned by the bureau whose person took it: the issue and the
 * decisions by the superior, a reply by the subordinate (its answer is what it sends up).
 */
export const cascadeNoticeEvents = pgTable(
  "cascade_notice_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: tenantRef(),
    noticeId: uuid("notice_id")
      .notNull()
      .references(() => cascadeNotices.id),
    action: text("action", { enum: cascadeNoticeEventActions }).notNull(),
    text: text("text"),
    measures: text("measures"),
    actorId: uuid("actor_id").references(() => users.id),
    actorName: text("actor_name"),
    createdAt: createdAt(),
  },
  (t) => [
    index("cascade_notice_events_notice_idx").on(t.noticeId, t.createdAt),
    check("cascade_notice_events_action_check", oneOf(t.action, cascadeNoticeEventActions)),
  ],
);
