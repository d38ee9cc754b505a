import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration";
import {
  allowedDowntime,
  availabilityFromDowntime,
  type Conventions,
  daysInMonth,
  downtimeTable,
  measurementWindows,
  monthSeconds,
  spreadBetweenConventions,
  windowSeconds,
} from "./windows";

const HOUR = 3600;
const DAY = 86_400;
const thirtyDayMonths: Conventions = { month: { kind: "30d" }, year: "365.2425d" };
const availability = fc.double({ min: 0.5, max: 0.999999, noNaN: true });

describe("window lengths", () => {
  it("knows real month lengths, leap years included", () => {
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
    expect(monthSeconds({ kind: "calendar", year: 2025, month: 2 })).toBe(28 * DAY);
  });

  it("uses 30 d, the mean Gregorian month and 730 h as stated", () => {
    expect(monthSeconds({ kind: "30d" })).toBe(30 * DAY);
    expect(monthSeconds({ kind: "30.44d" })).toBeCloseTo((365.2425 / 12) * DAY, 6);
    expect(monthSeconds({ kind: "730h" })).toBe(730 * HOUR);
  });

  it("takes a quarter as a quarter of the year, in either year convention", () => {
    expect(windowSeconds("year")).toBeCloseTo(365.2425 * DAY, 6);
    expect(windowSeconds("quarter")).toBeCloseTo((365.2425 * DAY) / 4, 6);
    expect(windowSeconds("year", { month: { kind: "30d" }, year: "365d" })).toBe(365 * DAY);
    expect(windowSeconds("quarter", { month: { kind: "30d" }, year: "365d" })).toBe((365 * DAY) / 4);
    expect(windowSeconds("week")).toBe(7 * DAY);
    expect(windowSeconds("day")).toBe(DAY);
  });
});

describe("golden figures", () => {
  it("99 % a year (365.2425 days) allows 87 h 39 m", () => {
    const seconds = allowedDowntime(0.99, windowSeconds("year"));
    expect(seconds / 3600).toBeCloseTo(87.66, 2);
    expect(formatDuration(seconds)).toBe("87 h 39 m");
  });

  it("99.9 % of a 30-day month allows 43 m 12 s", () => {
    expect(formatDuration(allowedDowntime(0.999, windowSeconds("month", thirtyDayMonths)))).toBe("43 m 12 s");
  });

  it("99.99 % a year allows less than an hour", () => {
    const seconds = allowedDowntime(0.9999, windowSeconds("year"));
    expect(seconds).toBeLessThan(HOUR);
    expect(formatDuration(seconds)).toBe("52 m 35 s");
  });

  it("turns downtime back into availability", () => {
    expect(availabilityFromDowntime(43.2 * 60, 30 * DAY)).toBeCloseTo(0.999, 12);
    expect(availabilityFromDowntime(0, DAY)).toBe(1);
  });

  it("lists every window, shrunk alike for a service-time share", () => {
    const table = downtimeTable(0.999, thirtyDayMonths);
    expect(table.map((row) => row.window)).toEqual([...measurementWindows]);
    expect(table.find((row) => row.window === "month")?.allowedSeconds).toBeCloseTo(2592, 6);
    const half = downtimeTable(0.999, thirtyDayMonths, 0.5);
    half.forEach((row, i) => expect(row.allowedSeconds).toBeCloseTo((table[i]?.allowedSeconds ?? 0) / 2, 6));
  });
});

describe("spread between month conventions", () => {
  it("runs from February to a 31-day month", () => {
    const spread = spreadBetweenConventions(0.999);
    expect(spread.minSeconds).toBeCloseTo(0.001 * 28 * DAY, 6);
    expect(spread.maxSeconds).toBeCloseTo(0.001 * 31 * DAY, 6);
    expect(spread.spreadSeconds).toBeCloseTo(0.001 * 3 * DAY, 6);
    expect(spread.byConvention.map((entry) => entry.convention)).toEqual(["28d (February)", "30d", "730h", "30.44d", "31d"]);
    for (const entry of spread.byConvention) {
      expect(entry.allowedSeconds).toBeGreaterThanOrEqual(spread.minSeconds);
      expect(entry.allowedSeconds).toBeLessThanOrEqual(spread.maxSeconds);
    }
  });
});

describe("properties", () => {
  it("availability → downtime → availability round-trips within 1e-9", () => {
    fc.assert(
      fc.property(availability, fc.constantFrom(...measurementWindows), (a, window) => {
        const length = windowSeconds(window);
        expect(Math.abs(availabilityFromDowntime(allowedDowntime(a, length), length) - a)).toBeLessThan(1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it("more availability never allows more downtime", () => {
    fc.assert(
      fc.property(availability, availability, fc.constantFrom(...measurementWindows), (a, b, window) => {
        const [lower, higher] = a <= b ? [a, b] : [b, a];
        expect(allowedDowntime(higher, windowSeconds(window))).toBeLessThanOrEqual(allowedDowntime(lower, windowSeconds(window)));
      }),
      { numRuns: 200 },
    );
  });
});
