import { describe, expect, it } from "vitest";
import type { WeeklyFrame } from "@/server/calendars/types";
import { AROUND_THE_CLOCK, framesOf, isAroundTheClock, outOfHoursGaps, weekIntervals, weeklyMinutes } from "./weekly-frames";

const monFri8to18: WeeklyFrame[] = ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, startMinute: 480, endMinute: 1080 }));

describe("weekly frames", () => {
  it("counts overlapping and touching frames once", () => {
    const frames: WeeklyFrame[] = [
      { weekday: 1, startMinute: 480, endMinute: 720 },
      { weekday: 1, startMinute: 600, endMinute: 1080 },
      { weekday: 1, startMinute: 1080, endMinute: 1440 },
      { weekday: 2, startMinute: 0, endMinute: 60 },
    ];
    expect(weekIntervals(frames)).toEqual([{ start: 1440 + 480, end: 2 * 1440 + 60 }]);
    expect(weeklyMinutes(frames)).toBe(960 + 60);
  });

  it("finds the out-of-hours gaps, the weekend as one", () => {
    expect(outOfHoursGaps(monFri8to18).sort((a, b) => a - b)).toEqual([840, 840, 840, 840, 62 * 60]);
    expect(outOfHoursGaps(AROUND_THE_CLOCK)).toEqual([]);
    expect(outOfHoursGaps([])).toEqual([7 * 1440]);
  });

  it("recognises 24×7 however it is written", () => {
    expect(framesOf("24x7")).toBe(AROUND_THE_CLOCK);
    expect(isAroundTheClock(AROUND_THE_CLOCK)).toBe(true);
    expect(isAroundTheClock([...AROUND_THE_CLOCK, { weekday: 3, startMinute: 0, endMinute: 600 }])).toBe(true);
    expect(isAroundTheClock(monFri8to18)).toBe(false);
  });
});
