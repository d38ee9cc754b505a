import type { MonthOfService } from "@/server/helpdesk/compliance";
import { formatDuration } from "@/server/sla/format-duration";

/**
 * How the SLA compliance report talks: plain sentences a customer can repeat to their boss. Pure,
 * so it is tested on its own and renders the same on every server.
 */

const monthYear = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const monthShort = new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" });
const monthDate = (month: string) => new Date(`${month}-01T00:00:00Z`);

/** "2026-11" → "November 2026". */
export const monthName = (month: string) => monthYear.format(monthDate(month));
/** "2026-11" → "Nov", for a chart's axis. */
export const monthLabel = (month: string) => monthShort.format(monthDate(month));

/**
 * Whole percent of `met` in `total`, or null when there is nothing to measure. Rounded down, so a
 * month with one late answer in two hundred never reads "100 %".
 */
export function percentMet(met: number, total: number): number | null {
  return total > 0 ? Math.floor((met * 100) / total) : null;
}

/** What a month's bar or cell says: "90 %", "No tickets", or "Not answered yet". */
export function monthShare(month: Pick<MonthOfService, "tickets" | "firstResponses" | "firstResponsesMet">): string {
  if (month.tickets === 0) return "No tickets";
  const percent = percentMet(month.firstResponsesMet, month.firstResponses);
  return percent === null ? "Not answered yet" : `${percent} %`;
}

const unitWords: Record<string, [string, string]> = { d: ["day", "days"], h: ["hour", "hours"], m: ["minute", "minutes"], s: ["second", "seconds"] };

/** 42 → "42 minutes", 65 → "1 hour 5 minutes", 1500 → "1 day 1 hour": the shared format, in words. */
export function durationInWords(minutes: number): string {
  // The median is rounded to whole minutes: 0 means under half a minute, not "0 seconds".
  if (minutes < 1) return "less than a minute";
  const short = formatDuration(Math.max(0, minutes) * 60, "en", { largestUnit: "d", maxParts: 2 });
  return short.replace(/([\d,]+) ([dhms])\b/g, (_, count: string, unit: string) => `${count} ${unitWords[unit]![count === "1" ? 0 : 1]}`);
}

/** "42 m", "1 h 5 m": the compact form for charts and tables. */
export const durationShort = (minutes: number) => (minutes < 1 ? "under 1 m" : formatDuration(minutes * 60, "en", { maxParts: 2 }));

/** "the agreed time" under a contract, "our standard times" without one. */
export const targetPhrase = (hasContract: boolean) => (hasContract ? "the agreed time" : "our standard times");

/**
 * One month in a sentence: "In November 2026, 9 of 10 first answers came within the agreed time;
 * half of all first answers came within 42 minutes."
 */
export function monthSentence(month: MonthOfService, hasContract: boolean): string {
  const name = monthName(month.month);
  const within = `within ${targetPhrase(hasContract)}`;
  if (month.tickets === 0) return `There were no tickets in ${name}.`;
  const { firstResponses: answered, firstResponsesMet: met, medianFirstResponseMinutes: median } = month;
  if (answered === 0) return `In ${name}, ${countWords(month.tickets, "ticket")} came in, with no first answer to measure yet.`;
  if (answered === 1) {
    const timing = met === 1 ? within : `later than ${targetPhrase(hasContract)}`;
    return `In ${name}, the one first answer came ${timing}${median === null ? "" : `, after ${durationInWords(median)}`}.`;
  }
  const share = met === answered ? `all ${answered}` : met === 0 ? `none of the ${answered}` : `${met} of ${answered}`;
  const half = median === null ? "" : `; half of all first answers came within ${durationInWords(median)}`;
  return `In ${name}, ${share} first answers came ${within}${half}.`;
}

const countWords = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** The whole period in one sentence: "Over the last 6 months, 21 of 24 first answers came within the agreed time." */
export function periodSentence(months: readonly MonthOfService[], hasContract: boolean): string {
  const answered = months.reduce((sum, m) => sum + m.firstResponses, 0);
  const met = months.reduce((sum, m) => sum + m.firstResponsesMet, 0);
  const span = months.length === 1 ? "This month" : `Over the last ${months.length} months`;
  if (answered === 0) return `${span}, there were no first answers to measure.`;
  return `${span}, ${met} of ${answered} first answers came within ${targetPhrase(hasContract)} (${percentMet(met, answered)} %).`;
}

/**
 * The report's summary: the last full month (the current one is still running), then the period.
 * `months` is oldest first and ends with the current month, as `monthlyCompliance` returns it.
 */
export function complianceSummary(months: readonly MonthOfService[], hasContract: boolean): string[] {
  const lastFull = months.at(-2) ?? months.at(-1);
  return lastFull ? [monthSentence(lastFull, hasContract), periodSentence(months, hasContract)] : [];
}
