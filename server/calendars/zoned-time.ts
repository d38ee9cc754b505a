/**
 * Converting between real instants and local wall-clock time in an IANA zone, using only Intl.
 *
 * Wall-clock times are handled as "wall ms": the local date and time read as if it were UTC,
 * so day arithmetic on them is plain integer arithmetic and never sees DST.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

// Creating a formatter costs far more than using one, and deadlines are computed in bulk.
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      // h23: some engines print midnight as "24" with hour12: false.
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// format() plus a regex is about three times faster than formatToParts(); any separators are accepted.
const WALL_TIME = /^(\d+)\D+(\d+)\D+(\d+)\D+(\d+)\D+(\d+)\D+(\d+)$/;

/** The local wall-clock time at `utcMs` in `timeZone`, as wall ms. */
export function wallTimeMs(utcMs: number, timeZone: string): number {
  const match = WALL_TIME.exec(formatterFor(timeZone).format(utcMs));
  if (!match) throw new Error(`Unexpected date format from Intl for time zone ${timeZone}.`);
  const [, month, day, year, hour, minute, second] = match.map(Number) as number[];
  const wall = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not move years 0–99 into the 1900s.
  wall.setUTCFullYear(year!, month! - 1, day!);
  wall.setUTCHours(hour!, minute!, second!, utcMs - Math.floor(utcMs / 1000) * 1000);
  return wall.getTime();
}

function offsetMs(utcMs: number, timeZone: string): number {
  return wallTimeMs(utcMs, timeZone) - utcMs;
}

/**
 * The real instant at which the local clock in `timeZone` shows `wallMs`.
 *
 * A wall time skipped by a spring-forward gap maps to the first instant after the gap (the
 * moment the clocks jump); a wall time repeated by a fall-back maps to its earlier occurrence.
 * So the mapping never decreases, and a local frame always becomes one real interval.
 *
 * Assumes at most one offset change within a day either side, which holds for the tz database.
 */
export function wallTimeToUtcMs(wallMs: number, timeZone: string): number {
  // Offsets lie within ±1 day, so these two probes bracket every instant that could show wallMs.
  const before = offsetMs(wallMs - DAY_MS, timeZone);
  const after = offsetMs(wallMs + DAY_MS, timeZone);
  if (before === after) return wallMs - before;

  const earlier = wallMs - Math.max(before, after);
  const later = wallMs - Math.min(before, after);
  if (wallTimeMs(earlier, timeZone) === wallMs) return earlier;
  if (wallTimeMs(later, timeZone) === wallMs) return later;

  // In the gap: find the jump, the first instant whose wall time is past wallMs.
  let lo = earlier;
  let hi = later;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallTimeMs(mid, timeZone) >= wallMs) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Days since 1970-01-01 of a local date "YYYY-MM-DD", or NaN if it is not a real calendar date. */
export function dayNumberOfDate(dateYmd: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateYmd);
  if (!match) return NaN;
  const [, year, month, day] = match.map(Number) as number[];
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day!);
  // Date rolls 2026-02-30 over into March; a real date reads back unchanged.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day) return NaN;
  return date.getTime() / DAY_MS;
}

/** The real instant at `minuteOfDay` (0–1440, fractions allowed) on local date `dateYmd` in `timeZone`. */
export function zonedWallTimeToUtc(dateYmd: string, minuteOfDay: number, timeZone: string): Date {
  const day = dayNumberOfDate(dateYmd);
  if (Number.isNaN(day)) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${dateYmd}".`);
  return new Date(wallTimeToUtcMs(day * DAY_MS + minuteOfDay * MINUTE_MS, timeZone));
}
