import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PgliteStatements } from "./pglite-statements.js";

let pg: PGlite;
beforeAll(async () => {
  pg = new PGlite();
  await pg.waitReady;
});
afterAll(async () => pg.close());

beforeEach(async () => {
  await pg.exec(`
    deallocate all;
    drop table if exists t;
    create table t (
      id uuid primary key, n int not null, j jsonb, tags text[], at timestamptz, b bytea, note text unique
    );`);
});

const ID = "7b0c6f4e-5a43-4d0e-9a54-1f1c1d1a2b3c";
const INSERT =
  "insert into t (id, n, j, tags, at, b, note) values ($1, $2, $3, $4, $5, $6, $7) returning id, n, j, tags, at, b";
const VALUES = [
  ID,
  3,
  { a: [1, "二"] },
  ["甲", "b,c"],
  new Date("2026-12-05T01:02:03.456Z"),
  new Uint8Array([0, 255]),
];

/** The named statements PGlite holds now, with how often each was planned. */
async function prepared() {
  const rows = await pg.query<{
    name: string;
    statement: string;
    generic_plans: number;
    custom_plans: number;
  }>(
    "select name, statement, generic_plans::int, custom_plans::int from pg_prepared_statements order by name",
  );
  return rows.rows;
}

describe("PGlite statements kept by name", () => {
  it("answers as PGlite's own query does: rows, fields, counts, every type, both row modes", async () => {
    const kept = new PgliteStatements(pg);
    const mine = await kept.query(INSERT, [...VALUES, "一"], {}, false);
    await pg.query("delete from t");
    const theirs = await pg.query(INSERT, [...VALUES, "一"]);
    expect(mine).toEqual(theirs);
    expect(mine.rows[0]).toMatchObject({ n: 3, j: { a: [1, "二"] }, tags: ["甲", "b,c"] });

    const select = "select id, n, at, note from t where n = $1 and note is not distinct from $2";
    for (const options of [{}, { rowMode: "array" as const }, { parsers: { 1184: (v: string) => v } }]) {
      expect(await kept.query(select, [3, "一"], options, false)).toEqual(
        await pg.query(select, [3, "一"], options),
      );
    }
    const update = "update t set n = n + 1 where n > $1";
    expect(await kept.query(update, [0], {}, false)).toEqual({
      rows: [],
      fields: [],
      command: "UPDATE",
      affectedRows: 1,
      rowCount: 1,
    });
    expect(
      await kept.query("select count(*)::int as c from t where note = $1", [null], {}, false),
    ).toMatchObject({
      rows: [{ c: 0 }],
    });
  });

  it("parses a statement once: PostgreSQL plans it for its values five times, then keeps a generic plan", async () => {
    const kept = new PgliteStatements(pg);
    await kept.query(INSERT, [...VALUES, "一"], {}, false);
    for (let i = 0; i < 12; i++) await kept.query("select n from t where id = $1", [ID], {}, false);
    expect(kept.size).toBe(2);
    expect(await prepared()).toEqual([
      expect.objectContaining({ statement: INSERT, custom_plans: 1, generic_plans: 0 }),
      expect.objectContaining({
        statement: "select n from t where id = $1",
        custom_plans: 5,
        generic_plans: 7,
      }),
    ]);
  });

  it("closes the least recently used statement past its capacity", async () => {
    const kept = new PgliteStatements(pg, 2);
    const [a, b, c] = [
      "select 1 as x where $1::int > 0",
      "select 2 as x where $1::int > 0",
      "select 3 as x where $1::int > 0",
    ];
    for (const sql of [a, b, a, c]) await kept.query(sql!, [1], {}, false);
    // b was closed with the call that kept c; the next call confirms nothing else went.
    expect((await kept.query(a!, [1], {}, false)).rows).toEqual([{ x: 1 }]);
    expect(kept.size).toBe(2);
    expect((await prepared()).map((p) => p.statement).sort()).toEqual([a, c]);
    // Used again, b is prepared anew and c, now the least recently used, is closed.
    expect((await kept.query(b!, [1], {}, false)).rows).toEqual([{ x: 2 }]);
    expect((await prepared()).map((p) => p.statement).sort()).toEqual([a, b]);
  });

  it("raises PostgreSQL's error with its statement and leaves the session ready for the next one", async () => {
    const kept = new PgliteStatements(pg);
    await expect(kept.query("select from where $1", [1], {}, false)).rejects.toMatchObject({
      code: "42601",
      query: "select from where $1",
    });
    expect(kept.size).toBe(0);
    await kept.query(INSERT, [...VALUES, "一"], {}, false);
    const other = ["8c1d7f5e-6b54-4e1f-8b65-2a2d2e2b3c4d", ...VALUES.slice(1), "一"];
    await expect(kept.query(INSERT, other, {}, false)).rejects.toMatchObject({
      code: "23505",
      constraint: "t_note_key",
      params: other,
    });
    await expect(
      kept.query("select n from t where id = $1", ["not a uuid"], {}, false),
    ).rejects.toMatchObject({
      code: "22P02",
    });
    expect((await kept.query("select n from t where id = $1", [ID], {}, false)).rows).toEqual([{ n: 3 }]);
  });

  it("runs inside the open transaction when told so, and waits for it to end otherwise", async () => {
    const kept = new PgliteStatements(pg);
    const count = "select count(*)::int as c from t where n > $1";
    let outside: Promise<unknown> | undefined;
    await pg
      .transaction(async () => {
        await kept.query(INSERT, [...VALUES, "一"], {}, true);
        expect((await kept.query(count, [0], {}, true)).rows).toEqual([{ c: 1 }]);
        // Issued while the transaction is open: it must not see the row the transaction is about to roll back.
        outside = kept.query(count, [0], {}, false);
        await new Promise((r) => setTimeout(r, 20));
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(((await outside) as { rows: unknown[] }).rows).toEqual([{ c: 0 }]);
  });

  it("an error inside a transaction aborts that transaction only", async () => {
    const kept = new PgliteStatements(pg);
    await expect(
      pg.transaction(async () => {
        await kept.query(INSERT, [...VALUES, "一"], {}, true);
        await kept.query("select n / $1 from t", [0], {}, true);
      }),
    ).rejects.toMatchObject({ code: "22012" });
    expect((await kept.query("select count(*)::int as c from t where n > $1", [0], {}, false)).rows).toEqual([
      { c: 0 },
    ]);
  });

  it("prepares a statement again when a schema change altered its rows, outside a transaction", async () => {
    const kept = new PgliteStatements(pg);
    await kept.query(INSERT, [...VALUES, "一"], {}, false);
    const all = "select * from t where id = $1";
    expect(Object.keys((await kept.query(all, [ID], {}, false)).rows[0]!)).not.toContain("extra");
    await pg.exec("alter table t add column extra int not null default 7");
    expect((await kept.query(all, [ID], {}, false)).rows[0]).toMatchObject({ n: 3, extra: 7 });
    expect((await prepared()).filter((p) => p.statement === all)).toHaveLength(1);
  });

  it("prepares a statement again when the session dropped it", async () => {
    const kept = new PgliteStatements(pg);
    const one = "select $1::int + 1 as x";
    expect((await kept.query(one, [1], {}, false)).rows).toEqual([{ x: 2 }]);
    await pg.exec("deallocate all");
    expect((await kept.query(one, [2], {}, false)).rows).toEqual([{ x: 3 }]);
  });

  it("keeps reads and writes, not schema changes, transaction control or bulk writes", () => {
    const kept = (sql: string, params: unknown[] = []) => PgliteStatements.keeps(sql, params);
    for (const sql of [
      "select 1",
      " WITH x as (select 1) select * from x",
      "insert into t",
      "update t",
      "delete from t",
    ])
      expect(kept(sql), sql).toBe(true);
    for (const sql of ["create table x ()", "alter table t", "begin", "set local x = 1", "selection"])
      expect(kept(sql), sql).toBe(false);
    const rows = Array.from({ length: 101 }, (_, i) => `($${i + 1})`).join(", ");
    expect(kept(`insert into t (note) values ${rows}`, Array(101).fill("x"))).toBe(false);
    expect(kept(`insert into t (note) values ($1)`, ["x"])).toBe(true);
    expect(kept(`select '${"x".repeat(16_001)}'`)).toBe(false);
  });
});
