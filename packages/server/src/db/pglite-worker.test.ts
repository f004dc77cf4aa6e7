// PGlite in a worker thread: the event loop stays free while it works, and it behaves as PGlite in process does
// (errors with their PostgreSQL fields, transactions that serialise and roll back, a clean shutdown), and keeps the
// app's statements by name.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueViolation } from "../errors.js";
import { pgliteTemplate } from "../test/pglite-template.js";
import { type Database, openDatabase, type PgliteThread } from "./client.js";
import type { PgliteWorkerClient } from "./pglite-proxy.js";

let template: Blob;
let database: Database;

beforeAll(async () => {
  template = await pgliteTemplate();
  database = await openDatabase({ pgliteThread: "worker", template });
  await database.db.execute(sql`create table counter (id int primary key, n int not null)`);
  await database.db.execute(
    sql`create table item (id int primary key, code text constraint item_code_key unique)`,
  );
  await database.db.execute(sql`insert into counter values (1, 0)`);
});
afterAll(() => database.close());

/** The rows a statement answers. */
async function rowsOf(db: Database, query: SQL): Promise<Record<string, unknown>[]> {
  return ((await db.db.execute(query)) as { rows: Record<string, unknown>[] }).rows;
}

/** The worker behind a database opened with `pgliteThread: "worker"`. */
function workerOf(db: Database): PgliteWorkerClient {
  return (db.db as unknown as { $client: PgliteWorkerClient }).$client;
}

/** A query that keeps PGlite busy for a good half second. */
const heavy = sql`select count(*) as n from generate_series(1, 1000000) g where g % 7 = 3`;
/** Its answer: 3, 10, 17, … up to a million. */
const heavyCount = Math.floor((1_000_000 - 3) / 7) + 1;

/** How long the longest pause between 2 ms timer ticks lasted while `work` ran, and how long `work` took. */
async function timerGapsDuring(work: () => Promise<unknown>): Promise<{ maxGap: number; took: number }> {
  let last = performance.now();
  let maxGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 2);
  const start = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  // A tick that never came while the work ran counts as one pause lasting to its end.
  const end = performance.now();
  return { maxGap: Math.max(maxGap, end - last), took: end - start };
}

/** Opens a database in the given mode, runs the heavy query, closes it. */
async function heavyQueryIn(thread: PgliteThread) {
  const db = await openDatabase({ pgliteThread: thread, template });
  try {
    return await timerGapsDuring(() => db.db.execute(heavy));
  } finally {
    await db.close();
  }
}

