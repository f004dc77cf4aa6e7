import { describe, expect, it } from "vitest";
import { shanghaiDate } from "./calendar.js";
import {
  indicatorStatus,
  indicatorStatuses,
  indicatorStatusLabels,
  isCoverageComplete,
  isSettledEarly,
  isTargetMet,
} from "./indicator-status.js";

// Window 2023-09-01 … 2023-09-10: 序时进度 is 10 points per day; on 09-05 it is 50, so on track needs ≥ 40 %.
const when = { start: "2023-09-01", due: "2023-09-10", today: "2023-09-05" };

describe("isTargetMet", () => {
  it("applies each comparator, with strict gt and lt", () => {
    expect(isTargetMet({ comparator: "gte", target: 85, actual: 85 })).toBe(true);
    expect(isTargetMet({ comparator: "gte", target: 85, actual: 84.9 })).toBe(false);
    expect(isTargetMet({ comparator: "gt", target: 85, actual: 85 })).toBe(false);
    expect(isTargetMet({ comparator: "gt", target: 85, actual: 85.1 })).toBe(true);
    expect(isTargetMet({ comparator: "lte", target: 5, actual: 5 })).toBe(true);
    expect(isTargetMet({ comparator: "lte", target: 5, actual: 5.1 })).toBe(false);
    expect(isTargetMet({ comparator: "lt", target: 5, actual: 5 })).toBe(false);
    expect(isTargetMet({ comparator: "lt", target: 5, actual: 4.9 })).toBe(true);
    expect(isTargetMet({ comparator: "eq", target: 3, actual: 3 })).toBe(true);
    expect(isTargetMet({ comparator: "eq", target: 3, actual: 2 })).toBe(false);
  });

  it("forgives floating-point noise for gte, lte and eq", () => {
    expect(isTargetMet({ comparator: "eq", target: 0.3, actual: 0.1 + 0.2 })).toBe(true);
    expect(isTargetMet({ comparator: "gte", target: 0.3, actual: 0.1 + 0.2 })).toBe(true);
    expect(isTargetMet({ comparator: "lte", target: 0.3, actual: 0.1 + 0.2 })).toBe(true);
  });

  it("treats a range as inclusive at both ends, upside down or open-ended", () => {
    const range = { comparator: "range" as const, target: 2, targetMax: 4 };
    expect([1, 2, 3, 4, 5].map((actual) => isTargetMet({ ...range, actual }))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
    expect(isTargetMet({ comparator: "range", target: 4, targetMax: 2, actual: 3 })).toBe(true);
    expect(isTargetMet({ comparator: "range", target: 2, targetMax: null, actual: 1e9 })).toBe(true);
  });

  it("is never met without a value and refuses non-finite numbers", () => {
    expect(isTargetMet({ comparator: "lte", target: 5, actual: null })).toBe(false);
    expect(() => isTargetMet({ comparator: "gte", target: 5, actual: Number.NaN })).toThrow(RangeError);
    expect(() => isTargetMet({ comparator: "gte", target: Number.POSITIVE_INFINITY, actual: 1 })).toThrow(
      RangeError,
    );
  });
});

describe("indicatorStatus", () => {
  it("is met as soon as the comparator holds, before or after the due day", () => {
    expect(indicatorStatus({ ...when, comparator: "gte", target: 85, actual: 90 })).toBe("met");
    expect(indicatorStatus({ ...when, today: "2024-03-01", comparator: "lt", target: 5, actual: 1 })).toBe(
      "met",
    );
  });

  it("is missed from the day after the due day when a value is in and not met", () => {
    const late = { ...when, today: "2023-09-11" };
    for (const comparator of ["gte", "gt", "lte", "lt", "eq", "range"] as const) {
      const unmet = comparator === "lte" || comparator === "lt" ? 100 : 0;
      expect(indicatorStatus({ ...late, comparator, target: 10, targetMax: 12, actual: unmet })).toBe(
        "missed",
      );
      // Nothing reported is no data, not a failure: the page says who has not reported instead.
      expect(indicatorStatus({ ...late, comparator, target: 10, targetMax: 12, actual: null })).toBe(
        "no_data",
      );
    }
  });

  it("has no data before the due day when nothing was reported", () => {
    expect(indicatorStatus({ ...when, comparator: "gte", target: 10, actual: null })).toBe("no_data");
    expect(indicatorStatus({ ...when, today: "2023-09-10", comparator: "eq", target: 1, actual: null })).toBe(
      "no_data",
    );
  });

  it("compares the share achieved of a higher-is-better target with 序时进度 − 10", () => {
    const gte = { ...when, comparator: "gte" as const, target: 200 };
    expect(indicatorStatus({ ...gte, actual: 80 })).toBe("on_track"); // 40 % ≥ 50 − 10
    expect(indicatorStatus({ ...gte, actual: 79 })).toBe("at_risk");
    expect(indicatorStatus({ ...gte, actual: 79, tolerance: 15 })).toBe("on_track");
    expect(indicatorStatus({ ...when, comparator: "gt", target: 200, actual: 80 })).toBe("on_track");
  });

  it("measures the share from a baseline when one is given", () => {
    // 公办园占比 from 80 % towards 90 %: 84 is 40 % of the way.
    const share = { ...when, comparator: "gte" as const, target: 90, baseline: 80 };
    expect(indicatorStatus({ ...share, actual: 84 })).toBe("on_track");
    expect(indicatorStatus({ ...share, actual: 83.9 })).toBe("at_risk");
    expect(indicatorStatus({ ...share, actual: 84, baseline: 95 })).toBe("at_risk"); // target not above baseline
  });

  it("reaches 100 % 序时进度 on the due day, so only a near-met value is on track then", () => {
    const due = { ...when, today: "2023-09-10", comparator: "gte" as const, target: 100 };
    expect(indicatorStatus({ ...due, actual: 90 })).toBe("on_track");
    expect(indicatorStatus({ ...due, actual: 89 })).toBe("at_risk");
    expect(indicatorStatus({ ...due, comparator: "gt", actual: 100 })).toBe("on_track");
  });

  it("defaults the window to 1 January of the due year, the plan year", () => {
    // Due 2023-12-31, today 2023-07-02: 序时进度 ≈ 50.1, so ≥ 40.1 % is on track.
    const year = { due: "2023", today: "2023-07-02", comparator: "gte" as const, target: 1000 };
    expect(indicatorStatus({ ...year, actual: 402 })).toBe("on_track");
    expect(indicatorStatus({ ...year, actual: 400 })).toBe("at_risk");
  });

  it("is on track before the window starts, when nothing is expected yet", () => {
    expect(indicatorStatus({ ...when, today: "2023-08-20", comparator: "gte", target: 50, actual: 0 })).toBe(
      "on_track",
    );
  });

  it("is at risk for an unmet lower-is-better target unless a baseline shows the way down", () => {
    const lte = { ...when, comparator: "lte" as const, target: 5 };
    expect(indicatorStatus({ ...lte, actual: 6 })).toBe("at_risk");
    expect(indicatorStatus({ ...when, comparator: "lt", target: 5, actual: 5 })).toBe("at_risk");
    // From 15 down to 5: 11 is 40 % of the way.
    expect(indicatorStatus({ ...lte, baseline: 15, actual: 11 })).toBe("on_track");
    expect(indicatorStatus({ ...lte, baseline: 15, actual: 11.5 })).toBe("at_risk");
    expect(indicatorStatus({ ...lte, baseline: 4, actual: 6 })).toBe("at_risk");
  });

  it("is at risk for an unmet eq target and for a value above a range", () => {
    expect(indicatorStatus({ ...when, comparator: "eq", target: 3, actual: 2 })).toBe("at_risk");
    expect(indicatorStatus({ ...when, comparator: "range", target: 2, targetMax: 4, actual: 5 })).toBe(
      "at_risk",
    );
  });

  it("treats a value below a range like a higher-is-better target towards its lower bound", () => {
    const range = { ...when, comparator: "range" as const, target: 10, targetMax: 20 };
    expect(indicatorStatus({ ...range, actual: 4 })).toBe("on_track");
    expect(indicatorStatus({ ...range, actual: 3 })).toBe("at_risk");
  });

  it("is at risk when a higher-is-better target is not positive and unmet", () => {
    expect(indicatorStatus({ ...when, comparator: "gte", target: 0, actual: -1 })).toBe("at_risk");
  });

  it("judges the due day by the Shanghai date of the instant", () => {
    const input = {
      start: "2023-01-01",
      due: "2023-09-30",
      comparator: "gte" as const,
      target: 100,
      actual: 95,
    };
    expect(indicatorStatus({ ...input, today: shanghaiDate(new Date("2023-09-30T15:00:00Z")) })).toBe(
      "on_track",
    );
    expect(indicatorStatus({ ...input, today: shanghaiDate(new Date("2023-09-30T16:30:00Z")) })).toBe(
      "missed",
    );
  });

  it("refuses malformed dates, baselines and tolerances", () => {
    const ok = { ...when, comparator: "gte" as const, target: 10, actual: 5 };
    expect(() => indicatorStatus({ ...ok, today: "2023-09" })).toThrow(RangeError);
    expect(() => indicatorStatus({ ...ok, due: "Q3" })).toThrow(RangeError);
    expect(() => indicatorStatus({ ...ok, start: "2023-00" })).toThrow(RangeError);
    expect(() => indicatorStatus({ ...ok, baseline: Number.NaN })).toThrow(RangeError);
    expect(() => indicatorStatus({ ...ok, tolerance: -5 })).toThrow(RangeError);
  });

  it("labels every status in Chinese", () => {
    expect(indicatorStatuses.map((s) => indicatorStatusLabels[s])).toEqual([
      "已达成",
      "进展正常",
      "无数据",
      "有风险",
      "未达成",
    ]);
  });
});

describe("indicatorStatus with coverage", () => {
  // 公办幼儿园在园幼儿占比 ≥ 50 %, averaged over six kindergartens.
  const share = { ...when, comparator: "gte" as const, target: 50, aggregation: "average" as const };

  it("is not met while only 1 of 6 units has reported, even with a value above the target", () => {
    expect(indicatorStatus({ ...share, actual: 60, coverage: { reported: 1, expected: 6 } })).toBe(
      "on_track",
    );
  });

  it("is met once every expected unit has reported", () => {
    expect(indicatorStatus({ ...share, actual: 60, coverage: { reported: 6, expected: 6 } })).toBe("met");
  });

  it("is at risk after the due day when the value looks met but units are still missing", () => {
    const late = { ...share, today: "2023-09-11", actual: 60, coverage: { reported: 5, expected: 6 } };
    expect(indicatorStatus(late)).toBe("at_risk");
  });

  it("is no data with nothing in, before and after the due day, whatever the coverage", () => {
    const none = { ...share, actual: null, coverage: { reported: 0, expected: 6 } };
    expect(indicatorStatus(none)).toBe("no_data");
    expect(indicatorStatus({ ...none, today: "2023-12-01" })).toBe("no_data");
  });

  it("is met early when the aggregation settles it: a bureau-wide latest figure, a sum past its floor", () => {
    const partial = { reported: 1, expected: 6 };
    expect(indicatorStatus({ ...share, aggregation: "latest", actual: 60, coverage: partial })).toBe("met");
    expect(indicatorStatus({ ...share, aggregation: "sum", actual: 60, coverage: partial })).toBe("met");
    expect(indicatorStatus({ ...share, aggregation: "max", actual: 60, coverage: partial })).toBe("met");
    expect(indicatorStatus({ ...share, aggregation: "min", actual: 60, coverage: partial })).toBe("on_track");
  });

  it("keeps the unmet rules when units are missing", () => {
    expect(indicatorStatus({ ...share, actual: 10, coverage: { reported: 1, expected: 6 } })).toBe("at_risk");
  });
});

describe("isSettledEarly and isCoverageComplete", () => {
  it("settles only where the units still to report cannot undo the figure", () => {
    expect(isSettledEarly("sum", "gte")).toBe(true);
    expect(isSettledEarly("sum", "lte")).toBe(false);
    expect(isSettledEarly("average", "gte")).toBe(false);
    expect(isSettledEarly("min", "lt")).toBe(true);
    expect(isSettledEarly("max", "lt")).toBe(false);
    expect(isSettledEarly("latest", "eq")).toBe(true);
  });

  it("is complete when all have reported, when nobody is expected, or without coverage", () => {
    expect(isCoverageComplete({ reported: 6, expected: 6 })).toBe(true);
    expect(isCoverageComplete({ reported: 5, expected: 6 })).toBe(false);
    expect(isCoverageComplete({ reported: 0, expected: 0 })).toBe(true);
    expect(isCoverageComplete(null)).toBe(true);
  });
});
