import { type DurationStyle, formatDuration } from "@/server/sla/format-duration";
import type { MeasurementWindow, YearConvention } from "@/server/sla/windows";
import type { MonthKind } from "./scenario-draft";

/** The page speaks English; the contract language only changes the terms sentence. */
export const duration = (seconds: number, style?: DurationStyle) => formatDuration(seconds, "en", style);

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Whole currency units: "€1,590". */
export function money(amount: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat("en-GB", { style: "currency", currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
    moneyFormats.set(currency, format);
  }
  return format.format(amount);
}

export const WINDOW_LABELS: Record<MeasurementWindow, string> = { day: "Day", week: "Week", month: "Month", quarter: "Quarter", year: "Year" };
export const PER_WINDOW: Record<MeasurementWindow, string> = { day: "per day", week: "per week", month: "per month", quarter: "per quarter", year: "per year" };

export const MONTH_KIND_LABELS: Record<MonthKind, string> = {
  "30.44d": "Mean month (30.44 d)",
  "30d": "30 days",
  "730h": "730 hours",
  calendar: "A calendar month",
};

export const YEAR_CONVENTION_LABELS: Record<YearConvention, string> = { "365.2425d": "Mean year (365.2425 d)", "365d": "365 days" };

export const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;
