import { describe, expect, it } from "vitest";
import { expectedProgress } from "./expected-progress.js";

describe("expectedProgress (序时进度)", () => {
  // A 10-day window makes each day worth exactly 10 points.
  const window = { start: "2023-09-01", due: "2023-09-10" };

  it("is 0 before the start day", () => {
    expect(expectedProgress({ ...window, today: "2023-08-31" })).toBe(0);
    expect(expectedProgress({ ...window, today: "2022-01-01" })).toBe(0);
  });

  it("counts the start day as the first elapsed day", () => {
    expect(expectedProgress({ ...window, today: "2023-09-01" })).toBe(10);
  });

  it("grows one day's share per day inside the window", () => {
    expect(expectedProgress({ ...window, today: "2023-09-05" })).toBe(50);
    expect(expectedProgress({ ...window, today: "2023-09-09" })).toBeCloseTo(90, 10);
  });

  it("reaches 100 on the due day and stays there after it", () => {
    expect(expectedProgress({ ...window, today: "2023-09-10" })).toBe(100);
    expect(expectedProgress({ ...window, today: "2023-09-11" })).toBe(100);
    expect(expectedProgress({ ...window, today: "2030-01-01" })).toBe(100);
  });

  it("is 100 on the only day of a one-day window", () => {
    expect(expectedProgress({ start: "2023-05-04", due: "2023-05-04", today: "2023-05-04" })).toBe(100);
    expect(expectedProgress({ start: "2023-05-04", due: "2023-05-04", today: "2023-05-03" })).toBe(0);
  });

  it("reads a whole-year window from coarse dates: 2023 has 365 days", () => {
    const year = { start: "2023", due: "2023" };
    expect(expectedProgress({ ...year, today: "2023-01-01" })).toBeCloseTo(100 / 365, 10);
    expect(expectedProgress({ ...year, today: "2023-07-02" })).toBeCloseTo((183 / 365) * 100, 10);
    expect(expectedProgress({ ...year, today: "2023-12-30" })).toBeCloseTo((364 / 365) * 100, 10);
    expect(expectedProgress({ ...year, today: "2023-12-31" })).toBe(100);
  });

  it("counts 29 February in a leap year: 2024 has 366 days", () => {
    expect(expectedProgress({ start: "2024", due: "2024", today: "2024-02-29" })).toBeCloseTo(
      (60 / 366) * 100,
      10,
    );
  });

  it("ends a month-only due date on the month's last day (2023-02 → 28th, 2024-02 → 29th)", () => {
    expect(expectedProgress({ start: "2023-02", due: "2023-02", today: "2023-02-14" })).toBe(50);
    expect(expectedProgress({ start: "2023-02", due: "2023-02", today: "2023-02-28" })).toBe(100);
    expect(expectedProgress({ start: "2024-02", due: "2024-02", today: "2024-02-28" })).toBeCloseTo(
      (28 / 29) * 100,
      10,
    );
    expect(expectedProgress({ start: "2024-02", due: "2024-02", today: "2024-02-29" })).toBe(100);
  });

  it("judges an inverted window (start after due) by its due date alone", () => {
    const inverted = { start: "2023-10-01", due: "2023-09-01" };
    expect(expectedProgress({ ...inverted, today: "2023-08-31" })).toBe(0);
    expect(expectedProgress({ ...inverted, today: "2023-09-01" })).toBe(100);
    expect(expectedProgress({ ...inverted, today: "2023-09-15" })).toBe(100);
  });

  it("refuses a coarse or malformed today and malformed window dates", () => {
    expect(() => expectedProgress({ ...window, today: "2023-09" })).toThrow(RangeError);
    expect(() => expectedProgress({ ...window, today: "2023-02-30" })).toThrow(RangeError);
    expect(() => expectedProgress({ start: "2023-13", due: "2023", today: "2023-05-01" })).toThrow(
      RangeError,
    );
    expect(() => expectedProgress({ start: "2023", due: "soon", today: "2023-05-01" })).toThrow(RangeError);
  });
});
