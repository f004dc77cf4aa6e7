import { afterEach, describe, expect, it, vi } from "vitest";
import { formatDay, formatPlanDate, invalidDateText } from "./plan-format";

afterEach(() => vi.restoreAllMocks());

describe("date formatting", () => {
  it("writes plan dates the Chinese way", () => {
    expect(formatPlanDate("2023")).toBe("2023年");
    expect(formatPlanDate("2023-09")).toBe("2023年9月");
    expect(formatPlanDate("2023-12-31")).toBe("2023年12月31日");
    expect(formatPlanDate(null)).toBe("—");
  });

  it("shows 日期无效 for a stored value that is no date, and logs it instead of failing", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    for (const bad of ["NaN", "2023-02-30", "garbage", "9999-99"])
      expect(formatPlanDate(bad)).toBe(invalidDateText);
    expect(formatDay("NaN")).toBe(invalidDateText);
    expect(invalidDateText).toBe("日期无效");
    expect(warn).toHaveBeenCalledTimes(5);
    expect(warn).toHaveBeenLastCalledWith("日期无效，已按无效显示：", "NaN");
  });

  it("writes a timestamp as its Shanghai calendar day", () => {
    expect(formatDay("2023-09-30T17:00:00.000Z")).toBe("2023/10/1");
  });
});
