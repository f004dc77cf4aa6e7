import {
  type AssessmentFacts,
  type AssignmentFact,
  addDays,
  comparatorSymbols,
  type IndicatorFact,
  isTargetMet,
  type NoticeFact,
  type PlanSnapshot,
  type RectificationFact,
  type ReportFact,
  shanghaiDate,
  type UnitAssessmentFacts,
} from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { findPlan } from "../plans/index.js";
import { loadPlanSnapshot, takePlanSnapshot } from "../snapshots/index.js";
import * as repo from "./facts.repository.js";

/** Midnight in Shanghai that starts a day, as an instant. */
function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/**
 * The plan on the assessment day: for a past day, the daily snapshot recorded on it; for today (the snapshot of
 * the morning would miss the day's work) or a past day not recorded, its state computed from the live rows with
 * that day's lights and 序时进度 and the values approved by then. The live state lists today's assignments, so
 * the caller filters it by the assignments that existed on the day.
 */
async function planOnDay(
  db: DbOrTx,
  s: repo.FactsScope,
  now: Date,
): Promise<{ snapshot: PlanSnapshot; live: boolean }> {
  const today = s.asOf === shanghaiDate(now);
  const stored = today ? null : await loadPlanSnapshot(db, s);
  if (stored?.day === s.asOf) return { snapshot: stored, live: false };
  const at = today ? now : new Date(s.before.getTime() - 1);
  return { snapshot: await takePlanSnapshot(db, { ...s, now: at }), live: true };
}

/** The assignments of each unit on the day, with the task's weight from 分解, progress and light. */
function assignmentFacts(snapshot: PlanSnapshot, existed: Set<string> | null): Map<string, AssignmentFact[]> {
  const tasks = new Map(snapshot.tasks.map((t) => [t.nodeId, t]));
  const byUnit = new Map<string, AssignmentFact[]>();
  for (const a of snapshot.assignments) {
    const task = tasks.get(a.nodeId);
    if (!task || (existed && !existed.has(a.assignmentId))) continue;
    // A 蓝灯 (done) is on track: the scheme's lights are red, yellow, green and grey, and progress says 100 %.
    const light = a.light === "blue" ? "green" : a.light;
    push(byUnit, a.unitId, {
      assignmentId: a.assignmentId,
      taskId: a.nodeId,
      taskTitle: task.title,
      // The plan prints "9." or "（三）": facts read "任务 9「…」".
      ...(task.code ? { taskCode: task.code.replace(/[.．、\s]+$/u, "") } : {}),
      weight: task.weight > 0 ? task.weight : 1,
      progress: Math.min(100, Math.max(0, a.progress)),
      light,
    });
  }
  return byUnit;
}

/**
 * The reports each unit owed by the day: one per due cycle and assignment that existed by the cycle's due day,
 * or that was reported on for the cycle (a cycle opened late still asked it). A report first submitted after
 * the day counts as missing on it.
 */
function reportFacts(
  assignmentRows: Awaited<ReturnType<typeof repo.findPlanAssignments>>,
  cycles: Awaited<ReturnType<typeof repo.findDueCycles>>,
  reportRows: Awaited<ReturnType<typeof repo.findDueReports>>,
  before: Date,
): Map<string, ReportFact[]> {
  const reportOf = new Map(reportRows.map((r) => [`${r.cycleId}:${r.assignmentId}`, r]));
  const byUnit = new Map<string, ReportFact[]>();
  for (const cycle of cycles)
    for (const a of assignmentRows) {
      const report = reportOf.get(`${cycle.id}:${a.id}`);
      if (!report && shanghaiDate(a.createdAt) > cycle.dueDate) continue;
      const submitted = report?.firstSubmittedAt && report.firstSubmittedAt < before;
      push(byUnit, a.unitId, {
        assignmentId: a.id,
        ...(report ? { reportId: report.id } : {}),
        cycleName: cycle.name,
        dueDate: cycle.dueDate,
        ...(submitted ? { submittedOn: shanghaiDate(report.firstSubmittedAt!) } : {}),
      });
    }
  return byUnit;
}

/**
 * Each unit's 督办单 as they stood at the end of the day: the level it had reached (raised or upgraded), the
 * first reply and whether no reply was returned（退回重办）(a first reply awaiting review counts as accepted). A 督办单 the scan closed (the item recovered)
 * before any reply asked nothing more of the unit and is left out.
 */
function noticeFacts(
  noticeRows: Awaited<ReturnType<typeof repo.findPlanNotices>>,
  events: Awaited<ReturnType<typeof repo.findPlanNoticeEvents>>,
  asOf: string,
): Map<string, NoticeFact[]> {
  const history = new Map<string, typeof events>();
  for (const e of events) push(history, e.noticeId, e);
  const byUnit = new Map<string, NoticeFact[]>();
  for (const n of noticeRows) {
    const steps = history.get(n.id) ?? [];
    const firstReply = steps.findIndex((e) => e.action === "reply");
    const closedFirst = steps.findIndex((e) => e.action === "auto_close");
    if (closedFirst >= 0 && (firstReply < 0 || closedFirst < firstReply)) continue;
    const levels = steps.filter((e) => (e.action === "raise" || e.action === "upgrade") && e.level);
    push(byUnit, n.unitId, {
      noticeId: n.id,
      code: n.documentNumber ?? "",
      level: levels.at(-1)?.level ?? n.level,
      replyDue: n.replyDue ?? asOf,
      ...(firstReply >= 0 ? { firstRepliedOn: shanghaiDate(steps[firstReply]!.createdAt) } : {}),
      acceptedAtFirstReply: firstReply >= 0 && !steps.some((e) => e.action === "return"),
    });
  }
  return byUnit;
}

