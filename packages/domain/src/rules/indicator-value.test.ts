import { describe, expect, it } from "vitest";
import { indicatorValueProblem } from "./indicator-value.js";

const percent = { unit: "%", targetValue: 85, targetMax: null };
const schools = { unit: "所", targetValue: 2, targetMax: null };

describe("indicatorValueProblem", () => {
  it("refuses a percentage above 100 or below 0 and accepts both ends", () => {
    expect(indicatorValueProblem(percent, 150)).toBe("百分比应为 0–100");
    expect(indicatorValueProblem(percent, -20)).toBe("百分比应为 0–100");
    expect(indicatorValueProblem(percent, 0)).toBeNull();
    expect(indicatorValueProblem(percent, 100)).toBeNull();
    expect(indicatorValueProblem(percent, 85.5)).toBeNull();
  });

  it("lets a percentage pass 100 when the target does (增长 120 %), and go below 0 when the target does", () => {
    expect(indicatorValueProblem({ unit: "%", targetValue: 120, targetMax: null }, 150)).toBeNull();
    expect(indicatorValueProblem({ unit: "%", targetValue: -5, targetMax: null }, -3)).toBeNull();
    expect(indicatorValueProblem({ unit: "%", targetValue: -5, targetMax: null }, -8)).toBe(
      "百分比应为 -5–100",
    );
  });

  it("wants a count to be whole and not negative", () => {
    expect(indicatorValueProblem(schools, 2.5)).toBe("应为整数（单位：所）");
    expect(indicatorValueProblem(schools, -1)).toBe("不能小于 0");
    expect(indicatorValueProblem(schools, 3)).toBeNull();
  });

  it("lets an amount have decimals but not be negative", () => {
    expect(indicatorValueProblem({ unit: "万元", targetValue: 50, targetMax: null }, 12.5)).toBeNull();
    expect(indicatorValueProblem({ unit: "万元", targetValue: 50, targetMax: null }, -1)).toBe("不能小于 0");
  });
});
