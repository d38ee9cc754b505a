import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isBusinessTime,
  nextBusinessMoment,
  weeklyBusinessMinutes,
} from "./business-time";
import { businessCalendarSchema, calendar24x7, weekdayHours } from "./schema";
import type { BusinessCalendar, WeeklyFrame } from "./types";
import { zonedWallTimeToUtc } from "./zoned-time";

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

const berlinOffice = weekdayHours("Europe/Berlin", 8, 18);
const berlinSundays = (frame: Omit<WeeklyFrame, "weekday">): BusinessCalendar => ({
  timeZone: "Europe/Berlin",
  frames: [{ weekday: 0, ...frame }],
  holidays: [],
});
const closed: BusinessCalendar = { timeZone: "Europe/Berlin", frames: [], holidays: [] };

describe("zonedWallTimeToUtc", () => {
  it("applies the offset in force on that date", () => {
    expect(iso(zonedWallTimeToUtc("2026-01-15", 8 * 60, "Europe/Berlin"))).toBe("2026-01-15T07:00:00.000Z");
    expect(iso(zonedWallTimeToUtc("2026-07-15", 8 * 60, "Europe/Berlin"))).toBe("2026-07-15T06:00:00.000Z");
    expect(iso(zonedWallTimeToUtc("2026-07-15", 8 * 60, "Asia/Kolkata"))).toBe("2026-07-15T02:30:00.000Z");
  });

  it("moves a wall time skipped by spring-forward to the moment the clocks jump", () => {
    expect(iso(zonedWallTimeToUtc("2026-03-29", 150, "Europe/Berlin"))).toBe("2026-03-29T01:00:00.000Z");
    expect(iso(zonedWallTimeToUtc("2026-03-08", 150, "America/New_York"))).toBe("2026-03-08T07:00:00.000Z");
    // Lord Howe moves its clocks by half an hour: 02:00 → 02:30.
    expect(iso(zonedWallTimeToUtc("2026-10-04", 135, "Australia/Lord_Howe"))).toBe("2026-10-03T15:30:00.000Z");
  });

  it("takes the earlier of two readings repeated by fall-back", () => {
    expect(iso(zonedWallTimeToUtc("2026-10-25", 150, "Europe/Berlin"))).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(zonedWallTimeToUtc("2026-11-01", 90, "America/New_York"))).toBe("2026-11-01T05:30:00.000Z");
    expect(iso(zonedWallTimeToUtc("2026-04-05", 105, "Australia/Lord_Howe"))).toBe("2026-04-04T14:45:00.000Z");
  });

  it("reads minute 1440 as the next midnight", () => {
    expect(iso(zonedWallTimeToUtc("2026-03-29", 1440, "Europe/Berlin"))).toBe("2026-03-29T22:00:00.000Z");
  });

  it("rejects a malformed date", () => {
    expect(() => zonedWallTimeToUtc("2026-02-30", 0, "UTC")).toThrow(RangeError);
  });
});

