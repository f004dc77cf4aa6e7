import { type SQL, sql } from "drizzle-orm";

/**
 * `weightedProgressOfSums` of the domain as an SQL aggregate over rows of `progress` and `weight`: the weighted
 * mean, the plain mean when no row weighs anything, kept within the smallest and largest progress, rounded to
 * one decimal (half up, as `Math.round`). Null over no rows. For a write that rolls a task's progress up in the
 * same statement; `weighted-progress-sql.test.ts` holds it to the domain's answer.
 */
export function weightedProgressSql(progress: SQL, weight: SQL): SQL {
  return sql`floor(least(greatest(case when sum(${weight}) > 0 then sum(${progress} * ${weight}) / sum(${weight})
    else sum(${progress}) / count(*) end, min(${progress})), max(${progress})) * 10 + 0.5) / 10`;
}
