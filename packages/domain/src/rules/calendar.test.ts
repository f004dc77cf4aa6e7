import { describe, expect, it } from "vitest";
import {
  addDays,
  compareDates,
  dateOfDayNumber,
  dayNumber,
  daysBetween,
  isAfterDate,
  isBeforeDate,
  isCalendarDate,
  planDateLastDay,
  planDateStart,
  shanghaiDate,
  shanghaiHour,
} from "./calendar.js";

describe("shanghaiHour", () => {
  it("is the wall-clock hour in Shanghai: 16:00 UTC is midnight, 15:59:59 is 23", () => {
    expect(shanghaiHour(new Date("2023-09-30T16:00:00Z"))).toBe(0);
    expect(shanghaiHour(new Date("2023-09-30T15:59:59.999Z"))).toBe(23);
    expect(shanghaiHour(new Date("2023-06-02T02:00:00+08:00"))).toBe(2);
    expect(shanghaiHour(new Date("1969-12-31T18:30:00Z"))).toBe(2);
    expect(() => shanghaiHour(new Date("x"))).toThrow(RangeError);
  });
});

describe("shanghaiDate", () => {
  it("puts 2023-09-30T16:30Z on 1 October, the Shanghai day it already is", () => {
    expect(shanghaiDate(new Date("2023-09-30T16:30:00Z"))).toBe("2023-10-01");
  });

  it("changes day exactly at 16:00 UTC, Shanghai midnight", () => {
    expect(shanghaiDate(new Date("2023-09-30T15:59:59.999Z"))).toBe("2023-09-30");
    expect(shanghaiDate(new Date("2023-09-30T16:00:00.000Z"))).toBe("2023-10-01");
  });

  it("reads an instant written with a +08:00 offset as that wall-clock day", () => {
    expect(shanghaiDate(new Date("2024-01-01T00:00:00+08:00"))).toBe("2024-01-01");
    expect(shanghaiDate(new Date("2023-12-31T23:59:59+08:00"))).toBe("2023-12-31");
  });

  it("crosses the year and lands on 29 February in a leap year", () => {
    expect(shanghaiDate(new Date("2023-12-31T16:00:00Z"))).toBe("2024-01-01");
    expect(shanghaiDate(new Date("2024-02-28T16:00:00Z"))).toBe("2024-02-29");
    expect(shanghaiDate(new Date("2023-02-28T16:00:00Z"))).toBe("2023-03-01");
  });

  it("handles instants before 1970", () => {
    expect(shanghaiDate(new Date("1969-12-31T16:00:00Z"))).toBe("1970-01-01");
    expect(shanghaiDate(new Date("1969-12-31T15:59:59Z"))).toBe("1969-12-31");
  });

  it("refuses an invalid Date", () => {
    expect(() => shanghaiDate(new Date("nope"))).toThrow(RangeError);
  });
});

describe("day arithmetic", () => {
  it("counts signed days between dates", () => {
    expect(daysBetween("2023-01-01", "2023-01-02")).toBe(1);
    expect(daysBetween("2023-01-02", "2023-01-01")).toBe(-1);
    expect(daysBetween("2023-01-01", "2023-12-31")).toBe(364);
    expect(daysBetween("2024-01-01", "2024-12-31")).toBe(365);
    expect(daysBetween("2023-02-28", "2023-03-01")).toBe(1);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
  });

  it("follows the Gregorian century rules", () => {
    expect(addDays("1900-02-28", 1)).toBe("1900-03-01");
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29");
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01");
  });

  it("adds and subtracts days across month and year ends", () => {
    expect(addDays("2023-09-30", 1)).toBe("2023-10-01");
    expect(addDays("2024-01-01", -1)).toBe("2023-12-31");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2023-06-15", 0)).toBe("2023-06-15");
  });

  it("round-trips day numbers with 1970-01-01 as day 0", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("2023-10-01")).toBe(Date.UTC(2023, 9, 1) / 86_400_000);
    expect(dateOfDayNumber(dayNumber("2024-02-29"))).toBe("2024-02-29");
  });

  it("refuses fractional day counts and malformed dates", () => {
    expect(() => addDays("2023-01-01", 0.5)).toThrow(RangeError);
    expect(() => dayNumber("2023-02-29")).toThrow(RangeError);
    expect(() => dayNumber("2023-9-1")).toThrow(RangeError);
    expect(() => dayNumber("2023-09")).toThrow(RangeError);
  });
});

describe("comparisons", () => {
  it("orders dates", () => {
    expect(compareDates("2023-01-01", "2023-01-02")).toBe(-1);
    expect(compareDates("2023-01-02", "2023-01-02")).toBe(0);
    expect(compareDates("2024-01-01", "2023-12-31")).toBe(1);
    expect(isBeforeDate("2023-01-01", "2023-01-02")).toBe(true);
    expect(isBeforeDate("2023-01-02", "2023-01-02")).toBe(false);
    expect(isAfterDate("2023-01-03", "2023-01-02")).toBe(true);
    expect(isAfterDate("2023-01-02", "2023-01-02")).toBe(false);
  });

  it("tells full calendar dates from plan dates and impossible days", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2023-02-29")).toBe(false);
    expect(isCalendarDate("2023-09")).toBe(false);
    expect(isCalendarDate("2023-13-01")).toBe(false);
  });
});

describe("plan date bounds", () => {
  it("takes the first day of a coarse start date", () => {
    expect(planDateStart("2023")).toBe("2023-01-01");
    expect(planDateStart("2023-09")).toBe("2023-09-01");
    expect(planDateStart("2023-09-15")).toBe("2023-09-15");
  });

  it("takes the last day of a coarse due date, month ends and leap years included", () => {
    expect(planDateLastDay("2023")).toBe("2023-12-31");
    expect(planDateLastDay("2023-02")).toBe("2023-02-28");
    expect(planDateLastDay("2024-02")).toBe("2024-02-29");
    expect(planDateLastDay("2023-04")).toBe("2023-04-30");
    expect(planDateLastDay("2023-09-15")).toBe("2023-09-15");
  });

  it("refuses what is not a plan date", () => {
    expect(() => planDateStart("2023-13")).toThrow(RangeError);
    expect(() => planDateLastDay("2023/09")).toThrow(RangeError);
    expect(() => planDateLastDay("")).toThrow(RangeError);
  });
});
