import type { Weekday, WeeklyFrame } from "@/server/calendars/types";
import type { Locale } from "./locale";
import { isAroundTheClock, weekIntervals } from "./weekly-frames";

const dayNames: Record<Locale, readonly string[]> = {
  en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
  de: ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"],
};

const words: Record<Locale, { aroundTheClock: string; and: string }> = {
  en: { aroundTheClock: "around the clock", and: "and" },
  de: { aroundTheClock: "rund um die Uhr", and: "und" },
};

/** Contracts and customers read the week from Monday. */
const mondayFirst: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/** 480 → "08", 450 → "07:30", 1440 → "24": whole hours the way opening hours are written. */
function clockTime(minute: number): string {
  const hours = String(Math.floor(minute / 60)).padStart(2, "0");
  return minute % 60 === 0 ? hours : `${hours}:${String(minute % 60).padStart(2, "0")}`;
}

/** One day's hours, e.g. "08–18" or "08–12/13–17"; "" for a day without any. */
function dayHours(frames: readonly WeeklyFrame[], weekday: Weekday): string {
  // Shifted to Sunday so weekIntervals merges within the day only.
  const sameDay = frames.filter((frame) => frame.weekday === weekday).map((frame) => ({ ...frame, weekday: 0 as const }));
  return weekIntervals(sameDay)
    .map((interval) => `${clockTime(interval.start)}–${clockTime(interval.end)}`)
    .join("/");
}

/**
 * Weekly hours as compactly as opening hours are written: "Mon–Fri 08–18", "Mo–Fr 07–20 und
 * Sa 09–13", or "around the clock" for 24×7. Consecutive days with the same hours share a range.
 */
export function formatWeeklyHours(frames: readonly WeeklyFrame[], locale: Locale): string {
  if (isAroundTheClock(frames)) return words[locale].aroundTheClock;
  const runs: { first: Weekday; last: Weekday; hours: string }[] = [];
  for (const weekday of mondayFirst) {
    const hours = dayHours(frames, weekday);
    if (hours === "") continue;
    const run = runs.at(-1);
    if (run && run.hours === hours && mondayFirst.indexOf(run.last) === mondayFirst.indexOf(weekday) - 1) run.last = weekday;
    else runs.push({ first: weekday, last: weekday, hours });
  }
  const names = dayNames[locale];
  return runs
    .map(({ first, last, hours }) => `${first === last ? names[first] : `${names[first]}–${names[last]}`} ${hours}`)
    .join(` ${words[locale].and} `);
}
