import type { BusinessCalendar, Weekday, WeeklyFrame } from "@/server/calendars/types";

/** Monday first, as people read a week; the values are JavaScript's weekday numbers. */
export const weekRows: { weekday: Weekday; label: string }[] = [
  { weekday: 1, label: "Monday" },
  { weekday: 2, label: "Tuesday" },
  { weekday: 3, label: "Wednesday" },
  { weekday: 4, label: "Thursday" },
  { weekday: 5, label: "Friday" },
  { weekday: 6, label: "Saturday" },
  { weekday: 0, label: "Sunday" },
];

/** "08:00" → 480; "24:00" is midnight at the end of the day. Null when it is not a time. */
export function minuteOfDay(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

export const clockText = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

export type DayRow = { open: boolean; from: string; to: string };

/** The form shows one stretch per day; a day with several frames shows its first start to last end. */
export function dayRowsOf(frames: readonly WeeklyFrame[]): Record<Weekday, DayRow> {
  const rows = {} as Record<Weekday, DayRow>;
  for (const { weekday } of weekRows) {
    const day = frames.filter((f) => f.weekday === weekday);
    rows[weekday] = day.length
      ? { open: true, from: clockText(Math.min(...day.map((f) => f.startMinute))), to: clockText(Math.max(...day.map((f) => f.endMinute))) }
      : { open: false, from: "08:00", to: "18:00" };
  }
  return rows;
}

/**
 * The form's values as a calendar for the API, or the first thing wrong with them in words. The
 * server validates again; this only saves a round trip for the obvious mistakes.
 */
export function calendarFromForm(rows: Record<Weekday, DayRow>, timeZone: string, holidayText: string): { calendar: BusinessCalendar } | { problem: string } {
  const frames: WeeklyFrame[] = [];
  for (const { weekday, label } of weekRows) {
    const row = rows[weekday];
    if (!row.open) continue;
    const [start, end] = [minuteOfDay(row.from), minuteOfDay(row.to)];
    if (start === null || end === null) return { problem: `${label}: use times like 08:00 and 18:00.` };
    if (end <= start) return { problem: `${label}: the hours must end after they start.` };
    frames.push({ weekday, startMinute: start, endMinute: end });
  }
  const holidays = holidayText
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);
  return { calendar: { timeZone: timeZone.trim(), frames, holidays } };
}
