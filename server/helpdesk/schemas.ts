import { z } from "zod";
import { ticketPriorities } from "@/server/contracts/terms";
import { ticketLevels, ticketStatuses } from "./statuses";

const body = z.string().trim().min(1, "Write a message.").max(50_000, "Keep a message under 50,000 characters.");
const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, "Tags are one word: letters, digits and dashes.");

export const ticketIdInput = z.object({ ticketId: z.uuid() });

/** How many of the latest messages a ticket opens with; the rest come on request. */
export const THREAD_PAGE = 100;
export const ticketViewInput = ticketIdInput.extend({ thread: z.enum(["latest", "all"]).default("latest") });

export const createTicketInput = z.object({
  orgId: z.uuid(),
  subject: z.string().trim().min(3, "Give the ticket a subject.").max(200, "Keep the subject under 200 characters."),
  body,
  priority: z.enum(ticketPriorities).default("normal"),
  category: z.string().trim().max(60).nullable().default(null),
  /** VMs and services of the org the ticket is about. */
  nodeIds: z.array(z.uuid()).max(20).default([]),
});

export const replyInput = z.object({
  ticketId: z.uuid(),
  body,
  /** Internal notes are for staff only: never shown to or mailed to the customer. */
  visibility: z.enum(["public", "internal"]).default("public"),
  /** Staff may set the status in the same step, e.g. reply and wait on the customer. */
  status: z.enum(ticketStatuses).optional(),
});

const ticketChanges = {
  status: z.enum(ticketStatuses).optional(),
  priority: z.enum(ticketPriorities).optional(),
  level: z.enum(ticketLevels).optional(),
  assigneeId: z.uuid().nullable().optional(),
  category: z.string().trim().max(60).nullable().optional(),
  addTags: z.array(tag).max(10).optional(),
  removeTags: z.array(tag).max(10).optional(),
};
export const updateTicketInput = z.object({ ticketId: z.uuid(), ...ticketChanges });
export const bulkUpdateInput = z.object({ ticketIds: z.array(z.uuid()).min(1, "Pick at least one ticket.").max(200), ...ticketChanges });
export type TicketChanges = Omit<z.output<typeof updateTicketInput>, "ticketId">;

export const escalateInput = z.object({ ticketId: z.uuid(), note: body });
export const mergeInput = z.object({ ticketId: z.uuid(), intoTicketId: z.uuid() });
export const rateInput = z.object({ ticketId: z.uuid(), rating: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).nullable().default(null) });

export const queueViews = ["open", "unassigned", "mine", "team", "escalated", "due_soon", "breached", "waiting", "done", "all"] as const;
export type QueueView = (typeof queueViews)[number];

export const queueInput = z
  .object({
    view: z.enum(queueViews).optional(),
    orgId: z.uuid().optional(),
    priority: z.enum(ticketPriorities).optional(),
    status: z.enum(ticketStatuses).optional(),
    tag: tag.optional(),
    nodeId: z.uuid().optional(),
    search: z.string().trim().max(200).optional(),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(10).max(200).default(50),
  })
  .default({ page: 1, pageSize: 50 });
