import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { businessMinutesBetween } from "@/server/calendars/business-time";
import { requireDeskStaff, ticketFor } from "./access";
import { nearBreachShare } from "./clock";
import { policyForOrg } from "./clock-store";
import { ticketIdInput } from "./schemas";
import { doneStatuses } from "./statuses";

export type DeadlineKind = "first_response" | "next_reply" | "resolution";
export type DeadlineRowState = "breached" | "due_soon" | "on_track" | "paused" | "met" | "missed" | "not_due";

export type DeadlineRow = {
  kind: DeadlineKind;
  targetMinutes: number;
  dueAt: Date | null;
  /** Business minutes to the deadline in the clock's calendar; negative once it has passed. Null when none is pending. */
  minutesLeft: number | null;
  state: DeadlineRowState;
};

/**
 * Each of a ticket's SLA deadlines for the desk: when it falls, how much business time is left in
 * the calendar the clock counts in, and how it stands. A paused clock has no due times (they move
 * with the pause), so it shows the business time left on the target instead.
 */
export async function ticketDeadlines(db: DbOrTx, actor: Actor, input: z.input<typeof ticketIdInput>) {
  requireDeskStaff(actor);
  const { ticketId } = ticketIdInput.parse(input);
  const ticket = await ticketFor(db, actor, ticketId);
  const now = new Date();
  const policy = await policyForOrg(db, ticket.orgId, ticket.priority, now);
  const { target, calendar } = policy;
  const done = doneStatuses.includes(ticket.status);
  const paused = !done && ticket.clockRunningSince === null;
  const warnShare = nearBreachShare();

  const left = (due: Date) => Math.round(due > now ? businessMinutesBetween(now, due, calendar) : -businessMinutesBetween(due, now, calendar));
  const pending = (kind: DeadlineKind, targetMinutes: number, dueAt: Date): DeadlineRow => {
    const minutesLeft = left(dueAt);
    const state = minutesLeft <= 0 ? "breached" : minutesLeft <= targetMinutes * (1 - warnShare) ? "due_soon" : "on_track";
    return { kind, targetMinutes, dueAt, minutesLeft, state };
  };
  const settled = (kind: DeadlineKind, targetMinutes: number, met: boolean | null, happened: boolean): DeadlineRow => {
    if (happened) return { kind, targetMinutes, dueAt: null, minutesLeft: null, state: met === true ? "met" : met === false ? "missed" : "not_due" };
    if (paused && kind !== "next_reply") {
      // The first-response and resolution clocks share the consumed minutes (clock.ts).
      return { kind, targetMinutes, dueAt: null, minutesLeft: Math.round(targetMinutes - ticket.clockConsumedMinutes), state: "paused" };
    }
    return { kind, targetMinutes, dueAt: null, minutesLeft: null, state: paused ? "paused" : "not_due" };
  };

  const rows: DeadlineRow[] = [
    ticket.firstResponseDueAt
      ? pending("first_response", target.firstResponseMinutes, ticket.firstResponseDueAt)
      : settled("first_response", target.firstResponseMinutes, ticket.firstResponseMet, ticket.firstRespondedAt !== null),
    ticket.nextReplyDueAt ? pending("next_reply", target.nextReplyMinutes, ticket.nextReplyDueAt) : settled("next_reply", target.nextReplyMinutes, null, false),
    ticket.resolutionDueAt
      ? pending("resolution", target.resolutionMinutes, ticket.resolutionDueAt)
      : settled("resolution", target.resolutionMinutes, ticket.resolutionMet, ticket.solvedAt !== null || done),
  ];
  return {
    source: ticket.slaSource,
    timeZone: calendar.timeZone,
    aroundTheClock: target.clock === "calendar",
    paused,
    done,
    rows,
  };
}
