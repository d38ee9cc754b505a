import type { BusinessCalendar } from "@/server/calendars/types";
import type { Locale } from "@/server/sla/locale";
import { serviceShare } from "@/server/sla/service-time";
import { termsText } from "@/server/sla/terms";
import { AROUND_THE_CLOCK } from "@/server/sla/weekly-frames";
import { allowedDowntime, windowSeconds } from "@/server/sla/windows";
import { targetFor, type ContractTerms } from "./terms";

/** Holidays in the first year of the contract: what a service-time budget is quoted against. */
function holidaysInFirstYear(calendar: BusinessCalendar, startsOn: string): number {
  const start = new Date(`${startsOn}T00:00:00Z`);
  const end = new Date(start);
  end.setUTCFullYear(end.getUTCFullYear() + 1);
  const last = end.toISOString().slice(0, 10);
  return calendar.holidays.filter((day) => day >= startsOn && day < last).length;
}

/** The downtime a contract allows per measurement window, counted in its service hours if it has any. */
export function contractDowntimeBudget(terms: ContractTerms, serviceCalendar: BusinessCalendar | null): number {
  const share = serviceCalendar ? serviceShare(serviceCalendar.frames, holidaysInFirstYear(serviceCalendar, terms.startsOn), "365.2425d") : 1;
  return allowedDowntime(terms.availabilityTarget, windowSeconds(terms.measurementWindow) * share);
}

/**
 * A contract in one sentence a customer reads, e.g. "At most 43 m downtime per month, no single
 * outage longer than 4 h, support Mon–Fri 08–18 except public holidays, urgent tickets answered
 * within 30 minutes around the clock."
 */
export function contractInPlainWords(
  terms: ContractTerms,
  calendars: { service: BusinessCalendar | null; support: BusinessCalendar },
  locale: Locale,
): string {
  const urgent = targetFor(terms, "urgent");
  return termsText(
    {
      allowedDowntimeSeconds: contractDowntimeBudget(terms, calendars.service),
      window: terms.measurementWindow,
      countedInServiceHoursOnly: calendars.service !== null,
      maxSingleOutageSeconds: terms.maxOutageMinutes === null ? null : terms.maxOutageMinutes * 60,
      supportFrames: calendars.support.frames.length ? calendars.support.frames : AROUND_THE_CLOCK,
      supportExceptHolidays: calendars.support.holidays.length > 0,
      urgentResponseMinutes: urgent.firstResponseMinutes,
      urgentResponseAroundTheClock: urgent.clock === "calendar",
    },
    locale,
  );
}
