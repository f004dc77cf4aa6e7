import { describe, expect, it } from "vitest";
import { shanghaiDate } from "./calendar.js";
import {
  compareLightSeverity,
  type Light,
  lightColorNames,
  lightColors,
  lightLabels,
  lightOf,
  lightSeverity,
} from "./lights.js";

// A 10-day window: 序时进度 is 10 points per elapsed day, 100 on the due day.
const task = { start: "2023-09-01", due: "2023-09-10", done: false };

describe("lightOf", () => {
  it("is blue once done, even overdue, before start or at 0 %", () => {
    expect(lightOf({ ...task, today: "2023-09-05", progress: 100, done: true })).toBe("blue");
    expect(lightOf({ ...task, today: "2023-12-01", progress: 20, done: true })).toBe("blue");
    expect(lightOf({ ...task, today: "2023-08-01", progress: 0, done: true })).toBe("blue");
  });

  it("is red from the day after the due day when not done, even at 100 %", () => {
    expect(lightOf({ ...task, today: "2023-09-11", progress: 50 })).toBe("red");
    expect(lightOf({ ...task, today: "2023-09-11", progress: 100 })).toBe("red");
  });

  it("is not red on the due day itself", () => {
    expect(lightOf({ ...task, today: "2023-09-10", progress: 95 })).toBe("green");
    expect(lightOf({ ...task, today: "2023-09-10", progress: 89 })).toBe("yellow");
  });

  it("is grey before the start day whatever the progress", () => {
    expect(lightOf({ ...task, today: "2023-08-31", progress: 0 })).toBe("grey");
    expect(lightOf({ ...task, today: "2023-08-31", progress: 60 })).toBe("grey");
  });

  it("is green on the start day with nothing done, since 序时进度 is within the tolerance", () => {
    expect(lightOf({ ...task, today: "2023-09-01", progress: 0 })).toBe("green");
  });

  it("turns yellow only strictly below 序时进度 minus the tolerance", () => {
    // Day 5: 序时进度 50, threshold 40.
    expect(lightOf({ ...task, today: "2023-09-05", progress: 40 })).toBe("green");
    expect(lightOf({ ...task, today: "2023-09-05", progress: 39.9 })).toBe("yellow");
  });

  it("honours a plan's own tolerance, 0 included", () => {
    expect(lightOf({ ...task, today: "2023-09-05", progress: 30, tolerance: 20 })).toBe("green");
    expect(lightOf({ ...task, today: "2023-09-05", progress: 29, tolerance: 20 })).toBe("yellow");
    expect(lightOf({ ...task, today: "2023-09-05", progress: 49, tolerance: 0 })).toBe("yellow");
    expect(lightOf({ ...task, today: "2023-09-05", progress: 50, tolerance: 0 })).toBe("green");
  });

  it("uses the last day of a month-only due date (2023-02 → 28th)", () => {
    const feb = { start: "2023-02", due: "2023-02", done: false };
    expect(lightOf({ ...feb, today: "2023-02-28", progress: 95 })).toBe("green");
    expect(lightOf({ ...feb, today: "2023-03-01", progress: 95 })).toBe("red");
    const leapFeb = { start: "2024-02", due: "2024-02", done: false };
    expect(lightOf({ ...leapFeb, today: "2024-02-29", progress: 95 })).toBe("green");
    expect(lightOf({ ...leapFeb, today: "2024-03-01", progress: 95 })).toBe("red");
  });

  it("judges by the Shanghai date: 2023-09-30T16:30Z is already 1 October, past a 30 September due", () => {
    const sept = { start: "2023-09-01", due: "2023-09-30", progress: 100, done: false };
    const justBefore = shanghaiDate(new Date("2023-09-30T15:59:59Z"));
    const justAfter = shanghaiDate(new Date("2023-09-30T16:30:00Z"));
    expect(lightOf({ ...sept, today: justBefore })).toBe("green");
    expect(lightOf({ ...sept, today: justAfter })).toBe("red");
  });

  it("refuses progress outside 0–100, a negative tolerance and bad dates", () => {
    expect(() => lightOf({ ...task, today: "2023-09-05", progress: -1 })).toThrow(RangeError);
    expect(() => lightOf({ ...task, today: "2023-09-05", progress: 100.5 })).toThrow(RangeError);
    expect(() => lightOf({ ...task, today: "2023-09-05", progress: Number.NaN })).toThrow(RangeError);
    expect(() => lightOf({ ...task, today: "2023-09-05", progress: 5, tolerance: -1 })).toThrow(RangeError);
    expect(() => lightOf({ ...task, today: "2023-09", progress: 5 })).toThrow(RangeError);
    expect(() => lightOf({ ...task, due: "someday", today: "2023-09-05", progress: 5 })).toThrow(RangeError);
  });
});

describe("light vocabulary", () => {
  it("names every colour in Chinese", () => {
    expect(lightColors.map((c) => `${lightColorNames[c]}${lightLabels[c]}`)).toEqual([
      "红逾期",
      "黄滞后",
      "绿正常",
      "灰未开始",
      "蓝已完成",
    ]);
  });

  it("sorts most urgent first", () => {
    const mixed: Light[] = ["blue", "green", "red", "grey", "yellow"];
    expect([...mixed].sort(compareLightSeverity)).toEqual(["red", "yellow", "green", "grey", "blue"]);
    expect(lightSeverity.red).toBeGreaterThan(lightSeverity.yellow);
  });
});
