import type { WeeklyFrame } from "@/server/calendars/types";
import { weeklyMinutes } from "./weekly-frames";
import { type YearConvention, yearSeconds } from "./windows";
import { SECONDS_PER_MINUTE, SECONDS_PER_WEEK } from "./time-units";

/**
 * Service-time SLAs count availability only within a service calendar (say Mon–Fri 08–18): the
 * allowed downtime per window is (1 − A) × the service time in that window, and an outage at night
 * does not count. Rather than walk a real calendar, the service time is taken as a share of all time
 * — nominal weeks scaled to the year, less the public holidays — and every window gets that share.
 * That makes a month's service time an average month's: good for quoting, not for settling one
 * particular month against its actual calendar.
 */

/**
 * What one public holiday takes away: the mean length of a day that has any service. Holidays are
 * assumed to fall on such days — give only the holidays that do (in Germany 9–10 a year on Mon–Fri).
 */
export function averageServiceDayMinutes(frames: readonly WeeklyFrame[]): number {
  const serviceDays = new Set(frames.filter((frame) => frame.endMinute > frame.startMinute).map((frame) => frame.weekday)).size;
  return serviceDays === 0 ? 0 : weeklyMinutes(frames) / serviceDays;
}

/** Service minutes in a year: nominal weeks, less `holidaysPerYear` average service days. */
export function annualServiceMinutes(frames: readonly WeeklyFrame[], holidaysPerYear: number, year: YearConvention): number {
  const nominal = weeklyMinutes(frames) * (yearSeconds(year) / SECONDS_PER_WEEK);
  return Math.max(nominal - holidaysPerYear * averageServiceDayMinutes(frames), 0);
}

/** The share (0–1) of all time that is service time: 1 for 24×7, about 0.29 for Mon–Fri 08–18. */
export function serviceShare(frames: readonly WeeklyFrame[], holidaysPerYear: number, year: YearConvention): number {
  return (annualServiceMinutes(frames, holidaysPerYear, year) * SECONDS_PER_MINUTE) / yearSeconds(year);
}
