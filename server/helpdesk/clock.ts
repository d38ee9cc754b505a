import { addBusinessMinutes, businessMinutesBetween } from "@/server/calendars/business-time";
import type { BusinessCalendar } from "@/server/calendars/types";
import type { SlaPolicy } from "./policy";
import { doneStatuses, type TicketStatus } from "./statuses";

/**
 * A ticket's SLA clock, as stored on the ticket row. The first-response and resolution clocks run
 * together: both start when the ticket is filed and pause while it waits on the customer or is on
 * hold, so one tally of consumed business minutes serves both. The next-reply clock starts at each
 * customer message that no staff reply has answered yet.
 */
export type ClockState = {
  status: TicketStatus;
  /** Business minutes consumed in earlier running stretches. */
  consumedMinutes: number;
  /** Start of the current running stretch; null while paused or stopped. */
  runningSince: Date | null;
  firstRespondedAt: Date | null;
  awaitingReplySince: Date | null;
};

export type Deadlines = {
  firstResponseDueAt: Date | null;
  nextReplyDueAt: Date | null;
  resolutionDueAt: Date | null;
  /** The earliest of the pending deadlines, and when it counts as due soon. */
  nextDueAt: Date | null;
  nextWarnAt: Date | null;
};

/** Share of a target used before a ticket counts as due soon; HOSTDESK_NEAR_BREACH_SHARE overrides it. */
export function nearBreachShare(): number {
  const configured = Number(process.env.HOSTDESK_NEAR_BREACH_SHARE);
  return configured > 0 && configured < 1 ? configured : 0.8;
}

export const clockRuns = (status: TicketStatus, policy: SlaPolicy) => !doneStatuses.includes(status) && !policy.pausingStatuses.includes(status);

/** Minutes consumed up to `at`, counting the running stretch in `calendar`. */
export function consumedAt(state: ClockState, at: Date, calendar: BusinessCalendar): number {
  return state.consumedMinutes + (state.runningSince ? Math.max(0, businessMinutesBetween(state.runningSince, at, calendar)) : 0);
}

/**
 * Closes the running stretch at `at` in the calendar it ran in, then runs or pauses the clock as
 * `status` and the (possibly new) policy say. Every change to a ticket's status, priority or
 * contract passes through here, so a policy change never re-counts time already spent.
 */
export function moveClock(state: ClockState, status: TicketStatus, at: Date, previous: SlaPolicy, next: SlaPolicy): ClockState {
  const consumedMinutes = consumedAt(state, at, previous.calendar);
  return { ...state, status, consumedMinutes, runningSince: clockRuns(status, next) ? at : null };
}

function dueAfter(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  return minutes <= 0 ? start : addBusinessMinutes(start, minutes, calendar);
}

/** The deadlines the state and policy give; a paused or stopped clock has none pending. */
export function deadlinesOf(state: ClockState, policy: SlaPolicy, warnShare = nearBreachShare()): Deadlines {
  const { target, calendar } = policy;
  const running = state.runningSince;
  const pending: { due: Date; warn: Date }[] = [];
  const onRunningClock = (targetMinutes: number) => {
    if (!running) return null;
    const due = dueAfter(running, targetMinutes - state.consumedMinutes, calendar);
    pending.push({ due, warn: dueAfter(running, targetMinutes * warnShare - state.consumedMinutes, calendar) });
    return due;
  };
  const firstResponseDueAt = state.firstRespondedAt ? null : onRunningClock(target.firstResponseMinutes);
  const resolutionDueAt = onRunningClock(target.resolutionMinutes);
  let nextReplyDueAt: Date | null = null;
  if (running && state.firstRespondedAt && state.awaitingReplySince) {
    const since = state.awaitingReplySince > running ? state.awaitingReplySince : running;
    nextReplyDueAt = dueAfter(since, target.nextReplyMinutes, calendar);
    pending.push({ due: nextReplyDueAt, warn: dueAfter(since, target.nextReplyMinutes * warnShare, calendar) });
  }
  const next = pending.sort((a, b) => a.due.getTime() - b.due.getTime())[0];
  return { firstResponseDueAt, nextReplyDueAt, resolutionDueAt, nextDueAt: next?.due ?? null, nextWarnAt: next?.warn ?? null };
}

/**
 * Whether a target was met, judged when it happens (the first staff reply, the ticket solved) by
 * the business minutes the clock had consumed — not by a stored deadline, which moves with pauses.
 */
export function targetMet(state: ClockState, at: Date, policy: SlaPolicy, target: "firstResponseMinutes" | "resolutionMinutes"): boolean {
  return consumedAt(state, at, policy.calendar) <= policy.target[target];
}
