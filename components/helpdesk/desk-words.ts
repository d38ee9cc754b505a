import type { TicketPriority } from "@/server/contracts/terms";
import { runningDeadlineState, type DeadlineState } from "@/server/helpdesk/deadline-state";
import type { QueueView } from "@/server/helpdesk/schemas";
import { millis, type Instant } from "@/server/time/instant";

/** How the desk names and colours things: staff words (breached, escalated), unlike the portal's. */

export const viewTabs: readonly { view: QueueView; label: string }[] = [
  { view: "unassigned", label: "Unassigned" },
  { view: "mine", label: "Mine" },
  { view: "team", label: "My team" },
  { view: "escalated", label: "Escalated" },
  { view: "due_soon", label: "Due soon" },
  { view: "breached", label: "Breached" },
  { view: "waiting", label: "Waiting on customer" },
  { view: "open", label: "Open" },
  { view: "done", label: "Done" },
  { view: "all", label: "All" },
];

export const priorityLabels: Record<TicketPriority, string> = { urgent: "Urgent", high: "High", normal: "Normal", low: "Low" };
export const priorityTone: Record<TicketPriority, "bad" | "warn" | "neutral" | "info"> = { urgent: "bad", high: "warn", normal: "info", low: "neutral" };

/** Text colour of a deadline: red breached, amber due soon, grey paused, plain on track. */
export const deadlineClass: Record<DeadlineState, string> = {
  breached: "font-semibold text-red-700",
  due_soon: "font-medium text-amber-700",
  on_track: "text-slate-700",
  paused: "text-slate-400",
  done: "text-slate-400",
};

/** "45 min", "3 h 20 min", "2 d 4 h": short, for dense tables. */
export function shortDuration(minutes: number): string {
  const m = Math.max(0, Math.round(Math.abs(minutes)));
  if (m < 60) return `${m} min`;
  if (m < 60 * 24) return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  return hours ? `${days} d ${hours} h` : `${days} d`;
}

/** A deadline against now, in wall-clock time: "due in 3 h", "overdue by 20 min", "paused". */
export function dueWords(state: DeadlineState, nextDueAt: Instant | null, now: Date): string {
  if (state === "done") return "—";
  if (state === "paused" || !nextDueAt) return "paused";
  const minutes = (millis(nextDueAt) - now.getTime()) / 60_000;
  return minutes > 0 ? `due in ${shortDuration(minutes)}` : `overdue by ${shortDuration(minutes)}`;
}

/** The count on a view tab: "12", "1000+" when the count stopped at its cap. */
export function countWords(count: { total: number; capped: boolean } | undefined): string | null {
  if (!count) return null;
  return count.capped ? `${count.total}+` : String(count.total);
}

/**
 * The row's deadline state at `now`: the server's word for paused and done tickets, re-judged from
 * the stored due and warn times otherwise, so a page left open turns amber and red on time.
 */
export function deadlineStateAt(row: { deadline: DeadlineState; nextDueAt: Instant | null; nextWarnAt: Instant | null }, now: Date): DeadlineState {
  if (row.deadline === "paused" || row.deadline === "done" || !row.nextDueAt) return row.deadline;
  return runningDeadlineState(row.nextDueAt, row.nextWarnAt, now);
}
