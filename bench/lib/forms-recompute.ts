// 数据填报's bench form and the recompute measurements of `npm run bench:forms`: the 20-field form of the seed
// plan's figures, 3 000 kindergartens' approved submissions seeded by SQL, and the recompute timed two ways.
import {
  evaluateFormula,
  type FormField,
  type FormulaAst,
  formulaFieldKeys,
  parseFormula,
} from "@duban/domain";
import type pg from "pg";
import { openDatabase } from "../../packages/server/src/db/client.js";
import { recomputeFormIndicators } from "../../packages/server/src/modules/indicator-formulas/index.js";

/** Repeats of each recompute timing; the median is printed. */
const RECOMPUTE_REPEATS = 20;

/** The 20 fields: the figures the seed plan's targets are made of, then 13 further counts. */
export const fields: FormField[] = [
  { key: "children", label: "在园幼儿数", type: "integer", required: true, min: 0, max: 5000, unit: "人" },
  { key: "registered", label: "残疾儿童登记数", type: "integer", required: true, min: 0, unit: "人" },
  { key: "enrolled", label: "残疾儿童入学数", type: "integer", required: true, min: 0, unit: "人" },
  { key: "area", label: "生均面积", type: "decimal", required: false, min: 0, decimals: 2, unit: "平方米" },
  { key: "model", label: "是否示范园", type: "boolean", required: true },
  {
    key: "level",
    label: "办园等级",
    type: "choice",
    required: false,
    options: ["省级示范", "市级示范", "普通"],
  },
  { key: "surveyDay", label: "统计日期", type: "date", required: false },
  ...Array.from({ length: 13 }, (_, i) => ({
    key: `f${i + 8}`,
    label: `统计项${i + 8}`,
    type: "integer" as const,
    required: false,
    min: 0,
    max: 100_000,
  })),
];
export const rules = [{ source: "残疾儿童入学数 <= 残疾儿童登记数", message: "入学数不能超过登记数" }];

/** The 5 computed indicators of the seed plan's kind. */
export const formulas = [
  "sum(在园幼儿数 where 办学性质=公办) / sum(在园幼儿数) × 100",
  "sum(在园幼儿数 where 普惠) / sum(在园幼儿数) × 100",
  "sum(残疾儿童入学数) / sum(残疾儿童登记数) × 100",
  "count(是否示范园 = 是)",
  "avg(生均面积 where 乡镇 = 共济街道)",
];

/** School i's figures: valid, and different per school. */
export function valuesOf(i: number, run: number): Record<string, unknown> {
  const registered = 2 + (i % 5);
  const values: Record<string, unknown> = {
    children: 100 + ((i * 7 + run) % 400),
    registered,
    enrolled: registered - (i % 2),
    area: Number((6 + (i % 40) / 10).toFixed(2)),
    model: i % 9 === 0,
    level: ["省级示范", "市级示范", "普通"][i % 3],
    surveyDay: "2023-06-10",
  };
  for (let k = 8; k <= 20; k++) values[`f${k}`] = (i * k + run) % 1000;
  return values;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : 0;
}
export const r1 = (n: number) => Number(n.toFixed(1));
export const r2 = (n: number) => Number(n.toFixed(2));

/** `units` kindergartens' approved submissions of the form, inserted straight into the database. */
export async function seedRecomputeRows(
  c: pg.Client,
  at: { tenantId: string; formId: string; userId: string; units: number; runId: string },
) {
  const prefix = `填报压测园${at.runId}-`;
  await c.query("begin");
  await c.query(
    `insert into units (tenant_id, name, kind, school_type, ownership, township, sort_order)
     select $1, $2 || lpad(i::text, 4, '0'), 'school', 'kindergarten',
            (array['public','private','private_inclusive'])[1 + i % 3], (array['共济街道','文兰街道','李店镇'])[1 + i % 3], 5000 + i
     from generate_series(1, $3::int) i`,
    [at.tenantId, prefix, at.units],
  );
  const round = await c.query(
    `insert into form_rounds (tenant_id, form_id, name, deadline, created_by) values ($1, $2, $3, '2023-06-25', $4) returning id`,
    [at.tenantId, at.formId, `压测批次${at.runId}`, at.userId],
  );
  const roundId = round.rows[0].id as string;
  const units = await c.query(
    "select id from units where tenant_id = $1 and name like $2 || '%' order by name",
    [at.tenantId, prefix],
  );
  const values = units.rows.map((_, i) => JSON.stringify(valuesOf(i, 0)));
  await c.query(
    `insert into form_submissions (tenant_id, round_id, form_id, unit_id, status, values, submitted_at, reviewed_at)
     select $1, $2, $3, u, 'approved', v::jsonb, now(), now() from unnest($4::uuid[], $5::text[]) as t(u, v)`,
    [at.tenantId, roundId, at.formId, units.rows.map((r) => r.id), values],
  );
  await c.query("commit");
  await c.query("analyze form_submissions");
  return roundId;
}

