import { describe, expect, it } from "vitest";
import { computedIndicatorNow, computedStatusLabel } from "./computed-status.js";

const share = { comparator: "gte" as const, targetValue: 50, targetMax: null, deadline: "2023" };
const context = { year: 2023, today: "2023-06-15", tolerance: 10 };

describe("a computed indicator's status", () => {
  it("is in progress while units are missing, met once all are in or the round is closed", () => {
    const figure = { value: 62.5, reported: 2, expected: 3, closed: false };
    const open = computedIndicatorNow(share, figure, context);
    expect([open.status, computedStatusLabel(open.status, figure)]).toEqual([
      "on_track",
      "进行中（已报 2/3）",
    ]);
    const closed = { ...figure, closed: true };
    const final = computedIndicatorNow(share, closed, context);
    expect([final.status, computedStatusLabel(final.status, closed), final.coverage]).toEqual([
      "met",
      "已达成",
      { reported: 2, expected: 3 },
    ]);
    const all = { ...figure, reported: 3 };
    expect(computedIndicatorNow(share, all, context).status).toBe("met");
  });

  it("says 无数据 without a value and 未达成 with the count once the deadline has passed", () => {
    const none = { value: null, reported: 0, expected: 3, closed: false };
    expect(computedStatusLabel(computedIndicatorNow(share, none, context).status, none)).toBe("无数据");
    const short = { value: 40, reported: 2, expected: 3, closed: false };
    const late = computedIndicatorNow(share, short, { ...context, today: "2024-01-02" });
    expect([late.status, computedStatusLabel(late.status, short)]).toEqual(["missed", "未达成（已报 2/3）"]);
  });
});
