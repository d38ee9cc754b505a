import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessMinutesBetween, isBusinessTime, nextBusinessMoment } from "./business-time";
import { businessCalendarSchema, calendar24x7 } from "./schema";
import type { Weekday } from "./types";
import { MINUTE_MS, wallTimeMs, wallTimeToUtcMs } from "./zoned-time";

const NUM_RUNS = 200;
const DAY = 86_400_000;
const EPSILON = 1e-6;

// Lord Howe shifts by half an hour; Kolkata has no DST at all.
const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"] as const;
type Zone = (typeof zones)[number];
const zone = fc.constantFrom(...zones);

/**
 * The 2026 DST changes of each zone: the real instant, and the local wall time (read as if UTC) at
 * which the clocks jump. Sampling near them makes the edge cases come up far more often than at random.
 */
const dstChanges: Record<Zone, { at: string; wall: string }[]> = {
  UTC: [],
  "Asia/Kolkata": [],
  "Europe/Berlin": [
    { at: "2026-03-29T01:00:00Z", wall: "2026-03-29T02:00:00Z" },
    { at: "2026-10-25T01:00:00Z", wall: "2026-10-25T03:00:00Z" },
  ],
  "America/New_York": [
    { at: "2026-03-08T07:00:00Z", wall: "2026-03-08T02:00:00Z" },
    { at: "2026-11-01T06:00:00Z", wall: "2026-11-01T02:00:00Z" },
  ],
  "Australia/Lord_Howe": [
    { at: "2026-04-04T15:00:00Z", wall: "2026-04-05T02:00:00Z" },
    { at: "2026-10-03T15:30:00Z", wall: "2026-10-04T02:00:00Z" },
  ],
};

const anyTime = fc.date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2028-12-31T23:59:59Z"), noInvalidDate: true }).map((date) => date.getTime());

/** Epoch ms: anywhere in 2025–2028, or within `spread` of one of the zone's DST changes. */
function timeIn(timeZone: Zone, kind: "at" | "wall", spread: number): fc.Arbitrary<number> {
  const changes = dstChanges[timeZone].map((change) => Date.parse(change[kind]));
  if (changes.length === 0) return anyTime;
  const nearChange = fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -spread, max: spread })).map(([t, shift]) => t + shift);
  return fc.oneof(anyTime, nearChange);
}

const instantIn = (timeZone: Zone) => timeIn(timeZone, "at", 2 * DAY).map((ms) => new Date(ms));

// Whole milliseconds of business time, so that results are exact at Date's resolution.
const minutes = fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 30 * 1440 * MINUTE_MS }).map((ms) => ms / MINUTE_MS));

/** Cut points within a day, paired up into frames that cannot overlap. */
const dayFrames = (weekday: Weekday) =>
  fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 4 }).map((cuts) => {
    const sorted = cuts.sort((x, y) => x - y);
    return Array.from({ length: Math.floor(sorted.length / 2) }, (_, i) => ({
      weekday,
      startMinute: sorted[2 * i]!,
      endMinute: sorted[2 * i + 1]!,
    }));
  });

const holidays = fc
  .uniqueArray(fc.integer({ min: Date.UTC(2025, 0, 1) / DAY, max: Date.UTC(2029, 1, 28) / DAY }), { maxLength: 40 })
  .map((days) => days.map((day) => new Date(day * DAY).toISOString().slice(0, 10)));

const calendar = fc
  .record({
    timeZone: zone,
    frames: fc.tuple(...([0, 1, 2, 3, 4, 5, 6] as const).map(dayFrames)).map((days) => days.flat()),
    holidays,
  })
  // Keeping the zone typed as one of ours lets instantIn() find its DST changes.
  .map((input) => ({ ...businessCalendarSchema.parse(input), timeZone: input.timeZone }));

const servedCalendar = calendar.filter((cal) => cal.frames.length > 0);

/** A calendar with an instant, sampled around that calendar's own DST changes. */
const calendarAndInstant = (calendars: typeof calendar) =>
  calendars.chain((cal) => fc.tuple(fc.constant(cal), instantIn(cal.timeZone)));

/** A calendar with three instants within 60 days of each other, so that between() stays cheap. */
const calendarAndSpan = calendarAndInstant(calendar).chain(([cal, a]) => {
  const near = fc.integer({ min: -60 * DAY, max: 60 * DAY }).map((shift) => new Date(a.getTime() + shift));
  return fc.tuple(fc.constant(cal), fc.constant(a), near, near);
});

