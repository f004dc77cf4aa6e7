import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateOfDayNumber, dayNumber, daysBetween } from "../rules/calendar.js";
import { scoreAssessment } from "./score.js";
import { adjustmentsArb, day2023, schemeArb, unitsArb } from "./test-fixtures/arbitraries.js";
import { factHundredths } from "./test-fixtures/units.js";
import type {
  AssessmentAdjustment,
  AssessmentScheme,
  AssessmentTieBreak,
  AssessmentUnitResult,
  UnitAssessmentFacts,
} from "./types.js";

const asOf = "2023-12-31";
const h = (points: number) => Math.round(points * 100);
const world = fc
  .tuple(schemeArb, unitsArb)
  .chain(([scheme, units]) =>
    fc.tuple(fc.constant(scheme), fc.constant(units), adjustmentsArb(units.length)),
  );
const run = (scheme: AssessmentScheme, units: UnitAssessmentFacts[], adjustments: AssessmentAdjustment[]) =>
  scoreAssessment(scheme, { asOf, units }, adjustments);
function byCategory(results: AssessmentUnitResult[]): Map<string, AssessmentUnitResult[]> {
  const groups = new Map<string, AssessmentUnitResult[]>();
  for (const r of results) groups.set(r.category, [...(groups.get(r.category) ?? []), r]);
  return groups;
}

/** What the tie-breaks look at, recomputed from the facts: a negative number favours `a`. */
function tieBreak(rule: AssessmentTieBreak, a: UnitAssessmentFacts, b: UnitAssessmentFacts): number {
  const red = (u: UnitAssessmentFacts) => u.assignments.filter((x) => x.light === "red").length;
  const missing = (u: UnitAssessmentFacts) => u.reports.filter((r) => !r.submittedOn).length;
  const days = (u: UnitAssessmentFacts) => {
    const sent = u.reports.filter((r) => r.submittedOn);
    return {
      sum: sent.reduce((s, r) => s + daysBetween(r.dueDate, r.submittedOn as string), 0),
      n: sent.length,
    };
  };
  switch (rule) {
    case "fewer_red":
      return red(a) - red(b);
    case "fewer_missing_reports":
      return missing(a) - missing(b);
    case "fewer_notices":
      return a.notices.length - b.notices.length;
    case "earlier_reports": {
      const [x, y] = [days(a), days(b)];
      if (x.n === 0 || y.n === 0) return Number(x.n === 0) - Number(y.n === 0);
      return x.sum * y.n - y.sum * x.n;
    }
  }
}

/** The stated ranking rule between two results: negative when `prev` belongs before `next`. */
function expectedOrder(
  prev: AssessmentUnitResult,
  next: AssessmentUnitResult,
  a: UnitAssessmentFacts,
  b: UnitAssessmentFacts,
  tieBreaks: readonly AssessmentTieBreak[],
): number {
  if (prev.vetoed !== next.vetoed) return Number(prev.vetoed) - Number(next.vetoed);
  if (prev.total !== next.total) return next.total - prev.total;
  for (const rule of tieBreaks) {
    const order = tieBreak(rule, a, b);
    if (order !== 0) return order;
  }
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  return a.unitId < b.unitId ? -1 : 1;
}

