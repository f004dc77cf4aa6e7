import { notificationKinds, notificationModes } from "@duban/domain";
import { check, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { createdAt, updatedAt } from "./columns.js";
import { oneOf } from "./enum-check.js";
import { tenantRef } from "./tenant-ref.js";

/** How a user hears of one kind of notification; a kind without a row is pushed (the default). */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    tenantId: tenantRef(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: notificationKinds as [string, ...string[]] }).notNull(),
    /** in_app, push or digest. */
    mode: text("mode", { enum: notificationModes }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.kind] }),
    check("notification_preferences_kind_check", oneOf(t.kind, notificationKinds)),
    check("notification_preferences_mode_check", oneOf(t.mode, notificationModes)),
  ],
);

/** The daily digests sent: the claim that sends each user at most one a day, however many processes run. */
export const notificationDigests = pgTable(
  "notification_digests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** The Shanghai calendar day of the digest (YYYY-MM-DD). */
    day: text("day").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("notification_digests_key").on(t.tenantId, t.userId, t.day)],
);
