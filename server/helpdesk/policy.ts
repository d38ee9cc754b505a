import { calendar24x7, weekdayHours } from "@/server/calendars/schema";
import type { BusinessCalendar } from "@/server/calendars/types";
import type { ContractTerms, ResponseTarget, TicketPriority } from "@/server/contracts/terms";
import type { TicketStatus } from "./statuses";

/** What a ticket's clocks run on: the targets for its priority and the calendar they count in. */
export type SlaPolicy = {
  source: string;
  target: ResponseTarget;
  /** The calendar the target's clock counts in: support hours, or around the clock. */
  calendar: BusinessCalendar;
  pausingStatuses: readonly TicketStatus[];
};

/** Where an org has no contract: office hours in Berlin, urgent tickets around the clock. */
export const DEFAULT_SUPPORT_CALENDAR: BusinessCalendar = weekdayHours("Europe/Berlin", 8, 18);
export const DEFAULT_TARGETS: readonly ResponseTarget[] = [
  { priority: "urgent", firstResponseMinutes: 60, nextReplyMinutes: 120, resolutionMinutes: 480, clock: "calendar" },
  { priority: "high", firstResponseMinutes: 240, nextReplyMinutes: 480, resolutionMinutes: 1440, clock: "business" },
  { priority: "normal", firstResponseMinutes: 480, nextReplyMinutes: 960, resolutionMinutes: 4800, clock: "business" },
  { priority: "low", firstResponseMinutes: 1440, nextReplyMinutes: 2880, resolutionMinutes: 9600, clock: "business" },
];

function targetOf(targets: readonly ResponseTarget[], priority: TicketPriority): ResponseTarget {
  const target = targets.find((t) => t.priority === priority);
  if (!target) throw new Error(`no ${priority} target`);
  return target;
}

const clockCalendar = (target: ResponseTarget, support: BusinessCalendar): BusinessCalendar =>
  target.clock === "business" ? support : calendar24x7(support.timeZone);

/** The policy of a ticket of `priority` under a contract (with its support calendar loaded), or the default. */
export function policyFor(priority: TicketPriority, contract: { version: number; terms: ContractTerms; supportCalendar: BusinessCalendar } | null): SlaPolicy {
  if (!contract) {
    const target = targetOf(DEFAULT_TARGETS, priority);
    return { source: "default policy", target, calendar: clockCalendar(target, DEFAULT_SUPPORT_CALENDAR), pausingStatuses: ["waiting_on_customer", "on_hold"] };
  }
  const target = targetOf(contract.terms.responseTargets, priority);
  return { source: `contract v${contract.version}`, target, calendar: clockCalendar(target, contract.supportCalendar), pausingStatuses: contract.terms.pausingStatuses };
}
