import { type WeightedProgressItem, weightedProgress } from "@duban/domain";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** A small seeded generator (mulberry32), so a failing case is the same on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Sets of assignments as they occur: whole and one-decimal progress, halves on the rounding edge (x.x5), weights
 * of 0 (all zero: the plain mean), fractions and whole numbers.
 */
function cases(count: number): WeightedProgressItem[][] {
  const next = random(20230615);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const progresses = () =>
    pick([
      () => Math.round(next() * 100),
      () => Math.round(next() * 1000) / 10,
      () => pick([0, 100, 33.35, 66.65, 12.25, 87.75, 50.05]),
    ])();
  const weights = () => pick([0, 0.5, 1, 1, 1, 2, 3, 0.3, Math.round(next() * 100) / 10]);
  return Array.from({ length: count }, () => {
    const zero = next() < 0.1;
    return Array.from({ length: 1 + Math.floor(next() * 8) }, () => ({
      progress: progresses(),
      weight: zero ? 0 : weights(),
    }));
  });
}

/** `weighted_progress_of` over rows as the approval's roll-up sums them (migration `task_progress_sums`). */
const rolledUp = (rows: SQL) => sql`select "x"."s" as "set",
    weighted_progress_of(sum("x"."p" * "x"."w"), sum("x"."w"), sum("x"."p"), count(*), min("x"."p"), max("x"."p"))
      as "progress"
  from (${rows}) as "x" group by "x"."s" order by "x"."s"`;

describe("weighted_progress_of, the database's roll-up of a task's assignments (migration task_progress_sums)", () => {
  it("answers as weightedProgress of the domain for 400 sets of assignments", async () => {
    const sets = cases(400);
    const rows = sets.flatMap((set, i) =>
      set.map((a, n) => sql`(${i}::int, ${n}::int, ${a.progress}::float8, ${a.weight}::float8)`),
    );
    const values = sql`select * from (values ${sql.join(rows, sql`, `)}) as "v"("s", "n", "p", "w")`;
    const result = (await (t.database.db as Db).execute(rolledUp(values))) as unknown as {
      rows: { set: number; progress: number }[];
    };
    const differing = result.rows
      .map((r) => ({ set: sets[r.set]!, sql: Number(r.progress), domain: weightedProgress(sets[r.set]!) }))
      .filter((r) => r.sql !== r.domain);
    expect(result.rows).toHaveLength(400);
    expect(differing).toEqual([]);
  });

  it("is null over no assignments, which the write turns into 0 as the domain does", async () => {
    // An aggregate over no rows still answers one row when nothing groups it: the roll-up's case.
    const result = (await (t.database.db as Db).execute(
      sql`select weighted_progress_of(sum("p" * "w"), sum("w"), sum("p"), count(*), min("p"), max("p")) as "progress"
        from (select 1::float8 as "p", 1::float8 as "w" where false) as "x"`,
    )) as unknown as { rows: { progress: number | null }[] };
    expect([result.rows[0]!.progress, weightedProgress([])]).toEqual([null, 0]);
  });
});
