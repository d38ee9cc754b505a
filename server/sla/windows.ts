import { SECONDS_PER_DAY, SECONDS_PER_HOUR, SECONDS_PER_WEEK } from "./time-units";

/**
 * Availability ↔ allowed downtime. "99.9 %" means nothing until it is said over which window the
 * downtime is counted and how long a month is, so both are explicit inputs here.
 */

export const measurementWindows = ["day", "week", "month", "quarter", "year"] as const;
export type MeasurementWindow = (typeof measurementWindows)[number];

/**
 * How long "a month" is. `calendar` is one real month (28–31 days); `30.44d` is the mean Gregorian
 * month, 365.2425 / 12 = 30.436875 days; `730h` is the common contract shortcut (8,760 h / 12).
 */
export const fixedMonthConventions = ["30d", "30.44d", "730h"] as const;
export type MonthConvention = { kind: "calendar"; year: number; month: number } | { kind: (typeof fixedMonthConventions)[number] };

/** The mean Gregorian year (365.2425 days) or the plain 365-day year some contracts use. */
export const yearConventions = ["365.2425d", "365d"] as const;
export type YearConvention = (typeof yearConventions)[number];

export type Conventions = { month: MonthConvention; year: YearConvention };

export const DEFAULT_CONVENTIONS: Conventions = { month: { kind: "30.44d" }, year: "365.2425d" };

const GREGORIAN_YEAR_DAYS = 365.2425;

/** Days in `month` (1–12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthSeconds(convention: MonthConvention): number {
  switch (convention.kind) {
    case "calendar":
      return daysInMonth(convention.year, convention.month) * SECONDS_PER_DAY;
    case "30d":
      return 30 * SECONDS_PER_DAY;
    case "30.44d":
      return (GREGORIAN_YEAR_DAYS / 12) * SECONDS_PER_DAY;
    case "730h":
      return 730 * SECONDS_PER_HOUR;
  }
}

export function yearSeconds(convention: YearConvention): number {
  return (convention === "365d" ? 365 : GREGORIAN_YEAR_DAYS) * SECONDS_PER_DAY;
}

/** The length of a measurement window. A quarter is a quarter of the year, whatever the month convention. */
export function windowSeconds(window: MeasurementWindow, conventions: Conventions = DEFAULT_CONVENTIONS): number {
  switch (window) {
    case "day":
      return SECONDS_PER_DAY;
    case "week":
      return SECONDS_PER_WEEK;
    case "month":
      return monthSeconds(conventions.month);
    case "quarter":
      return yearSeconds(conventions.year) / 4;
    case "year":
      return yearSeconds(conventions.year);
  }
}

/** Downtime an availability (0–1) allows over a window of `windowLength` seconds. */
export function allowedDowntime(availability: number, windowLength: number): number {
  return (1 - availability) * windowLength;
}

/** The availability (0–1) that `downtime` seconds within a window of `windowLength` seconds amount to. */
export function availabilityFromDowntime(downtime: number, windowLength: number): number {
  return 1 - downtime / windowLength;
}

export type WindowDowntime = { window: MeasurementWindow; windowSeconds: number; allowedSeconds: number };

/**
 * Allowed downtime per window. `serviceShare` (0–1) is the part of the time the SLA counts — 1 for
 * 24×7; for a service-time SLA see service-time.ts — and shrinks every window alike.
 */
export function downtimeTable(availability: number, conventions: Conventions = DEFAULT_CONVENTIONS, serviceShare = 1): WindowDowntime[] {
  return measurementWindows.map((window) => {
    const length = windowSeconds(window, conventions);
    return { window, windowSeconds: length, allowedSeconds: allowedDowntime(availability, length * serviceShare) };
  });
}

/** The month lengths contracts use. */
const monthLengthsInUse = [
  { convention: "28d (February)", seconds: 28 * SECONDS_PER_DAY },
  { convention: "30d", seconds: monthSeconds({ kind: "30d" }) },
  { convention: "730h", seconds: monthSeconds({ kind: "730h" }) },
  { convention: "30.44d", seconds: monthSeconds({ kind: "30.44d" }) },
  { convention: "31d", seconds: 31 * SECONDS_PER_DAY },
] as const;

export type ConventionSpread = {
  byConvention: { convention: (typeof monthLengthsInUse)[number]["convention"]; monthSeconds: number; allowedSeconds: number }[];
  minSeconds: number;
  maxSeconds: number;
  /** How much more downtime a 31-day month allows than February: what the convention is worth. */
  spreadSeconds: number;
};

/** Monthly downtime at one availability under every month convention in use, February to a 31-day month. */
export function spreadBetweenConventions(availability: number, serviceShare = 1): ConventionSpread {
  const byConvention = monthLengthsInUse.map(({ convention, seconds }) => ({
    convention,
    monthSeconds: seconds,
    allowedSeconds: allowedDowntime(availability, seconds * serviceShare),
  }));
  const allowed = byConvention.map((entry) => entry.allowedSeconds);
  const minSeconds = Math.min(...allowed);
  const maxSeconds = Math.max(...allowed);
  return { byConvention, minSeconds, maxSeconds, spreadSeconds: maxSeconds - minSeconds };
}
