import { describe, expect, it } from "vitest";
import { aggregate, rollupLights, weightedProgress, weightedProgressOfSums } from "./rollup.js";

describe("weightedProgress", () => {
  it("weights each part's progress", () => {
    expect(
      weightedProgress([
        { progress: 100, weight: 3 },
        { progress: 0, weight: 1 },
      ]),
    ).toBe(75);
  });

  it("falls back to the plain mean when every weight is zero", () => {
    expect(
      weightedProgress([
        { progress: 40, weight: 0 },
        { progress: 60, weight: 0 },
      ]),
    ).toBe(50);
  });

  it("ignores zero-weight parts when others carry weight", () => {
    expect(
      weightedProgress([
        { progress: 80, weight: 2 },
        { progress: 0, weight: 0 },
      ]),
    ).toBe(80);
  });

  it("is 0 with no parts", () => {
    expect(weightedProgress([])).toBe(0);
  });

  it("rounds half up to one decimal", () => {
    const thirds = [
      { progress: 100, weight: 1 },
      { progress: 0, weight: 2 },
    ];
    expect(weightedProgress(thirds)).toBe(33.3);
    expect(
      weightedProgress([
        { progress: 66.25, weight: 1 },
        { progress: 66.25, weight: 1 },
      ]),
    ).toBe(66.3);
  });

  it("refuses negative or non-finite weights and non-finite progress", () => {
    expect(() => weightedProgress([{ progress: 50, weight: -1 }])).toThrow(RangeError);
    expect(() => weightedProgress([{ progress: 50, weight: Number.POSITIVE_INFINITY }])).toThrow(RangeError);
    expect(() => weightedProgress([{ progress: Number.NaN, weight: 1 }])).toThrow(RangeError);
  });
});

describe("weightedProgressOfSums", () => {
  it("gives what weightedProgress gives from the same parts, as a database aggregate returns them", () => {
    const sums = {
      count: 3,
      totalWeight: 4,
      weightedSum: 100 * 3 + 0 * 1 + 0 * 0,
      plainSum: 100,
      min: 0,
      max: 100,
    };
    expect(weightedProgressOfSums(sums)).toBe(75);
    expect(
      weightedProgressOfSums({ count: 0, totalWeight: 0, weightedSum: 0, plainSum: 0, min: 0, max: 0 }),
    ).toBe(0);
    expect(
      weightedProgressOfSums({ count: 2, totalWeight: 0, weightedSum: 0, plainSum: 100, min: 40, max: 60 }),
    ).toBe(50);
  });

  it("keeps the mean within the smallest and largest part when the sums carry rounding error", () => {
    const sums = {
      count: 3,
      totalWeight: 0.3,
      weightedSum: 0.1 * 30 * 3 + 1e-12,
      plainSum: 90,
      min: 30,
      max: 30,
    };
    expect(weightedProgressOfSums(sums)).toBe(30);
  });
});

describe("aggregate", () => {
  const values = [
    { value: 10, at: "2023-09-01T08:00:00Z" },
    { value: 30, at: new Date("2023-09-03T08:00:00Z") },
    { value: 20, at: "2023-09-02T08:00:00+08:00" },
  ];

  it("sums, averages and takes min and max of unit values", () => {
    expect(aggregate(values, "sum")).toBe(60);
    expect(aggregate(values, "average")).toBe(20);
    expect(aggregate(values, "min")).toBe(10);
    expect(aggregate(values, "max")).toBe(30);
  });

  it("takes the newest value for latest, whatever the list order", () => {
    expect(aggregate(values, "latest")).toBe(30);
    expect(aggregate([...values].reverse(), "latest")).toBe(30);
  });

  it("lets the later item win a tie on time", () => {
    const at = "2023-09-01T00:00:00Z";
    expect(
      aggregate(
        [
          { value: 1, at },
          { value: 2, at: new Date(at) },
        ],
        "latest",
      ),
    ).toBe(2);
  });

  it("reads a bare date as the start of that Shanghai day", () => {
    const latest = aggregate(
      [
        { value: 1, at: "2023-10-01" }, // 2023-09-30T16:00Z
        { value: 2, at: "2023-09-30T16:30:00Z" },
      ],
      "latest",
    );
    expect(latest).toBe(2);
  });

  it("is null with no values, so nothing reported never reads as 0", () => {
    for (const a of ["sum", "average", "latest", "min", "max"] as const) expect(aggregate([], a)).toBeNull();
  });

  it("keeps an average of equal values equal to them despite floating-point noise", () => {
    const tenths = [0.1, 0.1, 0.1].map((value) => ({ value, at: "2023-01-01" }));
    expect(aggregate(tenths, "average")).toBe(0.1);
  });

  it("refuses times that depend on the process time zone and unreadable values", () => {
    expect(() => aggregate([{ value: 1, at: "2023-09-01T08:00:00" }], "latest")).toThrow(RangeError);
    expect(() => aggregate([{ value: 1, at: "Sep 1 2023" }], "latest")).toThrow(RangeError);
    expect(() => aggregate([{ value: 1, at: new Date("x") }], "latest")).toThrow(RangeError);
    expect(() => aggregate([{ value: Number.NaN, at: "2023-09-01" }], "sum")).toThrow(RangeError);
  });
});

describe("rollupLights", () => {
  it("is red when any task is red", () => {
    expect(rollupLights(["blue", "green", "red", "grey", "yellow"]).worst).toBe("red");
  });

  it("is yellow when the worst is yellow", () => {
    expect(rollupLights(["green", "yellow", "blue"]).worst).toBe("yellow");
  });

  it("is blue only when everything is done", () => {
    expect(rollupLights(["blue", "blue"]).worst).toBe("blue");
    expect(rollupLights(["blue", "green"]).worst).toBe("green");
  });

  it("is grey only when nothing has started", () => {
    expect(rollupLights(["grey", "grey"]).worst).toBe("grey");
    expect(rollupLights(["grey", "green"]).worst).toBe("green");
  });

  it("reads done and not-yet-started together as under way and on track", () => {
    expect(rollupLights(["grey", "blue"]).worst).toBe("green");
  });

  it("counts every colour, zeros included, and has no light for nothing", () => {
    expect(rollupLights(["red", "red", "blue"]).counts).toEqual({
      red: 2,
      yellow: 0,
      green: 0,
      grey: 0,
      blue: 1,
    });
    expect(rollupLights([])).toEqual({
      worst: null,
      counts: { red: 0, yellow: 0, green: 0, grey: 0, blue: 0 },
    });
  });
});
