import fc from "fast-check";
import { dateOfDayNumber, dayNumber } from "../../rules/calendar.js";
import { defaultAssessmentScheme } from "../default-scheme.js";
import {
  type AssessmentAdjustment,
  type AssessmentItem,
  type AssessmentScheme,
  assessmentTieBreaks,
  type ReportFact,
  type UnitAssessmentFacts,
} from "../types.js";

/** A day of 2023. */
export const day2023 = fc
  .integer({ min: dayNumber("2023-01-01"), max: dayNumber("2023-12-31") })
  .map(dateOfDayNumber);
const penalty = fc.constantFrom(0, 0.5, 1, 2, 3.25, 4);

/** The default scheme with drawn penalties, credits, caps, quotas and tie-break orders (always valid). */
export const schemeArb: fc.Arbitrary<AssessmentScheme> = fc
  .record({
    red: penalty,
    yellow: penalty,
    lateCredit: fc.constantFrom(0, 0.25, 0.5, 1),
    missing: fc.option(penalty, { nil: undefined }),
    levels: fc.tuple(penalty, penalty, penalty),
    lateReply: penalty,
    returned: penalty,
    maxBonus: fc.constantFrom(0, 2, 5),
    maxDeduction: fc.constantFrom(0, 3, 10),
    quotas: fc.tuple(
      fc.option(fc.constantFrom(0, 10, 30, 50, 100), { nil: undefined }),
      fc.option(fc.constantFrom(0, 25, 40), { nil: undefined }),
      fc.option(fc.constantFrom(20, 60), { nil: undefined }),
    ),
    tieBreaks: fc.shuffledSubarray([...assessmentTieBreaks]),
  })
  .map((p) => {
    const scheme = defaultAssessmentScheme();
    const items = (items: AssessmentItem[]): AssessmentItem[] =>
      items.map((item) => {
        switch (item.kind) {
          case "task_completion":
            return { ...item, redPenalty: p.red, yellowPenalty: p.yellow };
          case "reporting":
            return { ...item, lateCredit: p.lateCredit, missingPenalty: p.missing };
          case "supervision":
            return {
              ...item,
              levelPenalty: { blue: p.levels[0], yellow: p.levels[1], red: p.levels[2] },
              lateReplyPenalty: p.lateReply,
              notFirstTimePenalty: p.returned,
            };
          case "manual":
            return { ...item, maxBonus: p.maxBonus, maxDeduction: p.maxDeduction };
          default:
            return item;
        }
      });
    for (const category of scheme.categories) {
      category.items = items(category.items);
      category.bands = category.bands.map((band, i) => {
        const quotaPercent = p.quotas[i];
        const { quotaPercent: _, ...rest } = band;
        return quotaPercent === undefined || i === category.bands.length - 1 ? rest : { ...rest, quotaPercent };
      });
      category.tieBreaks = p.tieBreaks;
    }
    return scheme;
  });

/** A report due on a day of 2023: on time, late, or missing. */
export const reportArb: fc.Arbitrary<ReportFact> = fc
  .record({
    due: day2023,
    // Negative: before the due day; undefined: missing.
    offset: fc.option(fc.integer({ min: -5, max: 8 }), { nil: undefined }),
    n: fc.nat(99),
  })
  .map(({ due, offset, n }) => ({
    assignmentId: "a",
    cycleName: `第${n}期`,
    dueDate: due,
    ...(offset === undefined
      ? {}
      : { reportId: `r${n}`, submittedOn: dateOfDayNumber(dayNumber(due) + offset) }),
  }));

const unitArb = (unitId: string) =>
  fc.record({
    unitKind: fc.constantFrom("school" as const, "school" as const, "department" as const),
    schoolType: fc.constantFrom("primary" as const, "junior" as const, undefined),
    sortKey: fc.constantFrom("A", "B", "C"),
    assignments: fc.array(
      fc.record({
        weight: fc.constantFrom(1, 2, 3),
        progress: fc.constantFrom(0, 50, 100, 33),
        light: fc.constantFrom("green" as const, "yellow" as const, "red" as const, "grey" as const),
      }),
      { maxLength: 4 },
    ),
    reports: fc.array(reportArb, { maxLength: 5 }),
    notices: fc.array(
      fc.record({
        level: fc.constantFrom("blue" as const, "yellow" as const, "red" as const),
        replyDue: day2023,
        replied: fc.option(fc.integer({ min: -3, max: 5 }), { nil: undefined }),
        accepted: fc.boolean(),
      }),
      { maxLength: 3 },
    ),
    rectifications: fc.array(
      fc.record({ due: day2023, closed: fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }) }),
      { maxLength: 3 },
    ),
    indicators: fc.array(fc.boolean(), { maxLength: 3 }),
    entries: fc.array(
      // One entry in four is a veto: most categories still have graded units.
      fc.record({
        itemKey: fc.constantFrom("bonus", "bonus", "bonus", "veto"),
        points: fc.constantFrom(-6, -2, -0.5, 1, 3, 4),
      }),
      { maxLength: 2 },
    ),
  }).map((u): UnitAssessmentFacts => ({
    unitId,
    unitName: `单位${unitId}`,
    sortKey: u.sortKey,
    unitKind: u.unitKind,
    ...(u.unitKind === "school" && u.schoolType ? { schoolType: u.schoolType } : {}),
    assignments: u.assignments.map((a, i) => ({ assignmentId: `a${i}`, taskId: `t${i}`, taskTitle: `任务${i}`, ...a })),
    reports: u.reports,
    notices: u.notices.map((n, i) => ({
      noticeId: `n${i}`,
      code: `DB-${i}`,
      level: n.level,
      replyDue: n.replyDue,
      ...(n.replied === undefined ? {} : { firstRepliedOn: dateOfDayNumber(dayNumber(n.replyDue) + n.replied) }),
      acceptedAtFirstReply: n.accepted,
    })),
    rectifications: u.rectifications.map((r, i) => ({
      rectificationId: `x${i}`,
      title: `整改${i}`,
      dueDate: r.due,
      ...(r.closed === undefined ? {} : { closedOn: dateOfDayNumber(dayNumber(r.due) + r.closed) }),
    })),
    indicators: u.indicators.map((met, i) => ({ indicatorId: `i${i}`, name: `指标${i}`, met, detail: "" })),
    entries: u.entries.map((e, i) => ({
      entryId: `e${i}`,
      itemKey: e.itemKey,
      points: e.itemKey === "veto" ? 0 : e.points,
      reason: `理由${i}`,
    })),
  }));

/** Up to 12 units of mixed kinds (some in no category), ids u0, u1, …. */
export const unitsArb: fc.Arbitrary<UnitAssessmentFacts[]> = fc
  .integer({ min: 0, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => unitArb(`u${i}`))));

/** Adjustments of the drawn units' items. */
export const adjustmentsArb = (unitCount: number): fc.Arbitrary<AssessmentAdjustment[]> =>
  fc.array(
    fc.record({
      unit: fc.nat(Math.max(0, unitCount - 1)),
      itemKey: fc.constantFrom("tasks", "reporting", "supervision", "bonus", "veto"),
      points: fc.constantFrom(-20, -1.5, 0.25, 2, 50),
      source: fc.constantFrom("review" as const, "appeal" as const),
    }),
    { maxLength: 3 },
  ).map((list) =>
    list.map((a, i) => ({
      id: `adj${i}`,
      unitId: `u${a.unit}`,
      itemKey: a.itemKey,
      points: a.points,
      reason: "调整",
      source: a.source,
    })),
  );
