import { CronExpressionParser } from "cron-parser";

/** The expanded values of a five-field schedule, as cron matches them. */
export type CronFields = {
  minute: number[];
  hour: number[];
  dayOfMonth: number[];
  month: number[];
  /** 0 = Sunday … 6 = Saturday (7 folded into 0). */
  dayOfWeek: number[];
  dayOfMonthIsWildcard: boolean;
  dayOfWeekIsWildcard: boolean;
  monthIsWildcard: boolean;
};

export type ParsedSchedule = { ok: true; schedule: string; fields: CronFields } | { ok: false; message: string };

const macros: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};
const fieldNames = ["minute", "hour", "day of month", "month", "day of week"] as const;
/** What Debian's cron reads: numbers, `*`, ranges, lists and steps; names only alone (`mon`, `jan`). */
const numericField = /^[0-9*,/-]+$/;
const namedField = /^[A-Za-z]{3}$/;

/**
 * Parses a five-field schedule the way the host's cron reads it. cron-parser accepts more than cron
 * does (seconds, `L`, `W`, `#`, `?`, `H`, name ranges), so the fields are first held to cron's own
 * syntax; cron-parser then expands and range-checks them.
 */
export function parseSchedule(input: string): ParsedSchedule {
  const schedule = input.trim().split(/\s+/).join(" ");
  if (schedule === "@reboot") {
    return { ok: false, message: "@reboot is not allowed: jobs run on a schedule, and services that must start with the VM belong in a supervisor program" };
  }
  if (schedule.startsWith("@")) {
    const same = macros[schedule.toLowerCase()];
    return { ok: false, message: same ? `write ${schedule} as five fields: "${same}"` : `"${schedule}" is not a schedule; write five fields such as "15 3 * * *"` };
  }
  const parts = schedule === "" ? [] : schedule.split(" ");
  if (parts.length !== 5) {
    return { ok: false, message: `a schedule has five fields (minute hour day-of-month month day-of-week), this one has ${parts.length}` };
  }
  for (const [i, part] of parts.entries()) {
    const namesAllowed = i >= 3;
    if (!numericField.test(part) && !(namesAllowed && namedField.test(part))) {
      return { ok: false, message: `the ${fieldNames[i]} field "${part}" uses syntax cron does not read; use numbers, *, ranges (1-5), lists (1,15) and steps (*/15)` };
    }
  }
  try {
    const fields = CronExpressionParser.parse(`0 ${schedule}`).fields;
    return {
      ok: true,
      schedule,
      fields: {
        minute: fields.minute.values.map(Number),
        hour: fields.hour.values.map(Number),
        dayOfMonth: fields.dayOfMonth.values.map(Number),
        month: fields.month.values.map(Number),
        dayOfWeek: [...new Set(fields.dayOfWeek.values.map((d) => Number(d) % 7))].sort((a, b) => a - b),
        dayOfMonthIsWildcard: fields.dayOfMonth.isWildcard,
        dayOfWeekIsWildcard: fields.dayOfWeek.isWildcard,
        monthIsWildcard: fields.month.isWildcard,
      },
    };
  } catch (err) {
    return { ok: false, message: `"${schedule}" is not a valid schedule: ${(err as Error).message}` };
  }
}

/**
 * The shortest time between two runs, in minutes. Within a day it is the smallest gap between run
 * times; across midnight it is assumed the next day runs too (the worst case), so `59 23 * * *`
 * combined with `0 0` counts as one minute apart, as it really is on most days.
 */
export function shortestIntervalMinutes(fields: CronFields): number {
  const times = fields.hour.flatMap((h) => fields.minute.map((m) => h * 60 + m)).sort((a, b) => a - b);
  let shortest = times[0]! + 24 * 60 - times[times.length - 1]!;
  for (let i = 1; i < times.length; i++) shortest = Math.min(shortest, times[i]! - times[i - 1]!);
  return shortest;
}

const dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const pad = (n: number) => String(n).padStart(2, "0");
const listWords = (words: string[]) => (words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`);
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;

function everyStep(values: number[], size: number): number | null {
  if (values.length < 2 || values[0] !== 0) return null;
  const step = values[1]! - values[0]!;
  if (size % step !== 0 || values.length !== size / step) return null;
  return values.every((v, i) => v === i * step) ? step : null;
}

function dayWords(f: CronFields): string {
  const dow = f.dayOfWeek;
  const byWeekday = () =>
    dow.join(",") === "1,2,3,4,5" ? "on weekdays" : dow.join(",") === "0,6" ? "on weekends" : `on ${listWords(dow.map((d) => `${dayNames[d]}s`))}`;
  const byDate = () => `on the ${listWords(f.dayOfMonth.map(ordinal))} of the month`;
  if (f.dayOfMonthIsWildcard && f.dayOfWeekIsWildcard) return "";
  if (f.dayOfMonthIsWildcard) return byWeekday();
  if (f.dayOfWeekIsWildcard) return byDate();
  // Both restricted: cron runs when either matches.
  return `${byDate()} and ${byWeekday()}`;
}

/** The schedule in words: "every day at 03:15", "every 15 minutes", "at 02:30 on Mondays"; a generic line otherwise. */
export function explainSchedule(parsed: Extract<ParsedSchedule, { ok: true }>): string {
  const f = parsed.fields;
  const days = dayWords(f);
  const months = f.monthIsWildcard ? "" : ` in ${listWords(f.month.map((m) => monthNames[m - 1]!))}`;
  const allHours = f.hour.length === 24;
  const step = everyStep(f.minute, 60);
  let words: string | null = null;
  if (allHours && (f.minute.length === 60 || step !== null)) {
    const every = f.minute.length === 60 ? "every minute" : `every ${step} minutes`;
    words = days === "" ? every : `${every} ${days}`;
  } else if (allHours && f.minute.length === 1) {
    const every = f.minute[0] === 0 ? "every hour, on the hour" : `every hour at ${f.minute[0]} minutes past`;
    words = days === "" ? every : `${every}, ${days}`;
  } else if (f.hour.length * f.minute.length <= 6) {
    const times = listWords(f.hour.flatMap((h) => f.minute.map((m) => `${pad(h)}:${pad(m)}`)));
    words = days === "" ? `every day at ${times}` : `at ${times} ${days}`;
  }
  if (words === null) return `on the cron schedule "${parsed.schedule}"`;
  return `${words}${months}`;
}
