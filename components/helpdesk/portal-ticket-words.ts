import type { ResponseTarget, TicketPriority } from "@/server/contracts/terms";
import type { TicketStatus } from "@/server/helpdesk/statuses";
import { millis, type Instant } from "@/server/time/instant";

/**
 * How the portal talks about tickets: in the customer's terms, never the desk's (no "breached",
 * no levels or queues). Pure, so it is tested on its own and renders the same on every server.
 */

export const customerStatusWords: Record<TicketStatus, string> = {
  new: "Received, we'll answer soon",
  open: "We're working on it",
  waiting_on_customer: "Waiting for your answer",
  on_hold: "On hold",
  solved: "Solved",
  closed: "Closed",
};

export const customerStatusTone: Record<TicketStatus, "info" | "warn" | "good" | "neutral"> = {
  new: "info",
  open: "info",
  waiting_on_customer: "warn",
  on_hold: "neutral",
  solved: "good",
  closed: "neutral",
};

export const priorityWords: Record<TicketPriority, { label: string; when: string }> = {
  urgent: { label: "Urgent", when: "Your production service is down or badly broken." },
  high: { label: "High", when: "Something important is broken or very slow, but your service still runs." },
  normal: { label: "Normal", when: "Something does not work as it should, or a change you need soon." },
  low: { label: "Low", when: "A question, or a wish with no hurry." },
};

/** "1 hour", "90 minutes", "2 days". */
export function durationWords(minutes: number): string {
  const plural = (n: number, unit: string) => `${n.toLocaleString("en")} ${unit}${n === 1 ? "" : "s"}`;
  if (minutes % (60 * 24) === 0 && minutes >= 60 * 48) return plural(minutes / (60 * 24), "day");
  if (minutes % 60 === 0) return plural(minutes / 60, "hour");
  return plural(minutes, "minute");
}

/**
 * A target as a promise: around the clock, or counted in support hours only (never in days there:
 * "2 days" of support hours would read as two calendar days).
 */
export function withinWords(minutes: number, clock: ResponseTarget["clock"]): string {
  if (clock === "calendar") return `within ${durationWords(minutes)}, day and night`;
  const hours = minutes / 60;
  return Number.isInteger(hours) ? `within ${hours.toLocaleString("en")} support hour${hours === 1 ? "" : "s"}` : `within ${minutes} support minutes`;
}

/** "Tue 14:00 CET", with the date too ("Wed 20 Mar, 10:00 UTC") when it is not within the coming week. */
export function dueWords(at: Date, now: Date, timeZone: string): string {
  const soon = Math.abs(at.getTime() - now.getTime()) < 6 * 24 * 60 * 60 * 1000;
  // Assembled from parts: ICU versions disagree on the punctuation between them.
  const parts = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone, timeZoneName: "short" }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const time = `${part("hour")}:${part("minute")} ${part("timeZoneName")}`;
  return soon ? `${part("weekday")} ${time}` : `${part("weekday")} ${part("day")} ${part("month")}, ${time}`;
}

/** "5 minutes ago", "yesterday", "3 days ago". */
export function agoWords(at: Instant, now: Date): string {
  const seconds = Math.round((millis(at) - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ["second", 60],
    ["minute", 60],
    ["hour", 24],
    ["day", 30],
    ["month", 12],
  ];
  let value = seconds;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return unit === "second" ? "just now" : format.format(value, unit);
    value = Math.round(value / size);
  }
  return format.format(value, "year");
}

type TicketSla = {
  source: string;
  target: ResponseTarget;
  firstResponseDueAt: Date | null;
  firstRespondedAt: Date | null;
  nextReplyDueAt: Date | null;
};

/**
 * When the customer can expect our next word, and what their contract promises: only due times
 * they are owed, never the desk's internal deadline states. Null when we owe no answer now.
 */
export function slaSentence(ticket: { status: TicketStatus; priority: TicketPriority; sla: TicketSla }, now: Date, timeZone: string): string | null {
  const { status, priority, sla } = ticket;
  if (status === "solved" || status === "closed") return null;
  if (status === "waiting_on_customer") return "We are waiting for your answer. Reply below when you are ready.";
  if (status === "on_hold") return "This ticket is on hold for now. We will tell you here when it moves on.";
  const terms = sla.source.startsWith("contract") ? "your contract" : "our standard terms";
  const priorityName = priorityWords[priority].label.toLowerCase();
  const first = !sla.firstRespondedAt;
  const due = first ? sla.firstResponseDueAt : sla.nextReplyDueAt;
  if (!due) return first ? null : "We have answered. Reply below if you need anything else.";
  const promise = first
    ? `${terms}: a first answer to ${priorityName} tickets ${withinWords(sla.target.firstResponseMinutes, sla.target.clock)}`
    : `${terms}: a reply to ${priorityName} tickets ${withinWords(sla.target.nextReplyMinutes, sla.target.clock)}`;
  const verb = first ? "answer" : "reply";
  return due > now
    ? `We aim to ${verb} by ${dueWords(due, now, timeZone)} (${promise}).`
    : `We aimed to ${verb} by ${dueWords(due, now, timeZone)}. Sorry for the wait: your ticket is being looked at (${promise}).`;
}
