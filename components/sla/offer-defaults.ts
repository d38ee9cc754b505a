import type { WeeklyFrame } from "@/server/calendars/types";
import { AROUND_THE_CLOCK, framesOf, weekIntervals, type WeeklyHours } from "@/server/sla/weekly-frames";

/** The first day of the month after `today` as YYYY-MM-DD: when a new contract usually starts. */
export function firstOfNextMonth(today: Date): string {
  const year = today.getMonth() === 11 ? today.getFullYear() + 1 : today.getFullYear();
  const month = ((today.getMonth() + 1) % 12) + 1;
  return `${year}-${String(month).padStart(2, "0")}-01`;
}

const sameWeek = (a: readonly WeeklyFrame[], b: readonly WeeklyFrame[]) => JSON.stringify(weekIntervals(a)) === JSON.stringify(weekIntervals(b));

/**
 * The stored calendar whose weekly hours are the tier's support hours, so the proposal starts with
 * the calendar that says what the tier promises; null when none matches (the AM picks one).
 */
export function calendarMatching(support: WeeklyHours, calendars: readonly { id: string; frames: readonly WeeklyFrame[] }[]): string | null {
  const wanted = support === "24x7" ? AROUND_THE_CLOCK : framesOf(support);
  return calendars.find((calendar) => sameWeek(calendar.frames, wanted))?.id ?? null;
}
