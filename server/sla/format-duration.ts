import type { Locale } from "./locale";
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, SECONDS_PER_MINUTE } from "./time-units";

const units = [
  { key: "d", seconds: SECONDS_PER_DAY },
  { key: "h", seconds: SECONDS_PER_HOUR },
  { key: "m", seconds: SECONDS_PER_MINUTE },
  { key: "s", seconds: 1 },
] as const;

type Unit = (typeof units)[number]["key"];

// German readers know "Std." and "Min." from timetables and invoices; "Tg." is the usual short day.
const unitLabels: Record<Locale, Record<Unit, string>> = {
  en: { d: "d", h: "h", m: "m", s: "s" },
  de: { d: "Tg.", h: "Std.", m: "Min.", s: "Sek." },
};

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 }),
  de: new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 }),
};

/**
 * A whole count as the locale writes it. Below 1,000 that is its digits in both locales; Intl's
 * formatter, the calculator's largest single cost, is left for the counts that need grouping.
 */
const formatCount = (count: number, locale: Locale) => (count < 1000 ? String(count) : numberFormats[locale].format(count));

export type DurationStyle = {
  /** "h" (default) shows 87 h 39 m — account managers talk in hours; "d" shows 3 d 15 h. */
  largestUnit?: "d" | "h";
  /** How many units at most, counted from the first one that is not zero. Default 2. */
  maxParts?: 1 | 2 | 3 | 4;
};

/**
 * `315569.52` → "87 h 39 m", `2592` → "43 m 12 s", `0` → "0 s"; German "7 Std. 18 Min.".
 *
 * Rounding rule: the value is floored to the smallest unit shown, never rounded up, because these
 * are downtime allowances and a text must never promise more than the figure allows. Float noise is
 * removed first (the value is rounded to whole milliseconds), so 99.9 % of 30 days — computed as
 * 2592.0000000000023 s or 2591.9999999999995 s — reads "43 m 12 s" either way. Zero units at the
 * end are left out ("4 h", not "4 h 0 m").
 */
export function formatDuration(seconds: number, locale: Locale = "en", { largestUnit = "h", maxParts = 2 }: DurationStyle = {}): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`A duration must be a finite number of seconds ≥ 0, not ${seconds}.`);
  const milliseconds = Math.round(seconds * 1000);
  const available = units.slice(units.findIndex((unit) => unit.key === largestUnit));
  const firstReached = available.findIndex((unit) => milliseconds >= unit.seconds * 1000);
  // Under a second there is nothing to show but "0 s".
  const leading = firstReached === -1 ? available.length - 1 : firstReached;
  const shown = available.slice(leading, leading + maxParts);
  const smallest = (shown.at(-1) as (typeof units)[number]).seconds;
  let remaining = Math.floor(milliseconds / (smallest * 1000));
  const parts: string[] = [];
  for (const unit of shown) {
    const perUnit = unit.seconds / smallest;
    const count = Math.floor(remaining / perUnit);
    remaining -= count * perUnit;
    if (count > 0 || parts.length === 0) parts.push(`${formatCount(count, locale)} ${unitLabels[locale][unit.key]}`);
  }
  return parts.join(" ");
}
