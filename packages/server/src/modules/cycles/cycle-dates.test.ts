import { describe, expect, it } from "vitest";
import { defaultCycleWindow } from "./cycle-dates.js";

describe("defaultCycleWindow", () => {
  it("gives this month, due on the due day, while it is not yet past", () => {
    expect(defaultCycleWindow("monthly", 25, "2023-03-10")).toEqual({
      name: "2023年3月",
      startDate: "2023-03-01",
      dueDate: "2023-03-25",
    });
  });

  it("moves to next month once this month's due day has passed, across a year end", () => {
    expect(defaultCycleWindow("monthly", 25, "2023-12-28")).toEqual({
      name: "2024年1月",
      startDate: "2024-01-01",
      dueDate: "2024-01-25",
    });
  });

  it("clamps a due day of 31 to the end of February", () => {
    expect(defaultCycleWindow("monthly", 31, "2024-02-03")?.dueDate).toBe("2024-02-29");
    expect(defaultCycleWindow("monthly", 31, "2023-02-03")?.dueDate).toBe("2023-02-28");
  });

  it("gives the quarter, due in its last month", () => {
    expect(defaultCycleWindow("quarterly", 20, "2023-05-02")).toEqual({
      name: "2023年第二季度",
      startDate: "2023-04-01",
      dueDate: "2023-06-20",
    });
    expect(defaultCycleWindow("quarterly", 20, "2023-06-25")?.name).toBe("2023年第三季度");
  });

  it("gives Monday to the due weekday for weekly cycles", () => {
    // 2023-09-13 was a Wednesday.
    expect(defaultCycleWindow("weekly", 5, "2023-09-13")).toEqual({
      name: "2023-09-11 当周",
      startDate: "2023-09-11",
      dueDate: "2023-09-15",
    });
    expect(defaultCycleWindow("weekly", 5, "2023-09-16")?.startDate).toBe("2023-09-18");
  });

  it("has no default for ad hoc cycles", () => {
    expect(defaultCycleWindow("adhoc", 25, "2023-03-10")).toBeNull();
  });
});
