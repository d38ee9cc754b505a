import { targetMet, type ClockState } from "./clock";
import type { TicketRow } from "./access";
import type { SlaPolicy } from "./policy";
import { doneStatuses, type TicketStatus } from "./statuses";

/**
 * The SLA outcomes a change settles, from the clock as it stood just before it: the first staff
 * reply decides the first response; solving decides the resolution; reopening a solved ticket
 * leaves its resolution undecided again. Compliance reports count these columns.
 */
export function slaOutcomes(ticket: TicketRow, clockBefore: ClockState, status: TicketStatus, at: Date, policy: SlaPolicy, firstResponse: boolean) {
  const outcomes: { firstResponseMet?: boolean; resolutionMet?: boolean | null } = {};
  if (firstResponse) outcomes.firstResponseMet = targetMet(clockBefore, at, policy, "firstResponseMinutes");
  const wasDone = doneStatuses.includes(ticket.status);
  const isDone = doneStatuses.includes(status);
  if (isDone && !wasDone) outcomes.resolutionMet = targetMet(clockBefore, at, policy, "resolutionMinutes");
  if (!isDone && wasDone) outcomes.resolutionMet = null;
  return outcomes;
}
