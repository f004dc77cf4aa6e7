/** Levels of the plan tree, top-down. */
export const planLevels = ["section", "subsection", "task", "subtask"] as const;
/** A level of the plan tree. */
export type PlanLevel = (typeof planLevels)[number];

/** Comparators of a target against its value. */
export const comparators = ["gte", "gt", "lte", "lt", "eq", "range"] as const;
/** A comparator. */
export type Comparator = (typeof comparators)[number];

/** Symbols shown for comparators. */
export const comparatorSymbols: Record<Comparator, string> = {
  gte: "≥",
  gt: ">",
  lte: "≤",
  lt: "<",
  eq: "=",
  range: "区间",
};

/** How an indicator combines the values units report. */
export const aggregations = ["sum", "average", "latest", "min", "max"] as const;
/** An aggregation across units. */
export type Aggregation = (typeof aggregations)[number];

/** Chinese labels of aggregations. */
export const aggregationLabels: Record<Aggregation, string> = {
  sum: "求和",
  average: "平均",
  latest: "最新",
  min: "最小",
  max: "最大",
};

/** The lifecycle of an imported document before it becomes a plan. */
export const planImportStatuses = ["reviewing", "published", "discarded"] as const;

/** Document kinds the parser tells apart. */
export const planKinds = ["plan", "explanation", "summary", "unknown"] as const;

/** Chinese labels of the plan levels. */
export const planLevelLabels: Record<PlanLevel, string> = {
  section: "部分",
  subsection: "分项",
  task: "任务",
  subtask: "子任务",
};

/** A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date, checked for a real calendar day. */
export function isPlanDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const month = m[2] ? Number(m[2]) : 1;
  if (month < 1 || month > 12) return false;
  if (!m[3]) return true;
  const day = Number(m[3]);
  const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

/** The last calendar day a plan date covers: "2023" → 2023-12-31, "2023-09" → 2023-09-30. */
export function planDateEnd(value: string): string {
  const [y, m, d] = value.split("-");
  if (d) return value;
  if (m) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return `${y}-${m}-${String(last).padStart(2, "0")}`;
  }
  return `${y}-12-31`;
}
