import { millis, type Instant } from "@/server/time/instant";
import { doneStatuses, type TicketStatus } from "./statuses";

export type DeadlineState = "breached" | "due_soon" | "on_track" | "paused" | "done";

/** Where a running deadline stands at `now`: the server's queue and the desk's open page judge it alike. */
export function runningDeadlineState(nextDueAt: Instant, nextWarnAt: Instant | null, now: Date): "breached" | "due_soon" | "on_track" {
  if (millis(nextDueAt) <= now.getTime()) return "breached";
  if (nextWarnAt && millis(nextWarnAt) <= now.getTime()) return "due_soon";
  return "on_track";
}

/** How a ticket stands against its next deadline at `now`. */
export function deadlineState(status: TicketStatus, deadlines: { nextDueAt: Instant | null; nextWarnAt: Instant | null }, now: Date): DeadlineState {
  if (doneStatuses.includes(status)) return "done";
  if (!deadlines.nextDueAt) return "paused";
  return runningDeadlineState(deadlines.nextDueAt, deadlines.nextWarnAt, now);
}