/** Times loading the approved rows (one query) and evaluating each formula over them; medians of repeats. */
export async function timeRecompute(c: pg.Client, at: { tenantId: string; formId: string; roundId: string }) {
  const asts = formulas.map((source) => {
    const parsed = parseFormula(source, fields);
    if (!parsed.ok) throw new Error(`formula ${source}: ${parsed.message}`);
    return parsed.ast as FormulaAst;
  });
  const keys = [...new Set(asts.flatMap((ast) => formulaFieldKeys(ast)))];
  const load: number[] = [];
  const evaluate: number[][] = asts.map(() => []);
  let rowCount = 0;
  let results: unknown[] = [];
  for (let k = 0; k < RECOMPUTE_REPEATS; k++) {
    const t0 = performance.now();
    // Only the fields the formulas use leave the database: the whole 20-field jsonb is most of the load's time.
    const res = await c.query(
      `select u.id, u.kind, u.school_type, u.ownership, u.township,
              (select jsonb_object_agg(k, s.values -> k) from unnest($4::text[]) k) as values
       from form_submissions s join units u on u.id = s.unit_id
       where s.tenant_id = $1 and s.form_id = $2 and s.round_id = $3 and s.status = 'approved'`,
      [at.tenantId, at.formId, at.roundId, keys],
    );
    const rows = res.rows.map((r) => ({
      unit: {
        id: r.id,
        kind: r.kind,
        schoolType: r.school_type,
        ownership: r.ownership,
        township: r.township,
      },
      values: r.values,
    }));
    load.push(performance.now() - t0);
    rowCount = rows.length;
    results = asts.map((ast, f) => {
      const t1 = performance.now();
      const value = evaluateFormula(ast, rows);
      evaluate[f]!.push(performance.now() - t1);
      return value;
    });
  }
  const loadMs = median(load);
  const evaluateMs = evaluate.map((ms) => r2(median(ms)));
  return {
    rows: rowCount,
    loadMs: r2(loadMs),
    evaluateMsPerFormula: evaluateMs,
    oneIndicatorMs: r2(loadMs + Math.max(...evaluateMs)),
    fiveIndicatorsMs: r2(loadMs + evaluateMs.reduce((a, b) => a + b, 0)),
    values: results,
  };
}

/**
 * Times the product's own recompute (`recomputeFormIndicators`, what an approval runs in its transaction: read the
 * form's formulas and latest round, evaluate, compare with the last history point) with one computed indicator on
 * the form and then with all five; medians of repeats.
 */
export async function timeProductRecompute(
  url: string,
  c: pg.Client,
  at: { tenantId: string; planId: string; formId: string; userId: string },
) {
  // Five indicators of the plan's task to carry the formulas (the bench's plan is one task with fewer targets).
  const indicatorIds = (
    await c.query(
      `insert into indicators (tenant_id, plan_id, node_id, position, name, comparator, target_value, unit, aggregation)
       select i.tenant_id, i.plan_id, i.node_id, 100 + g, '压测计算指标' || g, i.comparator, i.target_value, i.unit, i.aggregation
       from (select * from indicators where tenant_id = $1 and plan_id = $2 order by position limit 1) i,
            generate_series(1, $3::int) g
       returning id`,
      [at.tenantId, at.planId, formulas.length],
    )
  ).rows.map((r) => r.id as string);
  const database = await openDatabase({ url, poolSize: 2 });
  const timings: Record<string, number> = {};
  try {
    for (const [label, count] of [
      ["oneIndicatorMs", 1],
      ["fiveIndicatorsMs", formulas.length],
    ] as const) {
      for (let i = 0; i < count; i++) {
        const parsed = parseFormula(formulas[i]!, fields);
        if (!parsed.ok) throw new Error(`formula ${formulas[i]}: ${parsed.message}`);
        await c.query(
          `insert into indicator_formulas (indicator_id, tenant_id, form_id, source, ast, updated_by)
           values ($1, $2, $3, $4, $5, $6) on conflict (indicator_id) do nothing`,
          [indicatorIds[i], at.tenantId, at.formId, formulas[i], JSON.stringify(parsed.ast), at.userId],
        );
      }
      const ms: number[] = [];
      for (let k = 0; k < RECOMPUTE_REPEATS; k++) {
        const t0 = performance.now();
        const done = await recomputeFormIndicators(database.db, { ...at, now: new Date() });
        ms.push(performance.now() - t0);
        if (done.recomputed !== count) throw new Error(`recomputed ${done.recomputed} of ${count} formulas`);
      }
      timings[label] = r2(median(ms));
    }
  } finally {
    await database.close();
  }
  return timings;
}
