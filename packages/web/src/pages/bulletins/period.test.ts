import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { periodOf, suggestedTitle } from "./period";

describe("periodOf", () => {
  const today = dayjs("2023-06-15");

  it("takes a past month whole", () => {
    expect(periodOf("month", dayjs("2023-05-31"), today)).toEqual({ from: "2023-05-01", to: "2023-05-31" });
  });

  it("ends a running month or quarter today, a day already lived", () => {
    expect(periodOf("month", dayjs("2023-06-03"), today)).toEqual({ from: "2023-06-01", to: "2023-06-15" });
    expect(periodOf("quarter", dayjs("2023-05-31"), today)).toEqual({ from: "2023-04-01", to: "2023-06-15" });
  });

  it("takes a past quarter from its first to its last day", () => {
    expect(periodOf("quarter", dayjs("2023-02-28"), today)).toEqual({ from: "2023-01-01", to: "2023-03-31" });
  });
});

describe("suggestedTitle", () => {
  it("names the month or quarter as the bureau titles its 通报", () => {
    expect(suggestedTitle("month", dayjs("2023-06-15"))).toBe("2023年6月重点工作落实情况督查通报");
    expect(suggestedTitle("quarter", dayjs("2023-06-15"))).toBe("2023年第2季度重点工作落实情况督查通报");
  });
});