describe("business time properties", () => {
  it("measures back exactly the minutes that were added", () => {
    fc.assert(
      fc.property(calendarAndInstant(servedCalendar), minutes, ([cal, start], m) => {
        const end = addBusinessMinutes(start, m, cal);
        expect(Math.abs(businessMinutesBetween(start, end, cal) - m)).toBeLessThan(EPSILON);
        expect(Math.abs(businessMinutesBetween(nextBusinessMoment(start, cal), end, cal) - m)).toBeLessThan(EPSILON);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("never moves a deadline earlier when more minutes are added", () => {
    fc.assert(
      fc.property(calendarAndInstant(servedCalendar), minutes, minutes, ([cal, start], m1, m2) => {
        const [less, more] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(addBusinessMinutes(start, less, cal).getTime()).toBeLessThanOrEqual(addBusinessMinutes(start, more, cal).getTime());
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("adds up over consecutive spans and flips sign when reversed", () => {
    fc.assert(
      fc.property(calendarAndSpan, ([cal, a, b, c]) => {
        const ab = businessMinutesBetween(a, b, cal);
        expect(Math.abs(ab + businessMinutesBetween(b, c, cal) - businessMinutesBetween(a, c, cal))).toBeLessThan(EPSILON);
        expect(businessMinutesBetween(b, a, cal)).toBe(0 - ab);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("never counts more than the real time that passed", () => {
    fc.assert(
      fc.property(calendarAndSpan, ([cal, a, b]) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const business = businessMinutesBetween(from, to, cal);
        expect(business).toBeGreaterThanOrEqual(0);
        expect(business).toBeLessThanOrEqual((to.getTime() - from.getTime()) / MINUTE_MS);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("equals real time in a 24×7 calendar", () => {
    const roundTheClock = calendarAndSpan.map(([cal, a, b]) => [calendar24x7(cal.timeZone), a, b] as const);
    fc.assert(
      fc.property(roundTheClock, minutes, ([cal, a, b], m) => {
        expect(businessMinutesBetween(a, b, cal)).toBe((b.getTime() - a.getTime()) / MINUTE_MS);
        expect(addBusinessMinutes(a, m, cal).getTime()).toBe(Math.round(a.getTime() + m * MINUTE_MS));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("finds the next business moment inside service time with nothing in between", () => {
    fc.assert(
      fc.property(calendarAndInstant(servedCalendar), ([cal, at]) => {
        const next = nextBusinessMoment(at, cal);
        expect(isBusinessTime(next, cal)).toBe(true);
        expect(isBusinessTime(at, cal)).toBe(next.getTime() === at.getTime());
        expect(businessMinutesBetween(at, next, cal)).toBe(0);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe("wall-clock conversion properties", () => {
  it("maps every instant's wall time back to that instant or an earlier reading of it", () => {
    const instants = zone.chain((timeZone) => fc.tuple(fc.constant(timeZone), timeIn(timeZone, "at", 3 * 3_600_000)));
    fc.assert(
      fc.property(instants, ([timeZone, at]) => {
        const wall = wallTimeMs(at, timeZone);
        const back = wallTimeToUtcMs(wall, timeZone);
        expect(back).toBeLessThanOrEqual(at);
        expect(wallTimeMs(back, timeZone)).toBe(wall);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  const wallTimes = zone.chain((timeZone) => fc.tuple(fc.constant(timeZone), timeIn(timeZone, "wall", 90 * MINUTE_MS)));

  it("maps a wall time to the first instant at which the clock shows it or has jumped past it", () => {
    fc.assert(
      fc.property(wallTimes, ([timeZone, wall]) => {
        const at = wallTimeToUtcMs(wall, timeZone);
        expect(wallTimeMs(at, timeZone)).toBeGreaterThanOrEqual(wall);
        expect(wallTimeMs(at - 1, timeZone)).toBeLessThan(wall);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("never maps a later wall time to an earlier instant", () => {
    fc.assert(
      fc.property(wallTimes, fc.integer({ min: 0, max: 60 * MINUTE_MS }), ([timeZone, wall], step) => {
        expect(wallTimeToUtcMs(wall, timeZone)).toBeLessThanOrEqual(wallTimeToUtcMs(wall + step, timeZone));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
