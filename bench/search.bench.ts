// How Chinese search is indexed, measured: pg_trgm (gin_trgm_ops, queried with ILIKE) against character bigrams
// kept as a 'simple' tsvector with a GIN index, on 300 schools × 12 monthly cycles × 3 tasks of report text made
// from the seed plan's sentences. Runs on PGlite, and on PostgreSQL too when BENCH_DATABASE_URL is set.
// Prints one JSON object. Run: `node --conditions=source --import tsx bench/search.bench.ts`.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";

const ROWS = Number(process.env.BENCH_ROWS ?? 300 * 12 * 3);
const QUERIES = ["幼儿园 分园", "课后服务", "普惠", "心理健康教育"];
const REPEAT = 20;

type Exec = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

const sentences = fs
  .readFileSync(new URL("../packages/plan-parser/src/test-fixtures/seed-2023.txt", import.meta.url), "utf8")
  .split(/[。；\n]/)
  .map((s) => s.trim())
  .filter((s) => s.length > 4);

/** A deterministic report text of 3–6 seed sentences. */
function reportText(i: number): string {
  const n = 3 + (i % 4);
  return Array.from({ length: n }, (_, k) => sentences[(i * 7 + k * 13) % sentences.length]).join("。");
}

// The same functions the search migration installs.
const functions = `
create or replace function bench_grams(t text) returns text[] language sql immutable as $$
  select coalesce(array_agg(distinct case when char_length(w) = 1 then w else substr(w, i, 2) end), '{}')
  from regexp_split_to_table(lower(coalesce(t, '')), '[\\s[:punct:]，。、；：？！“”‘’（）《》【】…—·]+') as w,
       generate_series(1, greatest(char_length(w) - 1, 1)) as i
  where w <> ''
$$;
create or replace function bench_query(q text) returns tsquery language sql immutable as $$
  select string_agg('''' || replace(g, '''', '''''') || '''', ' & ')::tsquery from unnest(bench_grams(q)) as g
$$;`;

async function measure(exec: Exec, engine: string) {
  await exec("drop table if exists bench_search");
  await exec(functions);
  await exec("create table bench_search (id serial primary key, body text not null, tsv tsvector)");
  for (let start = 0; start < ROWS; start += 500) {
    const bodies = Array.from({ length: Math.min(500, ROWS - start) }, (_, k) => reportText(start + k));
    await exec("insert into bench_search (body) select unnest($1::text[])", [bodies]);
  }
  const t0 = performance.now();
  await exec("update bench_search set tsv = array_to_tsvector(bench_grams(body))");
  await exec("create index bench_search_tsv on bench_search using gin (tsv)");
  const bigramBuildMs = performance.now() - t0;
  const t1 = performance.now();
  await exec("create index bench_search_trgm on bench_search using gin (body gin_trgm_ops)");
  const trgmBuildMs = performance.now() - t1;
  const size = async (name: string) => Number((await exec(`select pg_relation_size('${name}') as n`))[0]!.n);
  await exec("analyze bench_search");
  const result: Record<string, unknown> = {
    engine,
    rows: ROWS,
    tableBytes: await size("bench_search"),
    bigramIndexBytes: await size("bench_search_tsv"),
    trgmIndexBytes: await size("bench_search_trgm"),
    bigramBuildMs: Math.round(bigramBuildMs),
    trgmBuildMs: Math.round(trgmBuildMs),
    // Trigrams pg_trgm extracts from a Chinese word: none means the index cannot narrow a Chinese query.
    trgmOfChinese: (await exec("select show_trgm('幼儿园') as t"))[0]!.t,
  };
  for (const q of QUERIES) {
    const words = q.split(/\s+/);
    const like = words.map((_, k) => `strpos(body, $${k + 2}::text) > 0`).join(" and ");
    const bigramSql = `select count(*)::int as n from bench_search where tsv @@ bench_query($1::text) and ${like}`;
    const trgmSql = `select count(*)::int as n from bench_search where $1::text is not null and ${words.map((_, k) => `body like '%' || $${k + 2}::text || '%'`).join(" and ")}`;
    const time = async (sql: string) => {
      const hits = Number((await exec(sql, [q, ...words]))[0]!.n);
      const start = performance.now();
      for (let r = 0; r < REPEAT; r++) await exec(sql, [q, ...words]);
      return { hits, ms: Number(((performance.now() - start) / REPEAT).toFixed(2)) };
    };
    const plan = await exec(
      `explain ${trgmSql.replace(/\$(\d)/g, (_, d) => `'${[q, ...words][Number(d) - 1]}'`)}`,
    );
    result[q] = {
      bigram: await time(bigramSql),
      trgm: await time(trgmSql),
      trgmPlan: plan.map((r) => Object.values(r)[0]).join(" | "),
    };
  }
  await exec("drop table bench_search");
  return result;
}

const lite = new PGlite({ extensions: { pg_trgm } });
await lite.exec("create extension if not exists pg_trgm");
const results = [
  await measure(async (sql, params) => {
    // exec runs several statements but answers no rows; query answers one statement's rows.
    if (!params && !/^\s*(select|explain)/i.test(sql)) {
      await lite.exec(sql);
      return [];
    }
    return (await lite.query<Record<string, unknown>>(sql, params ?? [])).rows;
  }, "pglite"),
];
await lite.close();
if (process.env.BENCH_DATABASE_URL) {
  const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL });
  await pool.query("create extension if not exists pg_trgm");
  results.push(await measure(async (sql, params) => (await pool.query(sql, params)).rows, "postgres"));
  await pool.end();
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
