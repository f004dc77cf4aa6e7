import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dateOfDayNumber, dayNumber, daysBetween, shanghaiDate } from "./calendar.js";
import { expectedProgress } from "./expected-progress.js";
import { indicatorStatus, indicatorStatuses } from "./indicator-status.js";
import { type Light, lightColors, lightOf } from "./lights.js";
import { aggregate, rollupLights, weightedProgress } from "./rollup.js";

// Days around 2000–2040, which covers several leap years and a century rule (2000).
const day = fc.integer({ min: dayNumber("2000-01-01"), max: dayNumber("2040-12-31") }).map(dateOfDayNumber);
const progress = fc.double({ min: 0, max: 100, noNaN: true });
const light = fc.constantFrom(...lightColors);
const round1 = (x: number) => Math.round(x * 10) / 10;

describe("calendar properties", () => {
  it("addDays and daysBetween are inverse", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
    );
  });

  it("shanghaiDate is the UTC date eight hours later, for any instant", () => {
    const instant = fc.date({
      min: new Date("1990-01-01T00:00:00Z"),
      max: new Date("2090-01-01T00:00:00Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, (t) => {
        expect(shanghaiDate(t)).toBe(new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 10));
      }),
    );
  });
});

describe("expectedProgress properties", () => {
  it("stays within 0–100 and never decreases as days pass", () => {
    fc.assert(
      fc.property(day, day, day, fc.integer({ min: 0, max: 800 }), (start, due, today, later) => {
        const a = expectedProgress({ start, due, today });
        const b = expectedProgress({ start, due, today: addDays(today, later) });
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(100);
        expect(b).toBeGreaterThanOrEqual(a);
      }),
    );
  });
});

describe("light properties", () => {
  const input = fc.record({
    start: day,
    due: day,
    today: day,
    progress,
    done: fc.boolean(),
    tolerance: fc.double({ min: 0, max: 50, noNaN: true }),
  });

  it("always gives one of the five lights, with blue, red and grey taking precedence in that order", () => {
    fc.assert(
      fc.property(input, (i) => {
        const result = lightOf(i);
        expect(lightColors).toContain(result);
        if (i.done) expect(result).toBe("blue");
        else if (i.today > i.due) expect(result).toBe("red");
        else if (i.today < i.start) expect(result).toBe("grey");
        else expect(["yellow", "green"]).toContain(result);
      }),
    );
  });

  it("never turns yellow for more progress once green", () => {
    fc.assert(
      fc.property(input, progress, (i, more) => {
        const worse = lightOf({ ...i, progress: Math.min(i.progress, more) });
        const better = lightOf({ ...i, progress: Math.max(i.progress, more) });
        if (worse === "green") expect(better).toBe("green");
      }),
    );
  });
});

describe("indicator status properties", () => {
  it("always gives a status, met whenever satisfied and missed or met after the due day once a value is in", () => {
    const comparator = fc.constantFrom("gte", "gt", "lte", "lt", "eq", "range" as const);
    const num = fc.integer({ min: -1000, max: 1000 });
    fc.assert(
      fc.property(comparator, num, num, fc.option(num), day, day, (c, target, max, actual, due, today) => {
        const status = indicatorStatus({ comparator: c, target, targetMax: max, actual, due, today });
        expect(indicatorStatuses).toContain(status);
        if (actual === null) expect(status).toBe("no_data");
        else if (today > due) expect(["met", "missed"]).toContain(status);
        else expect(status).not.toBe("missed");
      }),
    );
  });
});

describe("roll-up properties", () => {
  const weighted = fc.array(fc.record({ progress, weight: fc.double({ min: 0, max: 1000, noNaN: true }) }), {
    minLength: 1,
  });

  it("keeps weighted progress within the (rounded) range of its parts", () => {
    fc.assert(
      fc.property(weighted, (items) => {
        const result = weightedProgress(items);
        const ps = items.map((i) => i.progress);
        expect(result).toBeGreaterThanOrEqual(round1(Math.min(...ps)));
        expect(result).toBeLessThanOrEqual(round1(Math.max(...ps)));
      }),
    );
  });

  it("orders min ≤ average ≤ max ≤ latest's bounds", () => {
    const values = fc.array(
      fc.record({
        value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        at: fc.date({
          min: new Date("2020-01-01T00:00:00Z"),
          max: new Date("2030-01-01T00:00:00Z"),
          noInvalidDate: true,
        }),
      }),
      { minLength: 1 },
    );
    fc.assert(
      fc.property(values, (vs) => {
        const min = aggregate(vs, "min")!;
        const avg = aggregate(vs, "average")!;
        const max = aggregate(vs, "max")!;
        const latest = aggregate(vs, "latest")!;
        expect(min).toBeLessThanOrEqual(avg);
        expect(avg).toBeLessThanOrEqual(max);
        expect(latest).toBeGreaterThanOrEqual(min);
        expect(latest).toBeLessThanOrEqual(max);
      }),
    );
  });

  it("counts every light once and picks a worst that is present or green", () => {
    fc.assert(
      fc.property(fc.array(light), (lights) => {
        const { worst, counts } = rollupLights(lights);
        expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(lights.length);
        if (lights.length === 0) expect(worst).toBeNull();
        else expect(lights.includes(worst!) || worst === "green").toBe(true);
        if (lights.includes("red")) expect(worst).toBe("red");
      }),
    );
  });

  it("rolls up sections of a plan the same as all its tasks at once", () => {
    fc.assert(
      fc.property(fc.array(fc.array(light, { minLength: 1 })), (sections: Light[][]) => {
        const nested = rollupLights(sections.map((s) => rollupLights(s).worst!));
        expect(nested.worst).toBe(rollupLights(sections.flat()).worst);
      }),
    );
  });
});
