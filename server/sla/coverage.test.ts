import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WeeklyFrame } from "@/server/calendars/types";
import { analyseCoverage, type CoverageParams } from "./coverage";

const HOUR = 3600;
const YEAR = 365.2425 * 86_400;
const monFri8to18: WeeklyFrame[] = ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, startMinute: 480, endMinute: 1080 }));
const officeHoursOnly: CoverageParams = {
  support: monFri8to18,
  responseMinutes: 0,
  onCallResponseMinutes: null,
  detectMinutes: 0,
  repairMinutes: 0,
  failuresPerYear: 4,
  failoverMinutes: null,
};

describe("waiting for someone to start work", () => {
  it("averages 2314/168 h ≈ 13.8 h with support only Mon–Fri 08–18", () => {
    const result = analyseCoverage(officeHoursOnly);
    expect(result.expectedWaitSeconds / HOUR).toBeCloseTo(2314 / 168, 9);
    expect(result.expectedWaitSeconds / HOUR).toBeCloseTo(13.77, 2);
    expect(result.supportShare).toBeCloseTo(50 / 168, 12);
  });

  it("has nine in ten failures waiting at most 45.2 h there", () => {
    // 50 h in hours + 4 × 14 h of nights cover 106 of 168 h; the weekend's first 45.2 h make it 151.2 = 90 %.
    expect(analyseCoverage(officeHoursOnly).p90WaitSeconds / HOUR).toBeCloseTo(45.2, 6);
  });

  it("adds the response time for failures in hours", () => {
    const result = analyseCoverage({ ...officeHoursOnly, responseMinutes: 60 });
    expect(result.expectedWaitSeconds / HOUR).toBeCloseTo(2314 / 168 + 50 / 168, 9);
  });

  it("waits for the on-call engineer outside hours, or the morning if that comes first", () => {
    const onCall = analyseCoverage({ ...officeHoursOnly, onCallResponseMinutes: 30 });
    // Every gap is longer than 30 minutes: E[min(u, 0.5 h)] = 0.5 − 0.25 / (2g) per gap of g hours.
    const gaps = [14, 14, 14, 14, 62];
    const expected = gaps.reduce((sum, g) => sum + (g / 168) * (0.5 - 0.25 / (2 * g)), 0);
    expect(onCall.expectedWaitSeconds / HOUR).toBeCloseTo(expected, 9);
    expect(onCall.p90WaitSeconds).toBeCloseTo(30 * 60, 3);
  });

  it("is just the response time around the clock", () => {
    const result = analyseCoverage({ ...officeHoursOnly, support: "24x7", responseMinutes: 30 });
    expect(result.expectedWaitSeconds).toBeCloseTo(1800, 9);
    expect(result.p90WaitSeconds).toBeCloseTo(1800, 3);
  });

  it("refuses a model in which nobody ever comes", () => {
    expect(() => analyseCoverage({ ...officeHoursOnly, support: [] })).toThrow(RangeError);
  });
});

describe("restoring and achievable availability", () => {
  const premium: CoverageParams = { support: "24x7", responseMinutes: 30, onCallResponseMinutes: null, detectMinutes: 10, repairMinutes: 80, failuresPerYear: 4, failoverMinutes: null };

  it("restores after detect + wait + repair and loses that per failure", () => {
    const result = analyseCoverage(premium);
    expect(result.restoreSeconds).toBeCloseTo(2 * HOUR, 9);
    expect(result.outagePerFailureSeconds).toBeCloseTo(2 * HOUR, 9);
    expect(result.expectedDowntimePerYearSeconds).toBeCloseTo(8 * HOUR, 9);
    expect(result.achievableAvailability).toBeCloseTo(1 - (8 * HOUR) / YEAR, 12);
  });

  it("shows the failover time while the standby bridges until the repair", () => {
    const result = analyseCoverage({ ...premium, failoverMinutes: 5 });
    const unprotected = 2 * HOUR - 300;
    expect(result.unprotectedSecondsPerFailure).toBeCloseTo(unprotected, 9);
    expect(result.outagePerFailureSeconds).toBeCloseTo(300 + ((4 / YEAR) * unprotected ** 2) / 2, 9);
    // The rare second failure while unprotected adds about 3 s on average.
    expect(result.outagePerFailureSeconds).toBeLessThan(310);
  });

  it("ignores a failover slower than the repair", () => {
    const result = analyseCoverage({ ...premium, failoverMinutes: 180 });
    expect(result.outagePerFailureSeconds).toBeCloseTo(2 * HOUR, 9);
    expect(result.unprotectedSecondsPerFailure).toBe(0);
  });

  it("never achieves more with slower detection, response or repair, or more failures", () => {
    const minutes = fc.integer({ min: 0, max: 600 });
    fc.assert(
      fc.property(minutes, minutes, minutes, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 120 }), (detect, response, repair, failures, extra) => {
        const base = { ...premium, detectMinutes: detect, responseMinutes: response, repairMinutes: repair, failuresPerYear: failures, support: monFri8to18 };
        const achieved = analyseCoverage(base).achievableAvailability;
        for (const worse of [{ detectMinutes: detect + extra }, { responseMinutes: response + extra }, { repairMinutes: repair + extra }, { failuresPerYear: failures + 1 }]) {
          expect(analyseCoverage({ ...base, ...worse }).achievableAvailability).toBeLessThanOrEqual(achieved + 1e-15);
        }
      }),
      { numRuns: 200 },
    );
  });
});
