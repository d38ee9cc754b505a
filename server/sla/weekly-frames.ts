import type { Weekday, WeeklyFrame } from "@/server/calendars/types";

const MINUTES_PER_DAY = 1_440;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** Staffed or counted hours as people enter them: round the clock, or weekly frames. */
export type WeeklyHours = "24x7" | readonly WeeklyFrame[];

/** 24×7 as frames: every weekday from midnight to midnight. */
export const AROUND_THE_CLOCK: readonly WeeklyFrame[] = ([0, 1, 2, 3, 4, 5, 6] as const).map((weekday: Weekday) => ({
  weekday,
  startMinute: 0,
  endMinute: MINUTES_PER_DAY,
}));

export function framesOf(hours: WeeklyHours): readonly WeeklyFrame[] {
  return hours === "24x7" ? AROUND_THE_CLOCK : hours;
}

/** A stretch of the week in minutes after Sunday 00:00, end exclusive. */
export type WeekInterval = { start: number; end: number };

/**
 * The frames as sorted, non-overlapping stretches of the week. Overlapping and touching frames are
 * merged (Mon 08–12 and Mon 12–18 is one stretch; so is Mon 18–24 and Tue 00–06), so that no minute
 * is counted twice and a gap of zero length never appears.
 */
export function weekIntervals(frames: readonly WeeklyFrame[]): WeekInterval[] {
  const sorted = frames
    .map((frame) => ({ start: frame.weekday * MINUTES_PER_DAY + frame.startMinute, end: frame.weekday * MINUTES_PER_DAY + frame.endMinute }))
    .filter((interval) => interval.end > interval.start)
    .sort((a, b) => a.start - b.start);
  const merged: WeekInterval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** Minutes per week the frames cover, overlaps counted once. */
export function weeklyMinutes(frames: readonly WeeklyFrame[]): number {
  return weekIntervals(frames).reduce((sum, interval) => sum + interval.end - interval.start, 0);
}

export function isAroundTheClock(frames: readonly WeeklyFrame[]): boolean {
  return weeklyMinutes(frames) === MINUTES_PER_WEEK;
}

/**
 * The lengths in minutes of the uncovered stretches of the week, the one that runs over the week's
 * end (Fri 18:00 → Mon 08:00) as a single gap. Empty for 24×7; one whole-week gap without frames.
 */
export function outOfHoursGaps(frames: readonly WeeklyFrame[]): number[] {
  const intervals = weekIntervals(frames);
  const first = intervals[0];
  const last = intervals.at(-1);
  if (!first || !last) return [MINUTES_PER_WEEK];
  const gaps = intervals.slice(1).map((interval, i) => interval.start - (intervals[i] as WeekInterval).end);
  gaps.push(MINUTES_PER_WEEK - last.end + first.start);
  return gaps.filter((gap) => gap > 0);
}
