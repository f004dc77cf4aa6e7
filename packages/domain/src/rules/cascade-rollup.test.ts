import { describe, expect, it } from "vitest";
import { type CascadeRollupCounty, defaultCascadeRollup, rollupCascade } from "./cascade-rollup.js";

const county = (over: Partial<CascadeRollupCounty>): CascadeRollupCounty => ({
  linked: true,
  light: "green",
  progress: 0,
  reported: true,
  values: [],
  weight: 1,
  ...over,
});

describe("rollupCascade", () => {
  it("adds counts up, weighs a ratio by its base target and counts counties meeting a target", () => {
    const targets = [
      { comparator: "gte", value: 50, valueMax: null, rollup: "ratio", baseTarget: 1 },
      { comparator: "gte", value: 0, valueMax: null, rollup: "sum", baseTarget: null },
      { comparator: "gte", value: 50, valueMax: null, rollup: "count", baseTarget: null },
    ] as const;
    const result = rollupCascade(targets, [
      county({ light: "green", progress: 60, values: [60, 1000, 60] }),
      county({ light: "red", progress: 30, values: [40, 3000, 40] }),
      county({ light: "blue", progress: 100, reported: true, values: [null, null, 55] }),
      county({ linked: false, light: null, progress: null, reported: false, values: [null, null, null] }),
    ]);
    expect(result).toEqual({
      light: "red",
      progress: 47.5,
      coverage: { reported: 3, expected: 4 },
      // (60 × 1000 + 40 × 3000) / 4000 = 45, not the plain mean 50.
      targets: [
        { value: 45, reported: 2 },
        { value: 4000, reported: 2 },
        { value: 2, reported: 3 },
      ],
    });
  });

  it("gives no light and no values before any county links, and counts the unlinked as 0 progress", () => {
    const targets = [
      { comparator: "gte", value: 85, valueMax: null, rollup: "ratio", baseTarget: null },
    ] as const;
    const none = county({ linked: false, light: null, progress: null, reported: false, values: [null] });
    expect(rollupCascade(targets, [none, none])).toEqual({
      light: null,
      progress: 0,
      coverage: { reported: 0, expected: 2 },
      targets: [{ value: null, reported: 0 }],
    });
    expect(rollupCascade(targets, [county({ values: [80] }), county({ values: [90] })]).targets).toEqual([
      { value: 85, reported: 2 },
    ]);
  });

  it("weighs each county's progress by its weight, and falls back to the plain mean when all weigh 0", () => {
    const counties = [
      county({ progress: 60, weight: 3 }),
      county({ progress: 20, weight: 1 }),
      county({ linked: false, light: null, progress: null, reported: false, weight: 0 }),
    ];
    // (60 × 3 + 20 × 1 + 0 × 0) / 4 = 50; the plain mean would be 26.7.
    expect(rollupCascade([], counties).progress).toBe(50);
    expect(
      rollupCascade(
        [],
        counties.map((c) => ({ ...c, weight: 0 })),
      ).progress,
    ).toBe(26.7);
  });

  it("adds percentages up by ratio and everything else by sum unless chosen otherwise", () => {
    expect([defaultCascadeRollup("%"), defaultCascadeRollup("％"), defaultCascadeRollup("所")]).toEqual([
      "ratio",
      "ratio",
      "sum",
    ]);
  });
});