/** Each unit's 整改 items due by the day, closed（销号）when accepted before its end. */
function rectificationFacts(
  rows: Awaited<ReturnType<typeof repo.findDueRectifications>>,
  before: Date,
): Map<string, RectificationFact[]> {
  const byUnit = new Map<string, RectificationFact[]>();
  for (const r of rows) {
    const closed = r.status === "accepted" && r.verifiedAt && r.verifiedAt < before;
    push(byUnit, r.unitId, {
      rectificationId: r.id,
      title: r.problem,
      dueDate: r.deadline,
      ...(closed ? { closedOn: shanghaiDate(r.verifiedAt!) } : {}),
    });
  }
  return byUnit;
}

/**
 * The targets each unit meets on its own data. An indicator is per unit when its units' values combine by
 * average, minimum or maximum: each unit's own figure is then held to the target (an average of 50 % asks
 * 50 % of every school; a minimum asks it of the weakest). A sum (所, 人 added up across units) or a latest
 * value (the bureau's one figure) has no per-unit target and is not scored here. A unit with no approved value
 * by the day has not met it.
 */
function indicatorFacts(
  rows: Awaited<ReturnType<typeof repo.findUnitIndicators>>,
  values: Awaited<ReturnType<typeof repo.findUnitIndicatorValues>>,
): Map<string, IndicatorFact[]> {
  const unitValue = new Map(values.map((v) => [`${v.indicatorId}:${v.unitId}`, v.value]));
  const byUnit = new Map<string, IndicatorFact[]>();
  for (const i of rows) {
    if (i.aggregation !== "average" && i.aggregation !== "min" && i.aggregation !== "max") continue;
    const actual = unitValue.get(`${i.indicatorId}:${i.unitId}`) ?? null;
    const target =
      i.comparator === "range" && i.targetMax !== null
        ? `${i.target}–${i.targetMax}${i.unit}`
        : `${comparatorSymbols[i.comparator]} ${i.target}${i.unit}`;
    push(byUnit, i.unitId, {
      indicatorId: i.indicatorId,
      name: i.name,
      met: isTargetMet({ comparator: i.comparator, target: i.target, targetMax: i.targetMax, actual }),
      detail: actual === null ? `未报送，目标 ${target}` : `实际 ${actual}${i.unit}，目标 ${target}`,
    });
  }
  return byUnit;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Everything the scoring function looks at, for every unit that holds an assignment of the plan on `asOf` or
 * has a manual entry, as of the end of that Shanghai day (as of `now` when it is today; `now` defaults to the
 * machine's clock). A handful of set-based reads for the whole plan. Throws not-found for another tenant's or an
 * unknown plan.
 */
export async function gatherAssessmentFacts(
  db: DbOrTx,
  tenantId: string,
  planId: string,
  asOf: string,
  now: Date = new Date(),
): Promise<AssessmentFacts> {
  const plan = await findPlan(db, tenantId, planId);
  if (!plan) throw notFound("计划");
  const s: repo.FactsScope = { tenantId, planId, asOf, before: startOfDay(addDays(asOf, 1)) };
  const [
    day,
    assignmentRows,
    cycles,
    reportRows,
    noticeRows,
    events,
    rectRows,
    indicatorRows,
    values,
    entries,
  ] = await Promise.all([
    planOnDay(db, s, now),
    repo.findPlanAssignments(db, s),
    repo.findDueCycles(db, s),
    repo.findDueReports(db, s),
    repo.findPlanNotices(db, s),
    repo.findPlanNoticeEvents(db, s),
    repo.findDueRectifications(db, { ...s, year: plan.plan.year }),
    repo.findUnitIndicators(db, s),
    repo.findUnitIndicatorValues(db, s),
    repo.findCountingEntries(db, s),
  ]);
  const existed = day.live ? new Set(assignmentRows.map((a) => a.id)) : null;
  const assignmentsOf = assignmentFacts(day.snapshot, existed);
  const unitIds = new Set([...assignmentsOf.keys(), ...entries.map((e) => e.unitId)]);
  const unitRows = await repo.findUnitsByIds(db, tenantId, [...unitIds]);
  const reportsOf = reportFacts(
    assignmentRows.filter((a) => unitIds.has(a.unitId)),
    cycles,
    reportRows,
    s.before,
  );
  const noticesOf = noticeFacts(noticeRows, events, asOf);
  const rectificationsOf = rectificationFacts(rectRows, s.before);
  const indicatorsOf = indicatorFacts(indicatorRows, values);
  const entriesOf = new Map<string, UnitAssessmentFacts["entries"]>();
  for (const e of entries)
    push(entriesOf, e.unitId, { entryId: e.id, itemKey: e.itemKey, points: e.points, reason: e.reason });
  const units: UnitAssessmentFacts[] = unitRows
    .map((u) => ({
      unitId: u.id,
      unitName: u.name,
      sortKey: u.code || u.name,
      unitKind: u.kind,
      ...(u.schoolType ? { schoolType: u.schoolType } : {}),
      assignments: assignmentsOf.get(u.id) ?? [],
      reports: reportsOf.get(u.id) ?? [],
      notices: noticesOf.get(u.id) ?? [],
      rectifications: rectificationsOf.get(u.id) ?? [],
      indicators: indicatorsOf.get(u.id) ?? [],
      entries: entriesOf.get(u.id) ?? [],
    }))
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  return { asOf, units };
}
