import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { preparedOnce } from "../db/prepared-once.js";
import { fileBlobChunks, fileBlobs } from "../db/schema.js";
import {
  assertSha256,
  FileMissingError,
  type FileSource,
  type FileStore,
  hashing,
  readWhole,
  rechunk,
  type StoredFile,
} from "./file-store.js";

/** Bytes per stored chunk: large enough that a 20 MB photo is 80 rows, small enough to hold a few in memory. */
export const BLOB_CHUNK_BYTES = 256 * 1024;

/** Chunks fetched per statement while reading: at most 1 MB in memory per open download. */
const READ_BATCH = 4;

/** Chunks left by a write that never finished (a process killed mid-upload) are swept after this long. */
const ABANDONED_AFTER_HOURS = 6;

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const p = (name: string) => sql`${sql.placeholder(name)}`;

// An upload's two writes, named (`preparedOnce`): parsed and planned once per connection.
function chunkInsert(db: Db) {
  return preparedOnce(db, "file_chunk_put", () =>
    db
      .insert(fileBlobChunks)
      .values({ blobId: p("blobId"), idx: p("idx"), data: p("data") })
      .prepare("file_chunk_put"),
  );
}

function blobInsert(db: Db) {
  return preparedOnce(db, "file_blob_put", () =>
    db
      .insert(fileBlobs)
      .values({ sha256: p("sha256"), blobId: p("blobId"), size: p("size"), chunks: p("chunks") })
      .onConflictDoNothing({ target: fileBlobs.sha256 })
      .returning({ sha256: fileBlobs.sha256 })
      .prepare("file_blob_put"),
  );
}

/**
 * Files in PostgreSQL itself (`file_blobs` and `file_blob_chunks`), so several app servers on one database share
 * them with nothing else to run. Written and read a chunk at a time; each chunk is its own statement outside any
 * transaction, so a slow client's upload holds no transaction open, and the `file_blobs` row that makes the file
 * visible is inserted last.
 */
export class PostgresFileStore implements FileStore {
  readonly kind = "postgres";
  readonly location = "PostgreSQL 表 file_blobs";

  constructor(private readonly db: Db) {}

  async put(source: FileSource, options: { sha256?: string } = {}): Promise<StoredFile> {
    const blobId = randomUUID();
    const hashed = hashing(source, options.sha256);
    let chunks = 0;
    try {
      for await (const piece of rechunk(hashed.chunks, BLOB_CHUNK_BYTES)) {
        await chunkInsert(this.db).execute({ blobId, idx: chunks, data: piece });
        chunks++;
      }
      const stored = hashed.result();
      const made = await blobInsert(this.db).execute({
        sha256: stored.sha256,
        blobId,
        size: stored.size,
        chunks,
      });
      // The same bytes were already stored (perhaps by another server a moment ago): keep that copy only.
      if (made.length === 0) await this.discard(blobId);
      return stored;
    } catch (err) {
      await this.discard(blobId).catch(() => undefined);
      throw err;
    }
  }

  async open(sha256: string): Promise<{ stream: Readable; size: number }> {
    const blob = await this.find(sha256);
    if (!blob) throw new FileMissingError(sha256, this.location);
    const db = this.db;
    async function* pieces() {
      for (let from = 0; from < blob!.chunks; from += READ_BATCH) {
        const rows = await rowsOf<{ data: Uint8Array }>(
          db,
          sql`select data from file_blob_chunks
              where blob_id = ${blob!.blobId} and idx >= ${from} and idx < ${from + READ_BATCH} order by idx`,
        );
        // The row is written after its chunks and they are never changed: a short read means damage.
        if (rows.length !== Math.min(READ_BATCH, blob!.chunks - from))
          throw new Error(`文件 ${sha256} 的数据块不全（file_blob_chunks），存储已损坏`);
        for (const r of rows) yield Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength);
      }
    }
    return { stream: Readable.from(pieces(), { objectMode: false }), size: blob.size };
  }

  async get(sha256: string): Promise<Buffer> {
    return readWhole((await this.open(sha256)).stream);
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.find(sha256)) !== null;
  }

  async close(): Promise<void> {}

  /**
   * Deletes the chunks of writes that never finished and are older than a few hours (their process was killed
   * mid-upload); returns how many chunks went.
   */
  async sweepAbandoned(): Promise<number> {
    const rows = await rowsOf<{ n: number }>(
      this.db,
      sql`with gone as (
            delete from file_blob_chunks c
            where c.created_at < now() - make_interval(hours => ${ABANDONED_AFTER_HOURS})
              and not exists (select 1 from file_blobs b where b.blob_id = c.blob_id)
            returning 1)
          select count(*)::int as n from gone`,
    );
    return rows[0]?.n ?? 0;
  }

  private async find(sha256: string): Promise<{ blobId: string; size: number; chunks: number } | null> {
    assertSha256(sha256);
    const [row] = await rowsOf<{ blob_id: string; size: string | number; chunks: number }>(
      this.db,
      sql`select blob_id, size, chunks from file_blobs where sha256 = ${sha256}`,
    );
    return row ? { blobId: row.blob_id, size: Number(row.size), chunks: row.chunks } : null;
  }

  private async discard(blobId: string): Promise<void> {
    await this.db.execute(sql`delete from file_blob_chunks where blob_id = ${blobId}`);
  }
}
