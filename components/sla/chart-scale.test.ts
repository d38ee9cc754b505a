import { describe, expect, it } from "vitest";
import { linearScale, logDurationAxis, niceTicks } from "./chart-scale";

describe("linearScale", () => {
  it("maps zero to the start and the maximum to the end", () => {
    const x = linearScale(200, 10, 110);
    expect([x(0), x(100), x(200)]).toEqual([10, 60, 110]);
  });

  it("survives an empty domain", () => {
    expect(linearScale(0, 0, 100)(0)).toBe(0);
  });
});

describe("niceTicks", () => {
  it("steps by 1, 2 or 5 times a power of ten and covers the maximum", () => {
    expect(niceTicks(17_300)).toEqual([0, 5000, 10_000, 15_000, 20_000]);
    expect(niceTicks(100)).toEqual([0, 50, 100]);
    expect(niceTicks(8)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe("logDurationAxis", () => {
  it("spans from the tick below the smallest to the tick above the largest value", () => {
    // 99.95 % of a day (43 s) to 99.5 % of a year (43 h 49 m)
    const axis = logDurationAxis([43.2, 157_788], 200, 0);
    expect([axis.min, axis.max]).toEqual([10, 360_000]);
    expect(axis.ticks.map((t) => t.label)).toEqual(["10 s", "1 m", "10 m", "1 h", "10 h", "100 h"]);
    expect(axis.scale(10)).toBe(200);
    expect(axis.scale(360_000)).toBe(0);
    expect(axis.scale(3600)).toBeCloseTo(200 - (Math.log10(360) / Math.log10(36_000)) * 200, 9);
  });

  it("keeps a span when every value sits on one tick, and clamps what lies outside", () => {
    const axis = logDurationAxis([60, 60], 0, 100);
    expect([axis.min, axis.max]).toEqual([60, 600]);
    expect(axis.scale(1)).toBe(0);
    expect(axis.scale(1e9)).toBe(100);
  });
});
