import {
  type ComputedIndicator,
  type ComputedIndicatorQuery,
  type ComputedRow,
  canReadComputedIndicator,
  canViewPlanStatus,
  type FormField,
  type FormulaAst,
  formulaInWords,
  formulaSource,
  indicatorFormulaAbilities,
  pageFrom,
  parseFormula,
  shanghaiDate,
} from "@duban/domain";
import { invalid, notFound } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { computeRoundFigure, readLatestRound, toComputedRow, usedFields } from "./compute.js";
import { computedIndicatorNow, computedStatusLabel } from "./computed-status.js";
import * as repo from "./indicator-formulas.repository.js";

/**
 * The formula as its author wrote it while it still reads the same over the form's fields; once a field it uses
 * was renamed, printed again from the parsed formula with today's labels.
 */
function sourceToday(source: string, ast: FormulaAst, fields: FormField[]): string {
  const again = parseFormula(source, fields);
  const today = formulaSource(ast, fields);
  // Compared as printed: the stored formula comes back from jsonb with its keys in another order.
  return again.ok && formulaSource(again.ast, fields) === today ? source : today;
}

/** An indicator the actor may read, with its task and plan, or 404. */
export async function getReadableIndicator(ctx: ServiceContext, indicatorId: string) {
  const found = canReadComputedIndicator(ctx.actor)
    ? await repo.findIndicatorInTask(ctx.database.db, ctx.actor.tenantId, indicatorId)
    : null;
  if (!found || !canViewPlanStatus(ctx.actor, found.plan.status)) throw notFound("指标");
  return found;
}

type Found = Awaited<ReturnType<typeof getReadableIndicator>>;

/** Everything behind a computed indicator now: formula, form, round, figure, status and the approved rows. */
export async function readComputed(ctx: ServiceContext, found: Found) {
  const { db } = ctx.database;
  const { tenantId } = ctx.actor;
  const formula = await repo.findFormula(db, tenantId, found.indicator.id);
  if (!formula) return null;
  const form = await repo.findForm(db, tenantId, formula.formId);
  if (!form) throw notFound("填报表");
  const ast = formula.ast as FormulaAst;
  const { round, submissions } = await readLatestRound(db, tenantId, form.id, [ast]);
  const figure = computeRoundFigure(ast, submissions);
  const closed = round?.status === "closed";
  const now = computedIndicatorNow(
    found.indicator,
    { ...figure, closed },
    { year: found.plan.year, today: shanghaiDate(ctx.clock.now()), tolerance: found.plan.lightTolerance },
  );
  const columns = usedFields(ast, form.fields);
  const rows = figure.approved.map((s) => toComputedRow(s, columns));
  return { formula, form, ast, round, figure, closed, now, columns, rows };
}

/** Sorts drill-down rows by unit name, township or a field's value; missing values go last either way. */
export function sortRows(
  rows: ComputedRow[],
  sort: string | undefined,
  order: "asc" | "desc",
): ComputedRow[] {
  const key = (r: ComputedRow): unknown =>
    sort === undefined || sort === "unit" ? r.unitName : sort === "township" ? r.township : r.values[sort];
  const sign = order === "desc" ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
    if (y === null || y === undefined) return -1;
    if (typeof x === "number" && typeof y === "number") return sign * (x - y);
    return sign * String(x).localeCompare(String(y), "zh-CN");
  });
}

/** `GET /api/indicators/:id/computed`: the value, coverage, status, words, history and a page of unit rows. */
export async function getComputedIndicator(
  ctx: ServiceContext,
  indicatorId: string,
  query: ComputedIndicatorQuery,
): Promise<ComputedIndicator> {
  const found = await getReadableIndicator(ctx, indicatorId);
  const abilities = indicatorFormulaAbilities(ctx.actor, found.task);
  const read = await readComputed(ctx, found);
  if (!read) {
    const figure = { value: null, reported: 0, expected: 0, closed: false };
    return {
      indicatorId,
      formula: null,
      value: null,
      reason: null,
      coverage: { reported: 0, expected: 0 },
      round: null,
      status: "no_data",
      statusLabel: computedStatusLabel("no_data", figure),
      history: [],
      columns: [],
      rows: pageFrom([], query, {}),
      abilities,
    };
  }
  const { formula, form, round, figure, now, columns } = read;
  const sortable = ["unit", "township", ...columns.map((c) => c.key)];
  if (query.sort !== undefined && !sortable.includes(query.sort))
    throw invalid([{ path: "sort", message: "只能按单位、乡镇（街道）或公式用到的字段排序" }]);
  const history = await repo.findHistory(ctx.database.db, ctx.actor.tenantId, indicatorId);
  return {
    indicatorId,
    formula: {
      formId: form.id,
      formTitle: form.title,
      source: sourceToday(formula.source, read.ast, form.fields),
      words: formulaInWords(read.ast, form.fields),
      version: formula.version,
    },
    value: figure.value,
    reason: figure.reason,
    coverage: now.coverage,
    round: round && { id: round.id, name: round.name, deadline: round.deadline, status: round.status },
    status: now.status,
    statusLabel: computedStatusLabel(now.status, { ...figure, closed: read.closed }),
    history: history.map((h) => ({
      value: h.value,
      reported: h.reported,
      expected: h.expected,
      at: h.computedAt.toISOString(),
    })),
    columns: columns.map((c) => ({ key: c.key, label: c.label, type: c.type, unit: c.unit ?? null })),
    rows: pageFrom(sortRows(read.rows, query.sort, query.order), query, {}),
    abilities,
  };
}
