import {
  bigint,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt } from "./columns.js";
import { plans } from "./plans.js";
import { tenantRef } from "./tenant-ref.js";

/**
 * A plan's state on one Shanghai day（日快照）, append-only: one compact JSON document per plan and day rather
 * than one row per task, assignment, indicator and unit. Every reader (cockpit, 通报, 台账, public page) wants the
 * whole plan of one day at once. Measured by `npm run bench:cockpit` (seed plan, 300 schools, 1,800
 * assignments): a day is 559 KB of JSON stored as 168 KB (TOAST compression), against 1,981 rows and 860 KB a day
 * (with their index) as rows per object; reading one day back took about the same (17–28 ms vs 18 ms) either way.
 */
export const planSnapshots = pgTable(
  "plan_snapshots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    /** The Shanghai calendar day, YYYY-MM-DD. */
    day: text("day").notNull(),
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull(),
    /** The plan-wide totals alone, so a trend over a year reads a few hundred bytes per day, not the whole state. */
    totals: jsonb("totals").notNull(),
    /** The whole `PlanSnapshot`. */
    data: jsonb("data").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // Once per plan and day, whichever server process's scheduler gets there first (insert … on conflict do
    // nothing); also the index every "as of a day, or the latest before it" lookup walks.
    uniqueIndex("plan_snapshots_plan_day_key").on(t.tenantId, t.planId, t.day),
  ],
);

/**
 * A tenant's data version: a number that grows with every committed transaction that writes a row the cockpit
 * is computed from (triggers in migration `cockpit_data_version_triggers`). A server process keeps today's
 * cockpit while the number stands still, so every process on the database sees a write at once, with one read of
 * the tenant's slots (by primary key) per request instead of recomputing the plan. The number is their sum:
 * each commit adds 1 to the slot of its database connection (`data_version_spread`), so the commits of a
 * surge (300 schools at once) do not all wait for one row; read it with `dataVersionOf`.
 */
export const dataVersions = pgTable(
  "data_versions",
  {
    tenantId: tenantRef(),
    slot: smallint("slot").notNull().default(0),
    version: bigint("version", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.slot] })],
);
