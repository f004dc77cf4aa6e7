import { afterEach, describe, expect, it, vi } from "vitest";
import { formatDate, formatDateTime, invalidDateText } from "./date-format";
import { formatDay, formatPlanDate } from "./plan-format";

afterEach(() => vi.restoreAllMocks());

describe("date formatting", () => {
  it("writes plan dates as 2023-12-31, keeping a month or a year as it is", () => {
    expect(formatDate("2023")).toBe("2023");
    expect(formatDate("2023-09")).toBe("2023-09");
    expect(formatDate("2023-12-31")).toBe("2023-12-31");
    expect(formatDate(null)).toBe("—");
    expect(formatDate(undefined)).toBe("—");
  });

  it("writes a timestamp as its Shanghai calendar day, whatever the browser's zone", () => {
    // 17:00 UTC on 30 September is already 1 October in Shanghai.
    expect(formatDate("2023-09-30T17:00:00.000Z")).toBe("2023-10-01");
    expect(formatDate("2023-09-30T15:59:59.000Z")).toBe("2023-09-30");
  });

  it("writes a moment as 2023-10-01 01:05 in Shanghai time, on a 24-hour clock", () => {
    expect(formatDateTime("2023-09-30T17:05:00.000Z")).toBe("2023-10-01 01:05");
    expect(formatDateTime("2023-06-15T06:05:59.000Z")).toBe("2023-06-15 14:05");
    expect(formatDateTime("2023-06-14T16:00:00.000Z")).toBe("2023-06-15 00:00");
    expect(formatDateTime(null)).toBe("—");
  });

  it("gives the pages that import the plan names the same format", () => {
    expect(formatPlanDate("2023-12-31")).toBe("2023-12-31");
    expect(formatDay("2023-09-30T17:00:00.000Z")).toBe("2023-10-01");
  });

  it("shows 日期无效 for a stored value that is no date, and logs it instead of failing", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    for (const bad of ["NaN", "2023-02-30", "garbage", "9999-99"])
      expect(formatDate(bad)).toBe(invalidDateText);
    expect(formatDateTime("NaN")).toBe(invalidDateText);
    expect(invalidDateText).toBe("日期无效");
    expect(warn).toHaveBeenCalledTimes(5);
    expect(warn).toHaveBeenLastCalledWith("日期无效，已按无效显示：", "NaN");
  });
});
