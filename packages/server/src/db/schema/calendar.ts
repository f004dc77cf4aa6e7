import { sql } from "drizzle-orm";
import { check, integer, jsonb, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { tenantRef } from "./tenant-ref.js";

/**
 * A bureau's own working-day table for one year: its 法定节假日 days off and 调休 working days, as a JSON list of
 * `{ date, kind, name }`. A year without a row uses the official arrangement the domain ships, or Monday to Friday
 * when none ships; a row replaces the shipped table for its year.
 */
export const workCalendarYears = pgTable(
  "work_calendar_years",
  {
    tenantId: tenantRef(),
    year: integer("year").notNull(),
    days: jsonb("days").notNull(),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.year] }),
    check("work_calendar_years_year", sql`${t.year} between 2000 and 2100`),
  ],
);
