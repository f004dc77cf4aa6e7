import { documentSeries } from "@duban/domain";
import { check, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { updatedAt } from "./columns.js";
import { oneOf } from "./enum-check.js";
import { tenantRef } from "./tenant-ref.js";

/** A tenant's own 机关代字 for a 文号 series; a series without a row uses the default derived from its name. */
export const documentNumberPrefixes = pgTable(
  "document_number_prefixes",
  {
    tenantId: tenantRef(),
    series: text("series", { enum: documentSeries }).notNull(),
    prefix: text("prefix").notNull(),
    /** Saves of this row; the settings' version is the sum over the tenant's rows (0 while defaults stand). */
    version: integer("version").notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.series] }),
    check("document_number_prefixes_series_check", oneOf(t.series, documentSeries)),
  ],
);

/**
 * The last 文号 given per tenant, series and year. Taking a number increments the row inside the caller's
 * transaction, whose row lock queues concurrent takers and whose rollback returns the number: no gaps, no repeats.
 */
export const documentNumberSequences = pgTable(
  "document_number_sequences",
  {
    tenantId: tenantRef(),
    series: text("series", { enum: documentSeries }).notNull(),
    year: integer("year").notNull(),
    lastSeq: integer("last_seq").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.series, t.year] }),
    check("document_number_sequences_series_check", oneOf(t.series, documentSeries)),
  ],
);
