import { searchKinds } from "@duban/domain";
import { check, customType, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { oneOf } from "./enum-check.js";
import { tenantRef } from "./tenant-ref.js";

/** A PostgreSQL tsvector, written only by the search triggers. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * One searchable record per row (task, measure, milestone, report, 督办单, 整改 item, 批示, unit), kept by
 * triggers on the source tables in the same statement as each write (migration `search_sync`). `grams` holds
 * the text's character bigrams as a 'simple' tsvector: Chinese has no spaces, and bigrams index it the same
 * way on PGlite and PostgreSQL without an extension (measured in bench/search.bench.ts against pg_trgm).
 * Measured on 10 800 report texts (300 schools × 12 cycles × 3 tasks, 19 MB of table): bigram GIN index 4.4 MB
 * against pg_trgm's 6.0 MB; "幼儿园 分园" 4.1 ms on PGlite / 2.6 ms on PostgreSQL (pg_trgm 6.2 / 8.1 ms), and
 * the two-character "普惠" 3.6 / 2.4 ms where pg_trgm cannot use its index and scans (14 / 15.7 ms).
 */
export const searchEntries = pgTable(
  "search_entries",
  {
    tenantId: tenantRef(),
    kind: text("kind", { enum: searchKinds }).notNull(),
    entityId: uuid("entity_id").notNull(),
    /** The plan of a task, measure, milestone or report: its status decides who finds it; also the link. */
    planId: uuid("plan_id"),
    /** The task a measure, milestone or report belongs to: the page a hit opens. */
    nodeId: uuid("node_id"),
    /** The unit a report, 督办单, 整改 item or 批示 is about: a school finds only its own. */
    unitId: uuid("unit_id"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    grams: tsvector("grams").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.entityId] }),
    // The bigram lookup; rows are then checked for the whole words and filtered by tenant and reach.
    index("search_entries_grams_idx").using("gin", t.grams),
    index("search_entries_tenant_idx").on(t.tenantId, t.kind),
    check("search_entries_kind_check", oneOf(t.kind, searchKinds)),
  ],
);