describe("addBusinessMinutes", () => {
  it("carries a deadline over the weekend", () => {
    // Friday 17:30 + 60 min → Monday 08:30 (Berlin, CET).
    expect(iso(addBusinessMinutes(at("2026-01-16T17:30:00+01:00"), 60, berlinOffice))).toBe(iso(at("2026-01-19T08:30:00+01:00")));
  });

  it("starts the clock at the next opening when started outside service hours", () => {
    expect(iso(addBusinessMinutes(at("2026-01-17T10:00:00+01:00"), 90, berlinOffice))).toBe(iso(at("2026-01-19T09:30:00+01:00")));
    expect(iso(addBusinessMinutes(at("2026-01-19T06:00:00+01:00"), 0, berlinOffice))).toBe(iso(at("2026-01-19T08:00:00+01:00")));
  });

  it("returns the start itself for zero minutes inside service hours", () => {
    const start = at("2026-01-19T11:11:11.111+01:00");
    expect(iso(addBusinessMinutes(start, 0, berlinOffice))).toBe(iso(start));
  });

  it("ends a deadline that runs out at closing time at closing time, not at the next opening", () => {
    expect(iso(addBusinessMinutes(at("2026-01-16T17:00:00+01:00"), 60, berlinOffice))).toBe(iso(at("2026-01-16T18:00:00+01:00")));
  });

  it("skips holidays", () => {
    const christmas = weekdayHours("Europe/Berlin", 8, 18, [1, 2, 3, 4, 5], ["2026-12-25"]);
    const start = at("2026-12-24T17:00:00+01:00");
    expect(iso(addBusinessMinutes(start, 120, berlinOffice))).toBe(iso(at("2026-12-25T09:00:00+01:00")));
    expect(iso(addBusinessMinutes(start, 120, christmas))).toBe(iso(at("2026-12-28T09:00:00+01:00")));
  });

  it("counts fractions of a minute", () => {
    expect(iso(addBusinessMinutes(at("2026-01-19T08:00:00+01:00"), 0.5, berlinOffice))).toBe(iso(at("2026-01-19T08:00:30+01:00")));
  });

  it("runs on real time across DST changes in a 24×7 calendar", () => {
    const berlin = calendar24x7("Europe/Berlin");
    // The spring-forward day has 23 hours, so a day of minutes ends at 01:00 the next day.
    expect(iso(addBusinessMinutes(at("2026-03-29T00:00:00+01:00"), 24 * 60, berlin))).toBe(iso(at("2026-03-30T01:00:00+02:00")));
    // The fall-back day has 25 hours, so it ends at 23:00 the same day.
    expect(iso(addBusinessMinutes(at("2026-10-25T00:00:00+02:00"), 24 * 60, berlin))).toBe(iso(at("2026-10-25T23:00:00+01:00")));
  });

  it("counts a frame that spans the spring-forward jump in real time", () => {
    // 01:00–04:00 local on 2026-03-29 is 00:00Z–02:00Z: two real hours.
    const frame = berlinSundays({ startMinute: 60, endMinute: 240 });
    expect(iso(addBusinessMinutes(at("2026-03-29T00:00:00Z"), 90, frame))).toBe("2026-03-29T01:30:00.000Z");
    expect(iso(addBusinessMinutes(at("2026-03-29T00:00:00Z"), 150, frame))).toBe(iso(at("2026-04-05T01:30:00+02:00")));
  });

  it("rejects negative and non-finite minutes", () => {
    expect(() => addBusinessMinutes(at("2026-01-19T08:00:00Z"), -1, berlinOffice)).toThrow(RangeError);
    expect(() => addBusinessMinutes(at("2026-01-19T08:00:00Z"), Number.NaN, berlinOffice)).toThrow(RangeError);
  });

  it("refuses a calendar whose clock can never run", () => {
    expect(() => addBusinessMinutes(at("2026-01-19T08:00:00Z"), 5, closed)).toThrow("This calendar has no service hours.");
    expect(() => nextBusinessMoment(at("2026-01-19T08:00:00Z"), closed)).toThrow("This calendar has no service hours.");
  });
});

describe("businessMinutesBetween", () => {
  const allSunday = berlinSundays({ startMinute: 0, endMinute: 1440 });

  it("gives a whole-day frame 23 real hours on spring-forward day and 25 on fall-back day", () => {
    expect(businessMinutesBetween(at("2026-03-28T12:00:00Z"), at("2026-03-30T12:00:00Z"), allSunday)).toBe(1380);
    expect(businessMinutesBetween(at("2026-10-24T12:00:00Z"), at("2026-10-26T12:00:00Z"), allSunday)).toBe(1500);
    expect(businessMinutesBetween(at("2026-03-15T00:00:00+01:00"), at("2026-03-16T00:00:00+01:00"), allSunday)).toBe(1440);
  });

  it("counts both readings of the repeated hour inside a fall-back frame", () => {
    // 01:00 CEST (23:00Z) to 04:00 CET (03:00Z): four real hours.
    expect(businessMinutesBetween(at("2026-10-24T12:00:00Z"), at("2026-10-25T12:00:00Z"), berlinSundays({ startMinute: 60, endMinute: 240 }))).toBe(240);
  });

  it("loses the skipped hour inside a spring-forward frame", () => {
    // 02:00 does not exist on 2026-03-29; the frame opens at 03:00 CEST (01:00Z) and closes at 04:00 CEST.
    expect(businessMinutesBetween(at("2026-03-28T12:00:00Z"), at("2026-03-29T12:00:00Z"), berlinSundays({ startMinute: 120, endMinute: 240 }))).toBe(60);
  });

  it("sums a working week and leaves out holidays", () => {
    const week = [at("2026-12-21T00:00:00+01:00"), at("2026-12-28T00:00:00+01:00")] as const;
    expect(businessMinutesBetween(...week, berlinOffice)).toBe(5 * 600);
    expect(businessMinutesBetween(...week, { ...berlinOffice, holidays: ["2026-12-25"] })).toBe(4 * 600);
  });

  it("clips partial frames and is negative when the end comes first", () => {
    const [a, b] = [at("2026-01-16T17:30:00+01:00"), at("2026-01-19T08:15:00+01:00")];
    expect(businessMinutesBetween(a, b, berlinOffice)).toBe(45);
    expect(businessMinutesBetween(b, a, berlinOffice)).toBe(-45);
  });

  it("is zero for a calendar without service hours", () => {
    expect(businessMinutesBetween(at("2026-01-01T00:00:00Z"), at("2026-02-01T00:00:00Z"), closed)).toBe(0);
  });
});

