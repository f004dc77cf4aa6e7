import type { Light } from "@duban/domain";
import {
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { cascadeLinks } from "./cascade.js";
import { createdAt } from "./columns.js";
import { tenantRef } from "./tenant-ref.js";

/**
 * An upward report（向上报送）, owned by the subordinate bureau that sends it: what it chose to tell its superior
 * about a linked hand-down — its own summary, its item's approved progress and light when sent, and the files it
 * attached (each an approved report's evidence on the item). The superior reaches it only from its own hand-down
 * through the link. Append-only: a later report is a new row with the next version.
 */
export const upwardReports = pgTable(
  "upward_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    cascadeLinkId: uuid("cascade_link_id")
      .notNull()
      .references(() => cascadeLinks.id),
    /** 1 for the link's first report, then 2, 3, … */
    version: integer("version").notNull(),
    text: text("text").notNull(),
    progress: doublePrecision("progress"),
    light: text("light").$type<Light>(),
    /** The files sent up, in the order chosen; each is a file of the subordinate bureau. */
    fileIds: uuid("file_ids").array().notNull().default([]),
    submittedBy: uuid("submitted_by").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // Two reports composed from the same latest one cannot both be sent: the second meets this key (409).
    uniqueIndex("upward_reports_link_version_key").on(t.tenantId, t.cascadeLinkId, t.version),
    // The superior's reads join from its hand-downs' links, whose tenant is the subordinate's.
    index("upward_reports_link_idx").on(t.cascadeLinkId, t.version),
  ],
);
