import { describe, expect, it } from "vitest";
import { autoRoundDeadline } from "./auto-round.js";

describe("the deadline of a cycle's automatic round", () => {
  const cycle = { dueDate: "2023-06-25" };

  it("is the cycle's due date under the cycle_due rule", () => {
    expect(autoRoundDeadline({ kind: "cycle_due" }, cycle, "2023-06-15")).toBe("2023-06-25");
  });

  it("counts days from the day the cycle is opened, across a month end", () => {
    expect(autoRoundDeadline({ kind: "days_after_open", days: 20 }, cycle, "2023-06-15")).toBe("2023-07-05");
    expect(autoRoundDeadline({ kind: "days_after_open", days: 0 }, cycle, "2023-06-15")).toBe("2023-06-15");
  });

  it("is today rather than a day already past when the cycle's due date is behind", () => {
    expect(autoRoundDeadline({ kind: "cycle_due" }, cycle, "2023-06-28")).toBe("2023-06-28");
  });
});