describe("PGlite in a worker thread", () => {
  it("keeps the event loop free while a heavy query runs (on the main thread it does not)", async () => {
    const worker = await heavyQueryIn("worker");
    const main = await heavyQueryIn("main");
    // On the main thread the timers wait for the whole query; in the worker they keep firing.
    expect(main.maxGap).toBeGreaterThan(main.took * 0.8);
    expect(worker.maxGap).toBeLessThan(worker.took / 5);
  }, 120_000);

  it("answers another request while a heavy query runs", async () => {
    const slow = database.db.execute(heavy);
    let answeredFirst = false;
    await new Promise<void>((resolve) => setImmediate(resolve));
    const quick = new Promise<void>((resolve) =>
      setTimeout(() => {
        answeredFirst = true;
        resolve();
      }, 5),
    );
    await Promise.race([quick, slow]);
    expect(answeredFirst).toBe(true);
    const [row] = ((await slow) as { rows: { n: number }[] }).rows;
    expect(Number(row?.n)).toBe(heavyCount);
  });

  it("keeps a unique violation's code, constraint, table and detail", async () => {
    await database.db.execute(sql`insert into item values (1, 'a')`);
    const err = await database.db.execute(sql`insert into item values (2, 'a')`).catch((e: unknown) => e);
    expect(uniqueViolation(err)).toEqual({ constraint: "item_code_key" });
    const cause = (err as { cause: Record<string, unknown> }).cause;
    expect(cause).toBeInstanceOf(Error);
    expect(cause).toMatchObject({
      code: "23505",
      constraint: "item_code_key",
      table: "item",
      schema: "public",
      detail: "Key (code)=(a) already exists.",
      severity: "ERROR",
      message: 'duplicate key value violates unique constraint "item_code_key"',
    });
  });

  it("keeps a syntax error's position and a not-null violation's column", async () => {
    const syntax = await database.db.execute(sql.raw("select 1 frm item")).catch((e: unknown) => e);
    expect((syntax as { cause: unknown }).cause).toMatchObject({ code: "42601", position: "14" });
    const notNull = await database.db
      .execute(sql`insert into counter values (9, null)`)
      .catch((e: unknown) => e);
    expect((notNull as { cause: unknown }).cause).toMatchObject({
      code: "23502",
      column: "n",
      table: "counter",
    });
  });

  it("rolls back a transaction whose callback throws, and keeps the callback's error", async () => {
    const failure = new Error("stop");
    const err = await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`update counter set n = 100 where id = 1`);
        await tx.execute(sql`insert into item values (10, 'rolled back')`);
        throw failure;
      })
      .catch((e: unknown) => e);
    expect(err).toBe(failure);
    const rows = await rowsOf(
      database,
      sql`select (select n from counter where id = 1) as n, (select count(*) from item where id = 10)::int as items`,
    );
    expect(rows).toEqual([{ n: 0, items: 0 }]);
  });

  it("rolls back on Drizzle's tx.rollback() and to a savepoint in a nested transaction", async () => {
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into item values (20, 'x')`);
        tx.rollback();
      })
      .catch(() => undefined);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into item values (21, 'kept')`);
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into item values (22, 'undone')`);
          throw new Error("inner");
        })
        .catch(() => undefined);
    });
    const rows = await rowsOf(database, sql`select id from item where id between 20 and 22 order by id`);
    expect(rows).toEqual([{ id: 21 }]);
  });

  it("refuses a statement of a transaction after its own rollback, as PGlite's transaction object does", async () => {
    const worker = workerOf(database);
    await worker.transaction(async (tx) => {
      await tx.query("insert into item values ($1, $2)", [23, "rolled back"]);
      await tx.rollback();
      await expect(tx.query("insert into item values ($1, $2)", [24, "after"])).rejects.toThrow(
        "Transaction is closed",
      );
    });
    expect(await rowsOf(database, sql`select id from item where id between 23 and 24`)).toEqual([]);
  });

  it("runs the app's statements as named ones: parsed once, then planned by PostgreSQL's plan cache", async () => {
    const read = sql`select n from counter where id = ${1}`;
    for (let i = 0; i < 12; i++) await rowsOf(database, read);
    const kept = await rowsOf(
      database,
      sql`select generic_plans::int, custom_plans::int from pg_prepared_statements
          where statement = 'select n from counter where id = $1'`,
    );
    expect(kept).toEqual([{ generic_plans: 7, custom_plans: 5 }]);
  });

  it("serialises concurrent transactions and makes other statements wait for the commit", async () => {
    const events: string[] = [];
    let aBegun: () => void = () => undefined;
    const begun = new Promise<void>((resolve) => {
      aBegun = resolve;
    });
    const increment = (name: string) =>
      database.db.transaction(async (tx) => {
        events.push(`${name} begin`);
        aBegun();
        const { rows } = (await tx.execute(sql`select n from counter where id = 1`)) as {
          rows: { n: number }[];
        };
        await new Promise((resolve) => setTimeout(resolve, 20));
        await tx.execute(sql`update counter set n = ${(rows[0]?.n ?? 0) + 1} where id = 1`);
        events.push(`${name} commit`);
      });
    // While the first transaction is open: a plain select, then (once it is sent) a second transaction.
    const first = increment("a");
    await begun;
    const outside = rowsOf(database, sql`select n from counter where id = 1`);
    await new Promise((resolve) => setImmediate(resolve));
    const second = increment("b");
    await Promise.all([first, second]);
    expect(events).toEqual(["a begin", "a commit", "b begin", "b commit"]);
    expect(await outside).toEqual([{ n: 1 }]);
    expect(await rowsOf(database, sql`select n from counter where id = 1`)).toEqual([{ n: 2 }]);
  });

  it("passes dates, bytes, json, arrays and big integers both ways, as PGlite in process does", async () => {
    const at = new Date("2023-06-15T01:00:00.000Z");
    const query = sql`select ${at}::timestamptz as at, ${Buffer.from([0, 1, 254, 255])}::bytea as bytes,
      ${JSON.stringify({ a: [1, "二"] })}::jsonb as doc, ${"{1,2,3}"}::int[] as list,
      9007199254740993::int8 as big, 1.50::numeric as amount, '2023-06-15'::date as day`;
    const here = await openDatabase({ pgliteThread: "main", template });
    const expected = await rowsOf(here, query);
    await here.close();
    const rows = await rowsOf(database, query);
    expect(rows).toEqual(expected);
    expect(rows[0]).toMatchObject({ at: "2023-06-15 01:00:00+00", bytes: new Uint8Array([0, 1, 254, 255]) });
    expect(rows[0]).toMatchObject({ doc: { a: [1, "二"] }, list: [1, 2, 3], day: "2023-06-15" });
  });

  it("leaves no worker behind after close, and refuses statements afterwards", async () => {
    const db = await openDatabase({ pgliteThread: "worker", template });
    const worker = workerOf(db);
    await db.db.execute(sql`select 1`);
    await db.close();
    await expect(worker.exited).resolves.toBeTypeOf("number");
    await expect(db.db.execute(sql`select 1`)).rejects.toThrow();
  });

  it("rejects waiting statements instead of hanging when the worker dies", async () => {
    const db = await openDatabase({ pgliteThread: "worker", template });
    const worker = workerOf(db);
    const pending = db.db.execute(heavy);
    await (worker as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await expect(pending).rejects.toThrow();
    await db.close();
  });

  it("keeps a data directory on disk that the main-thread mode opens, and dumps a template", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-pglite-worker-"));
    try {
      const first = await openDatabase({ pgliteThread: "worker", dataDir: dir });
      await first.db.execute(sql`create table kept (v text)`);
      await first.db.execute(sql`insert into kept values ('on disk')`);
      const dump = await first.dumpDataDir?.();
      await first.close();
      const second = await openDatabase({ pgliteThread: "main", dataDir: dir });
      expect(await rowsOf(second, sql`select v from kept`)).toEqual([{ v: "on disk" }]);
      await second.close();
      const fromDump = await openDatabase({ pgliteThread: "worker", template: dump });
      expect(await rowsOf(fromDump, sql`select v from kept`)).toEqual([{ v: "on disk" }]);
      await fromDump.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
