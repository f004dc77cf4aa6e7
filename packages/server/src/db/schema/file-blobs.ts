import { bigint, customType, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.js";

const bytea = customType<{ data: Uint8Array }>({ dataType: () => "bytea" });

/**
 * Stored files when the file store is PostgreSQL (`FILE_STORE=postgres`): one row per sha256, naming the chunks
 * that hold its bytes. The row is inserted only once every chunk is written and the hash checked, so a reader that
 * finds it finds the whole file; the primary key keeps one copy of the same bytes.
 */
export const fileBlobs = pgTable("file_blobs", {
  sha256: text("sha256").primaryKey(),
  /** The write that produced the chunks; chunks of a write that never got its row are swept. */
  blobId: uuid("blob_id").notNull().unique(),
  size: bigint("size", { mode: "number" }).notNull(),
  chunks: integer("chunks").notNull(),
  createdAt: createdAt(),
});

/**
 * The bytes of stored files in pieces of 256 KB, so a file is written and read a piece at a time and never held
 * whole in memory. Keyed by the write, not the hash: the hash is known only once the last piece has passed.
 */
export const fileBlobChunks = pgTable(
  "file_blob_chunks",
  {
    blobId: uuid("blob_id").notNull(),
    idx: integer("idx").notNull(),
    data: bytea("data").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.blobId, t.idx] })],
);
