import { describe, expect, it } from "vitest";
import { findDates, parseDeadline } from "./dates.js";

describe("date expressions", () => {
  it.each([
    ["2023年9月", "2023-09"],
    ["2023年9月15日", "2023-09-15"],
    ["2024年年底前", "2024-12-31"],
    ["2024年底", "2024-12-31"],
    ["2024年2月底前", "2024-02-29"],
    ["12月底前", "2023-12-31"],
    ["6月底", "2023-06-30"],
    ["年底前", "2023-12-31"],
    ["2024年上半年", "2024-06-30"],
    ["2024年第三季度", "2024-09-30"],
    ["2025年", "2025"],
    ["长期坚持", null],
  ])("reads %s as %s", (text, value) => {
    expect(parseDeadline(text, 2023)).toBe(value);
  });

  it("skips the closing year of a period and out-of-range months", () => {
    const canonical = "(2021-2025年)13月";
    expect(findDates(canonical, 0, canonical.length, 2023)).toEqual([]);
  });
});