describe("isBusinessTime and nextBusinessMoment", () => {
  it("treats frames as half-open", () => {
    expect(isBusinessTime(at("2026-01-19T08:00:00+01:00"), berlinOffice)).toBe(true);
    expect(isBusinessTime(at("2026-01-19T07:59:59.999+01:00"), berlinOffice)).toBe(false);
    expect(isBusinessTime(at("2026-01-19T17:59:59.999+01:00"), berlinOffice)).toBe(true);
    expect(isBusinessTime(at("2026-01-19T18:00:00+01:00"), berlinOffice)).toBe(false);
    expect(isBusinessTime(at("2026-01-19T12:00:00Z"), closed)).toBe(false);
  });

  it("finds the next opening after closing, weekends and holidays", () => {
    expect(iso(nextBusinessMoment(at("2026-01-16T18:00:00+01:00"), berlinOffice))).toBe(iso(at("2026-01-19T08:00:00+01:00")));
    const newYear = { ...berlinOffice, holidays: ["2026-01-01", "2026-01-02"] };
    expect(iso(nextBusinessMoment(at("2025-12-31T18:30:00+01:00"), newYear))).toBe(iso(at("2026-01-05T08:00:00+01:00")));
    const inside = at("2026-01-19T09:00:00+01:00");
    expect(iso(nextBusinessMoment(inside, berlinOffice))).toBe(iso(inside));
  });
});

describe("weeklyBusinessMinutes", () => {
  it("sums the nominal week, merging frames that touch", () => {
    expect(weeklyBusinessMinutes(berlinOffice)).toBe(3000);
    expect(weeklyBusinessMinutes(calendar24x7())).toBe(7 * 1440);
    expect(weeklyBusinessMinutes(closed)).toBe(0);
    const split = businessCalendarSchema.parse({
      timeZone: "UTC",
      frames: [
        { weekday: 1, startMinute: 720, endMinute: 1080 },
        { weekday: 1, startMinute: 480, endMinute: 720 },
      ],
      holidays: [],
    });
    expect(weeklyBusinessMinutes(split)).toBe(600);
  });
});

describe("businessCalendarSchema", () => {
  const messages = (input: unknown) => businessCalendarSchema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];
  const monday = (startMinute: number, endMinute: number) => ({ weekday: 1, startMinute, endMinute });

  it("accepts a valid calendar and tidies its holidays", () => {
    const parsed = businessCalendarSchema.parse({
      timeZone: "America/New_York",
      frames: [monday(480, 720), monday(720, 1440)],
      holidays: ["2026-12-25", "2026-01-01", "2026-12-25"],
    });
    expect(parsed.holidays).toEqual(["2026-01-01", "2026-12-25"]);
  });

  it("explains what is wrong", () => {
    expect(messages({ timeZone: "Mars/Olympus", frames: [], holidays: [] })).toEqual([
      "“Mars/Olympus” is not a known time zone; use an IANA name such as Europe/Berlin.",
    ]);
    expect(messages({ timeZone: "UTC", frames: [monday(480, 720), monday(600, 900)], holidays: [] })).toEqual([
      "Service hours on Monday overlap: 08:00–12:00 and 10:00–15:00.",
    ]);
    expect(messages({ timeZone: "UTC", frames: [monday(600, 600)], holidays: [] })).toEqual(["Service hours must end after they start."]);
    expect(messages({ timeZone: "UTC", frames: [monday(600, 1500)], holidays: [] })).toEqual(["Service hours end at 24:00 at the latest."]);
    expect(messages({ timeZone: "UTC", frames: [{ weekday: 7, startMinute: 0, endMinute: 60 }], holidays: [] })).toEqual([
      "Weekday must be 0 (Sunday) to 6 (Saturday).",
    ]);
    expect(messages({ timeZone: "UTC", frames: [], holidays: ["2026-02-30", "25.12.2026"] })).toEqual([
      "“2026-02-30” is not a valid date; use YYYY-MM-DD, e.g. 2026-12-25.",
      "“25.12.2026” is not a valid date; use YYYY-MM-DD, e.g. 2026-12-25.",
    ]);
    expect(messages({ timeZone: "", frames: [], holidays: [] })).toEqual(["Choose a time zone."]);
    expect(messages({ timeZone: "UTC", frames: Array.from({ length: 101 }, () => monday(0, 1)), holidays: [] })).toEqual([
      "Use at most 100 frames of service hours.",
    ]);
  });

  it("validates what the helpers build", () => {
    expect(weekdayHours("Europe/Berlin", 8, 18).frames).toHaveLength(5);
    expect(() => weekdayHours("Europe/Berlin", 18, 8)).toThrow("Service hours must end after they start.");
    expect(() => calendar24x7("Nowhere/Special")).toThrow("is not a known time zone");
  });
});