describe("scoreAssessment properties", () => {
  it("adds every breakdown up exactly to the total, and every item's facts up to its points", () => {
    fc.assert(
      fc.property(world, ([scheme, units, adjustments]) => {
        for (const result of run(scheme, units, adjustments)) {
          expect(result.breakdown.reduce((sum, b) => sum + h(b.points), 0)).toBe(h(result.total));
          for (const item of result.breakdown) expect(factHundredths(item.facts)).toBe(h(item.points));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("ranks each category 1..n in a strict order: no veto first, total, the tie-breaks in order, sortKey, id", () => {
    fc.assert(
      fc.property(world, ([scheme, units, adjustments]) => {
        const facts = new Map(units.map((u) => [u.unitId, u]));
        for (const [key, rows] of byCategory(run(scheme, units, adjustments))) {
          const tieBreaks = scheme.categories.find((c) => c.key === key)?.tieBreaks ?? [];
          expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
          for (let i = 1; i < rows.length; i++) {
            const prev = rows[i - 1] as AssessmentUnitResult;
            const next = rows[i] as AssessmentUnitResult;
            const a = facts.get(prev.unitId) as UnitAssessmentFacts;
            const b = facts.get(next.unitId) as UnitAssessmentFacts;
            expect(expectedOrder(prev, next, a, b, tieBreaks)).toBeLessThan(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("ranks the same whatever order the units come in", () => {
    fc.assert(
      fc.property(
        world.chain((w) => fc.tuple(fc.constant(w), fc.shuffledSubarray(w[1], { minLength: w[1].length }))),
        ([[scheme, units, adjustments], shuffled]) => {
          const key = (rs: AssessmentUnitResult[]) => rs.map((r) => [r.unitId, r.rank, r.grade]);
          expect(key(run(scheme, shuffled, adjustments))).toEqual(key(run(scheme, units, adjustments)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("never gives a band more units than its quota, nor a better-ranked unit a lower grade", () => {
    fc.assert(
      fc.property(world, ([scheme, units, adjustments]) => {
        for (const [key, rows] of byCategory(run(scheme, units, adjustments))) {
          const bands = scheme.categories.find((c) => c.key === key)?.bands ?? [];
          bands.slice(0, -1).forEach((band) => {
            if (band.quotaPercent === undefined) return;
            const quota = Math.floor((rows.length * band.quotaPercent) / 100 + 1e-9);
            expect(rows.filter((r) => r.grade === band.grade).length).toBeLessThanOrEqual(quota);
          });
          const index = rows.map((r) => bands.findIndex((b) => b.grade === r.grade));
          for (let k = 1; k < index.length; k++)
            expect(index[k]).toBeGreaterThanOrEqual(index[k - 1] as number);
          // A unit never gets a grade above the band its total reaches.
          for (const r of rows) {
            const band = bands.find((b) => b.grade === r.grade);
            if (band && band !== bands.at(-1)) expect(h(r.total)).toBeGreaterThanOrEqual(h(band.min));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("always gives a vetoed unit its category's lowest grade", () => {
    fc.assert(
      fc.property(world, ([scheme, units, adjustments]) => {
        for (const result of run(scheme, units, adjustments)) {
          const vetoed = units
            .find((u) => u.unitId === result.unitId)
            ?.entries.some((e) => e.itemKey === "veto");
          expect(result.vetoed).toBe(vetoed);
          const lowest = scheme.categories.find((c) => c.key === result.category)?.bands.at(-1)?.grade;
          if (vetoed) expect(result.grade).toBe(lowest);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("scoreAssessment never rewards lateness", () => {
  /** The unit's total under a change of its facts, before and after. */
  const totals = (
    [scheme, units, adjustments]: [AssessmentScheme, UnitAssessmentFacts[], AssessmentAdjustment[]],
    pick: number,
    change: (unit: UnitAssessmentFacts) => UnitAssessmentFacts,
  ) => {
    const target = units[pick % Math.max(1, units.length)];
    if (!target) return undefined;
    const total = (list: UnitAssessmentFacts[]) =>
      run(scheme, list, adjustments).find((r) => r.unitId === target.unitId)?.total;
    return [total(units), total(units.map((u) => (u === target ? change(u) : u)))] as const;
  };
  const assertNotRaised = (pair: readonly [number | undefined, number | undefined] | undefined) => {
    if (pair?.[0] === undefined) return;
    expect(pair[1]).toBeLessThanOrEqual(pair[0]);
  };
  const late = fc.record({ due: day2023, by: fc.integer({ min: 1, max: 30 }) });

  it("adding a report submitted after its due day never raises the unit's total", () => {
    fc.assert(
      fc.property(world, fc.nat(), late, (w, pick, { due, by }) => {
        const report = {
          assignmentId: "a",
          reportId: "late",
          cycleName: "迟报期",
          dueDate: due,
          submittedOn: dateOfDayNumber(dayNumber(due) + by),
        };
        assertNotRaised(totals(w, pick, (u) => ({ ...u, reports: [...u.reports, report] })));
      }),
      { numRuns: 300 },
    );
  });

  it("turning a submitted report into a late one, or a report into a missing one, never raises it", () => {
    fc.assert(
      fc.property(
        world,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        (w, pick, which, by, drop) => {
          assertNotRaised(
            totals(w, pick, (u) => ({
              ...u,
              reports: u.reports.map((r, i) => {
                if (i !== which % u.reports.length) return r;
                if (drop) return { assignmentId: r.assignmentId, cycleName: r.cycleName, dueDate: r.dueDate };
                if (r.submittedOn === undefined) return r;
                return { ...r, reportId: "r", submittedOn: dateOfDayNumber(dayNumber(r.dueDate) + by) };
              }),
            })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("adding a red 督办单 never raises it", () => {
    fc.assert(
      fc.property(
        world,
        fc.nat(),
        day2023,
        fc.option(fc.integer({ min: -3, max: 5 })),
        fc.boolean(),
        (w, pick, replyDue, replied, accepted) => {
          const notice = {
            noticeId: "red",
            code: "DB-红",
            level: "red" as const,
            replyDue,
            ...(replied === null ? {} : { firstRepliedOn: dateOfDayNumber(dayNumber(replyDue) + replied) }),
            acceptedAtFirstReply: accepted,
          };
          assertNotRaised(totals(w, pick, (u) => ({ ...u, notices: [...u.notices, notice] })));
        },
      ),
      { numRuns: 300 },
    );
  });
});
