import { describe, expect, it } from "vitest";
import { addDays } from "./calendar.js";
import {
  addWorkingDays,
  calendarYearIssues,
  calendarYearsToCheck,
  isWeekendDay,
  isWorkingDay,
  missingCalendarYearMessage,
  missingCalendarYears,
  officialCalendarDays,
  officialCalendarYears,
  workCalendarOf,
  workingDaysBetween,
} from "./work-calendar.js";

const official = workCalendarOf();

/** Every day from `first` to `last`, inclusive. */
function days(first: string, last: string): string[] {
  const out = [first];
  while (out[out.length - 1] !== last) out.push(addDays(out[out.length - 1] as string, 1));
  return out;
}

describe("isWorkingDay on the official arrangements", () => {
  it("keeps 2023-09-29 to 10-06 off and works the 调休 weekend of 10-07 and 10-08", () => {
    expect(days("2023-09-29", "2023-10-06").map((d) => isWorkingDay(official, d))).toEqual(
      Array(8).fill(false),
    );
    expect(isWorkingDay(official, "2023-10-07")).toBe(true); // Saturday
    expect(isWorkingDay(official, "2023-10-08")).toBe(true); // Sunday
    expect(isWorkingDay(official, "2023-09-28")).toBe(true);
    expect(isWorkingDay(official, "2023-10-09")).toBe(true);
  });

  it("keeps 2024's 春节 02-10 to 02-17 off with the Sundays 02-04 and 02-18 worked", () => {
    expect(days("2024-02-10", "2024-02-17").map((d) => isWorkingDay(official, d))).toEqual(
      Array(8).fill(false),
    );
    expect(isWorkingDay(official, "2024-02-04")).toBe(true);
    expect(isWorkingDay(official, "2024-02-18")).toBe(true);
    expect(isWorkingDay(official, "2024-02-09")).toBe(true); // 除夕 is a working day in 2024
  });

  it("follows 2023's other holidays and 调休 days", () => {
    expect(
      ["2023-01-02", "2023-01-27", "2023-04-05", "2023-05-03", "2023-06-23"].map((d) =>
        isWorkingDay(official, d),
      ),
    ).toEqual([false, false, false, false, false]);
    expect(
      ["2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25"].map((d) =>
        isWorkingDay(official, d),
      ),
    ).toEqual([true, true, true, true, true]);
  });

  it("follows 2025 (春节 from 除夕, 8 days) and 2026 (元旦 to 01-03, 01-04 worked)", () => {
    expect(days("2025-01-28", "2025-02-04").every((d) => !isWorkingDay(official, d))).toBe(true);
    expect([isWorkingDay(official, "2025-01-26"), isWorkingDay(official, "2025-02-08")]).toEqual([
      true,
      true,
    ]);
    expect(days("2025-10-01", "2025-10-08").every((d) => !isWorkingDay(official, d))).toBe(true);
    expect(days("2026-01-01", "2026-01-03").every((d) => !isWorkingDay(official, d))).toBe(true);
    expect(isWorkingDay(official, "2026-01-04")).toBe(true);
    expect(days("2026-02-15", "2026-02-23").every((d) => !isWorkingDay(official, d))).toBe(true);
    expect(
      ["2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"].map((d) =>
        isWorkingDay(official, d),
      ),
    ).toEqual([true, true, true, true, true]);
  });

  it("counts each shipped year's working days as the arrangement gives them", () => {
    const perYear = officialCalendarYears().map((y) =>
      workingDaysBetween(official, `${y - 1}-12-31`, `${y}-12-31`),
    );
    // 2023: 249 and 2024: 251, as published with each arrangement; 2025 and 2026: 248 after two more holidays.
    expect(perYear).toEqual([249, 251, 248, 248]);
  });

  it("lists only Saturdays and Sundays as 调休 working days in every shipped year", () => {
    const worked = officialCalendarYears().flatMap((y) =>
      (officialCalendarDays(y) ?? []).filter((d) => d.kind === "workday"),
    );
    expect(worked).toHaveLength(26);
    expect(worked.every((d) => isWeekendDay(d.date))).toBe(true);
  });

  it("counts a year it does not have Monday to Friday", () => {
    expect(
      ["2027-01-01", "2027-01-02", "2027-01-04", "2027-10-01"].map((d) => isWorkingDay(official, d)),
    ).toEqual([
      true, // a Friday: no arrangement says otherwise
      false,
      true,
      true,
    ]);
  });
});

