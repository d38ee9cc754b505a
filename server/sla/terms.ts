import type { WeeklyFrame } from "@/server/calendars/types";
import { formatDuration } from "./format-duration";
import { formatWeeklyHours } from "./format-weekly-hours";
import type { Locale } from "./locale";
import { isAroundTheClock } from "./weekly-frames";
import type { MeasurementWindow } from "./windows";

/** What an SLA promises, in the terms a customer reads. */
export type SlaTerms = {
  /** The downtime budget per `window`, e.g. from `allowedDowntime`. */
  allowedDowntimeSeconds: number;
  window: MeasurementWindow;
  /** A service-time SLA: downtime outside service hours does not count. */
  countedInServiceHoursOnly: boolean;
  maxSingleOutageSeconds: number | null;
  supportFrames: readonly WeeklyFrame[];
  supportExceptHolidays: boolean;
  urgentResponseMinutes: number;
  /** Whether urgent tickets are answered outside support hours too (on call). */
  urgentResponseAroundTheClock: boolean;
};

const windowWords: Record<Locale, Record<MeasurementWindow, string>> = {
  en: { day: "day", week: "week", month: "month", quarter: "quarter", year: "year" },
  de: { day: "Tag", week: "Woche", month: "Monat", quarter: "Quartal", year: "Jahr" },
};

/** 30 → "30 minutes", 60 → "1 hour", 90 → "90 minutes": response times as people say them. */
function responseTime(minutes: number, locale: Locale): string {
  const inHours = minutes >= 60 && minutes % 60 === 0;
  const count = inHours ? minutes / 60 : minutes;
  const unit = {
    en: inHours ? ["hour", "hours"] : ["minute", "minutes"],
    de: inHours ? ["Stunde", "Stunden"] : ["Minute", "Minuten"],
  }[locale][count === 1 ? 0 : 1];
  return `${count} ${unit}`;
}

/**
 * The terms as one plain sentence, e.g. "At most 7 h 18 m downtime per month, no single outage
 * longer than 4 h, support Mon–Fri 08–18 except public holidays, urgent tickets answered within
 * 30 minutes around the clock." Durations are floored (format-duration.ts), so the sentence never
 * promises more than the figures. With 24×7 support, "around the clock" is said once, of the support.
 */
export function termsText(terms: SlaTerms, locale: Locale): string {
  const allowed = formatDuration(terms.allowedDowntimeSeconds, locale);
  const maxOutage = terms.maxSingleOutageSeconds === null ? null : formatDuration(terms.maxSingleOutageSeconds, locale);
  const supportAroundTheClock = isAroundTheClock(terms.supportFrames);
  const hours = formatWeeklyHours(terms.supportFrames, locale);
  const exceptHolidays = terms.supportExceptHolidays && !supportAroundTheClock;
  const response = responseTime(terms.urgentResponseMinutes, locale);
  const when = supportAroundTheClock ? "same" : terms.urgentResponseAroundTheClock ? "always" : "in-hours";
  const window = windowWords[locale][terms.window];

  if (locale === "de") {
    const clauses = [
      `Höchstens ${allowed} Ausfallzeit pro ${window}${terms.countedInServiceHoursOnly ? " innerhalb der Servicezeiten" : ""}`,
      maxOutage && `kein einzelner Ausfall länger als ${maxOutage}`,
      `Support ${hours}${exceptHolidays ? " außer an Feiertagen" : ""}`,
      `dringende Tickets werden${{ same: "", always: " rund um die Uhr", "in-hours": " während der Supportzeiten" }[when]} innerhalb von ${response} beantwortet`,
    ];
    return `${clauses.filter(Boolean).join(", ")}.`;
  }
  const clauses = [
    `At most ${allowed} downtime per ${window}${terms.countedInServiceHoursOnly ? " within service hours" : ""}`,
    maxOutage && `no single outage longer than ${maxOutage}`,
    `support ${hours}${exceptHolidays ? " except public holidays" : ""}`,
    `urgent tickets answered within ${response}${{ same: "", always: " around the clock", "in-hours": " during support hours" }[when]}`,
  ];
  return `${clauses.filter(Boolean).join(", ")}.`;
}
