import type { BusinessCalendar } from "@/server/calendars/types";
import { contractDowntimeBudget } from "@/server/contracts/plain-terms";
import type { ContractTerms, TicketPriority } from "@/server/contracts/terms";
import { formatDuration } from "@/server/sla/format-duration";
import { formatWeeklyHours } from "@/server/sla/format-weekly-hours";
import { Table, Td, Th } from "@/components/ui/table";

export type NamedCalendar = BusinessCalendar & { id: string; name: string };

const priorityWords: Record<TicketPriority, string> = { urgent: "Urgent", high: "High", normal: "Normal", low: "Low" };
const percent = (fraction: number) => `${(fraction * 100).toLocaleString("en", { maximumFractionDigits: 3 })} %`;
const minutes = (m: number) => formatDuration(m * 60, "en");
const money = (amount: number, currency: string) => amount.toLocaleString("en", { style: "currency", currency, maximumFractionDigits: 0 });

function calendarLine(calendar: NamedCalendar | null | undefined): string {
  if (!calendar) return "unknown calendar";
  const holidays = calendar.holidays.length ? ", except public holidays" : "";
  return `${calendar.name}: ${formatWeeklyHours(calendar.frames, "en")} (${calendar.timeZone})${holidays}`;
}

/**
 * Contract terms as a compact sheet: the same view for a proposal version, the contract in force
 * and the customer's own page. Calendars are looked up by id in `calendars`.
 */
export function TermsView({ terms, calendars }: { terms: ContractTerms; calendars: ReadonlyMap<string, NamedCalendar> }) {
  const service = terms.serviceCalendarId ? (calendars.get(terms.serviceCalendarId) ?? null) : null;
  const budget = formatDuration(contractDowntimeBudget(terms, service), "en");
  return (
    <div className="space-y-4 text-sm">
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
        <Term label="Availability">
          {percent(terms.availabilityTarget)} per {terms.measurementWindow}
          {` — at most ${budget} of downtime`}
        </Term>
        <Term label="Longest single outage">{terms.maxOutageMinutes === null ? "no separate limit" : minutes(terms.maxOutageMinutes)}</Term>
        <Term label="Counted">{service === null ? "around the clock" : `in service hours — ${calendarLine(service)}`}</Term>
        <Term label="Support">{calendarLine(calendars.get(terms.supportCalendarId))}</Term>
        <Term label="Price">
          {money(terms.monthlyPrice, terms.currency)} a month · downtime costs the customer about {money(terms.downtimeCostPerHour, terms.currency)} an hour
        </Term>
        <Term label="Runs">
          from {terms.startsOn}
          {terms.endsOn ? ` to ${terms.endsOn}` : ", open-ended"}
        </Term>
        <Term label="Maintenance">
          {terms.maintenance.window}, announced {terms.maintenance.noticeDays} days ahead
          {terms.maintenance.countsAsDowntime ? ", counted as downtime" : ", not counted as downtime"}
        </Term>
        <Term label="Service credits">
          {terms.credits.length === 0
            ? "none"
            : terms.credits.map((c) => `${Math.round(c.creditShare * 100)} % of the monthly fee below ${percent(c.belowAvailability)}`).join("; ")}
        </Term>
      </dl>
      <Table caption="Ticket response targets by priority">
        <thead>
          <tr>
            <Th>Priority</Th>
            <Th>First response</Th>
            <Th>Next reply</Th>
            <Th>Resolution</Th>
            <Th>Clock</Th>
          </tr>
        </thead>
        <tbody>
          {terms.responseTargets.map((t) => (
            <tr key={t.priority}>
              <Td className="font-medium">{priorityWords[t.priority]}</Td>
              <Td className="tabular-nums">{minutes(t.firstResponseMinutes)}</Td>
              <Td className="tabular-nums">{minutes(t.nextReplyMinutes)}</Td>
              <Td className="tabular-nums">{minutes(t.resolutionMinutes)}</Td>
              <Td>{t.clock === "business" ? "support hours" : "around the clock"}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="text-xs text-slate-500">
        {terms.pausingStatuses.length
          ? `The clock pauses while a ticket is ${terms.pausingStatuses.map((s) => s.replaceAll("_", " ")).join(" or ")}.`
          : "The clock never pauses."}
      </p>
    </div>
  );
}

function Term({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="break-inside-avoid">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="text-slate-800">{children}</dd>
    </div>
  );
}
