import { z } from "zod";
import { ticketPriorities } from "@/server/contracts/terms";
import { statusWords, ticketLevels, ticketStatuses } from "@/server/helpdesk/statuses";
import { priorityLabels } from "./desk-words";

/** One entry of a ticket's audit trail, as getTicket returns it. */
export type HistoryEvent = { at: Date; actor: string; action: string; before: unknown; after: unknown };

// The trail is JSON written by many versions of the code: read it defensively, field by field.
const changeShape = z
  .object({
    status: z.enum(ticketStatuses),
    priority: z.enum(ticketPriorities),
    level: z.enum(ticketLevels),
    assigneeId: z.uuid().nullable(),
    category: z.string().nullable(),
    tags: z.array(z.string()),
    note: z.string(),
    number: z.number(),
    rating: z.number(),
    files: z.array(z.object({ fileName: z.string() })),
  })
  .partial();
const read = (value: unknown) => {
  const parsed = changeShape.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
};

const levelWords = { support: "support", engineering: "engineering" } as const;
const list = (items: readonly string[]) => items.join(", ");

/**
 * What happened, in words: "changed priority from Normal to High", "assigned to Alex Agent".
 * `nameOf` turns a person's id into their name; an unknown id reads as "someone".
 */
export function historyWords(event: HistoryEvent, nameOf: (userId: string) => string | undefined): string[] {
  const before = read(event.before);
  const after = read(event.after);
  const person = (id: string | null | undefined) => (id ? (nameOf(id) ?? "someone") : "nobody");
  switch (event.action) {
    case "ticket.create":
      return [`opened the ticket${after.priority ? ` (${priorityLabels[after.priority].toLowerCase()} priority)` : ""}`];
    case "ticket.reply":
      return [after.status ? `replied publicly and set the status to ${statusWords[after.status]}` : "replied publicly"];
    case "ticket.note":
      return [after.status ? `wrote an internal note and set the status to ${statusWords[after.status]}` : "wrote an internal note"];
    case "ticket.escalate":
      return [`escalated to engineering${after.note ? `: “${after.note}”` : ""}`];
    case "ticket.merge":
      return [`merged this ticket into #${after.number ?? "?"}`];
    case "ticket.merge_in":
      return [`merged #${after.number ?? "?"} into this ticket`];
    case "ticket.attach":
      return [`attached ${after.files?.length ? list(after.files.map((f) => f.fileName)) : "files"}`];
    case "ticket.rate":
      return [`rated the answer ${after.rating ?? "?"} of 5`];
    case "ticket.update":
      return updateWords(before, after, person);
    default:
      return [event.action];
  }
}

function updateWords(before: z.infer<typeof changeShape>, after: z.infer<typeof changeShape>, person: (id: string | null | undefined) => string): string[] {
  const words: string[] = [];
  if (after.status) words.push(`changed the status${before.status ? ` from ${statusWords[before.status]}` : ""} to ${statusWords[after.status]}`);
  if (after.priority) words.push(`changed the priority${before.priority ? ` from ${priorityLabels[before.priority]}` : ""} to ${priorityLabels[after.priority]}`);
  if (after.level) words.push(`moved the ticket to ${levelWords[after.level]}`);
  if (after.assigneeId !== undefined) words.push(after.assigneeId ? `assigned it to ${person(after.assigneeId)}` : `unassigned ${person(before.assigneeId)}`);
  if (after.category !== undefined) words.push(after.category ? `set the category to ${after.category}` : "cleared the category");
  if (after.tags) {
    const added = after.tags.filter((t) => !before.tags?.includes(t));
    const removed = (before.tags ?? []).filter((t) => !after.tags?.includes(t));
    if (added.length) words.push(`tagged it ${list(added)}`);
    if (removed.length) words.push(`removed the tag${removed.length === 1 ? "" : "s"} ${list(removed)}`);
  }
  return words.length ? words : ["changed the ticket"];
}