describe("a bureau's own table", () => {
  it("replaces the official year it covers and adds a year not shipped", () => {
    const own = workCalendarOf([
      { year: 2023, days: [{ date: "2023-06-15", kind: "holiday", name: "校庆" }] },
      { year: 2027, days: [{ date: "2027-01-01", kind: "holiday", name: "元旦" }] },
    ]);
    expect(isWorkingDay(own, "2023-06-15")).toBe(false);
    expect(isWorkingDay(own, "2023-10-02")).toBe(true); // the official 2023 table no longer applies
    expect(isWorkingDay(own, "2027-01-01")).toBe(false);
    expect(isWorkingDay(own, "2024-02-12")).toBe(false); // other years stay official
  });
});

describe("counting and adding working days", () => {
  it("counts 2023-09-28 to 10-09 as 3 working days: 10-07, 10-08 and 10-09", () => {
    expect(workingDaysBetween(official, "2023-09-28", "2023-10-09")).toBe(3);
    expect(workingDaysBetween(official, "2023-10-09", "2023-09-28")).toBe(-3);
    expect(workingDaysBetween(official, "2023-10-01", "2023-10-01")).toBe(0);
  });

  it("adds working days across 国庆 and its 调休 weekend", () => {
    expect(addWorkingDays(official, "2023-09-28", 1)).toBe("2023-10-07");
    expect(addWorkingDays(official, "2023-09-28", 3)).toBe("2023-10-09");
    expect(addWorkingDays(official, "2023-10-07", -1)).toBe("2023-09-28");
    expect(addWorkingDays(official, "2024-02-08", 2)).toBe("2024-02-18");
    expect(addWorkingDays(official, "2023-10-02", 0)).toBe("2023-10-02");
  });
});

describe("years without an arrangement", () => {
  it("checks next year from December on", () => {
    expect(calendarYearsToCheck("2026-11-30")).toEqual([2026]);
    expect(calendarYearsToCheck("2026-12-01")).toEqual([2026, 2027]);
  });

  it("names the missing year and says how working days are counted meanwhile", () => {
    expect(missingCalendarYears(official, "2026-06-15")).toEqual([]);
    expect(missingCalendarYears(official, "2026-12-03")).toEqual([2027]);
    expect(missingCalendarYearMessage(2027)).toBe("2027 年的法定节假日安排尚未录入，按周一至周五计算工作日");
  });
});

describe("calendarYearIssues", () => {
  it("refuses a day of another year, a day listed twice and a weekday listed as 调休 working day", () => {
    expect(
      calendarYearIssues(2027, [
        { date: "2027-02-06", kind: "holiday", name: "春节" },
        { date: "2026-12-31", kind: "holiday", name: "元旦" },
        { date: "2027-02-06", kind: "workday", name: "春节" },
        { date: "2027-02-08", kind: "workday", name: "春节" },
        { date: "2027-02-20", kind: "workday", name: "春节" },
      ]),
    ).toEqual([
      { path: "days.1.date", message: "2026-12-31 不在 2027 年内，请在对应年份的日历中填写" },
      { path: "days.2.date", message: "2027-02-06 重复列出，每天只能是休息日或调休上班日之一" },
      { path: "days.3.date", message: "2027-02-08 不是周六或周日，本来就是工作日，无需列为调休上班" },
    ]);
  });
});
