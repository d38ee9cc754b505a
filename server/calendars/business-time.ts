/**
 * Business-time arithmetic: SLA clocks and help-desk deadlines that only run during service hours.
 *
 * Everything is real elapsed time. Each local frame of each local date becomes one real interval
 * (see wallTimeToUtcMs), so a 00:00–24:00 frame lasts 23 hours on a spring-forward day and 25 on
 * a fall-back day. Calendars are expected to have passed businessCalendarSchema (frames in range,
 * end after start). Resolution is one millisecond, like Date's.
 */
import type { BusinessCalendar } from "./types";
import { DAY_MS, MINUTE_MS, wallTimeMs, wallTimeToUtcMs } from "./zoned-time";

/** A stretch of service time as real instants, [start, end) in epoch ms. */
type Interval = readonly [start: number, end: number];

/** Minute ranges per weekday, sorted, with overlapping and touching frames merged. */
type WeekPlan = ReadonlyArray<ReadonlyArray<readonly [number, number]>>;

function weekPlan(calendar: BusinessCalendar): WeekPlan {
  const plan = Array.from({ length: 7 }, () => [] as [number, number][]);
  const frames = [...calendar.frames].sort((x, y) => x.startMinute - y.startMinute);
  for (const { weekday, startMinute, endMinute } of frames) {
    const day = plan[weekday]!;
    const last = day.at(-1);
    if (last && startMinute <= last[1]) last[1] = Math.max(last[1], endMinute);
    else day.push([startMinute, endMinute]);
  }
  return plan;
}

function localDayNumber(utcMs: number, timeZone: string): number {
  return Math.floor(wallTimeMs(utcMs, timeZone) / DAY_MS);
}

function isoDate(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The service intervals of one local date, in order; none on holidays. */
function intervalsOn(dayNumber: number, plan: WeekPlan, calendar: BusinessCalendar): Interval[] {
  // includes() on the raw list beats building a Set per call: few days are visited per deadline.
  if (calendar.holidays.includes(isoDate(dayNumber))) return [];
  const midnight = dayNumber * DAY_MS;
  // 1970-01-01, day 0, was a Thursday (4).
  const weekday = (((dayNumber + 4) % 7) + 7) % 7;
  const intervals: Interval[] = [];
  for (const [startMinute, endMinute] of plan[weekday]!) {
    const start = wallTimeToUtcMs(midnight + startMinute * MINUTE_MS, calendar.timeZone);
    const end = wallTimeToUtcMs(midnight + endMinute * MINUTE_MS, calendar.timeZone);
    // A frame lying wholly in a spring-forward gap collapses to nothing.
    if (end > start) intervals.push([start, end]);
  }
  return intervals;
}

/** Service intervals clipped to [from, until), in order. */
function intervalsWithin(from: number, until: number, calendar: BusinessCalendar): Interval[] {
  const plan = weekPlan(calendar);
  const clipped: Interval[] = [];
  // Earlier local dates end by this date's midnight. One date past `until`'s covers clocks
  // turned back across midnight, where the next date's frames can start before `until`.
  const lastDay = localDayNumber(until, calendar.timeZone) + 1;
  for (let day = localDayNumber(from, calendar.timeZone); day <= lastDay; day++) {
    for (const [start, end] of intervalsOn(day, plan, calendar)) {
      if (end > from && start < until) clipped.push([Math.max(start, from), Math.min(end, until)]);
    }
  }
  return clipped;
}

/** Minutes of service time in a nominal week: no holidays, every day 24 hours long. */
export function weeklyBusinessMinutes(calendar: BusinessCalendar): number {
  return weekPlan(calendar)
    .flat()
    .reduce((sum, [start, end]) => sum + end - start, 0);
}

/** Whether `at` falls within service time. */
export function isBusinessTime(at: Date, calendar: BusinessCalendar): boolean {
  const t = at.getTime();
  // Interval bounds are whole milliseconds, so `at` is inside one exactly when its millisecond is.
  return intervalsWithin(t, t + 1, calendar).length > 0;
}

/**
 * The instant at which `minutes` (≥ 0, fractions allowed) of service time have elapsed after `start`.
 * The clock starts at the next opening if `start` is outside service time, so 0 minutes gives the
 * next business moment. A deadline that runs out exactly at closing time is the closing instant.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`Business minutes to add must be a finite number ≥ 0, got ${minutes}.`);
  }
  const plan = weekPlan(calendar);
  // Without this the search below would never end.
  if (plan.every((frames) => frames.length === 0)) throw new Error("This calendar has no service hours.");

  const from = start.getTime();
  let remaining = minutes * MINUTE_MS;
  // Ends: every week has service time and only finitely many dates are holidays.
  for (let day = localDayNumber(from, calendar.timeZone); ; day++) {
    for (const [intervalStart, end] of intervalsOn(day, plan, calendar)) {
      if (end <= from) continue;
      const begin = Math.max(intervalStart, from);
      if (remaining <= end - begin) return new Date(Math.round(begin + remaining));
      remaining -= end - begin;
    }
  }
}

/** `at` itself if it is within service time, else the next opening. */
export function nextBusinessMoment(at: Date, calendar: BusinessCalendar): Date {
  return addBusinessMinutes(at, 0, calendar);
}

/** Minutes of service time in [a, b); negative when b is before a. */
export function businessMinutesBetween(a: Date, b: Date, calendar: BusinessCalendar): number {
  // 0 - x rather than -x: an empty span reads 0, not -0.
  if (b < a) return 0 - businessMinutesBetween(b, a, calendar);
  const intervals = intervalsWithin(a.getTime(), b.getTime(), calendar);
  return intervals.reduce((sum, [start, end]) => sum + end - start, 0) / MINUTE_MS;
}
