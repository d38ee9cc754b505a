import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { auditEvents, orgs, ticketAttachments, ticketLinks, ticketMessages, tickets, users } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { notFound } from "@/server/errors";
import { businessMinutesBetween } from "@/server/calendars/business-time";
import { resolveNodes } from "@/server/inventory/nodes";
import { canSeeTicket, isDeskStaff, ticketRowColumns } from "./access";
import { deadlineState } from "./clock";
import { policyForOrg } from "./clock-store";
import { THREAD_PAGE, ticketViewInput } from "./schemas";

/**
 * One ticket as the actor may see it. Customers get public messages only, and only the files
 * attached to them; staff also get internal notes and the ticket's change history. A long thread
 * opens with its latest THREAD_PAGE messages and says how many came before; `thread: "all"` reads
 * them all, for the reader who asks.
 */
export async function getTicket(db: DbOrTx, actor: Actor, input: z.input<typeof ticketViewInput>) {
  const { ticketId, thread } = ticketViewInput.parse(input);
  // The ticket with the names it shows, in one statement; the access check is ticketFor's.
  const assignee = alias(users, "assignee");
  const requester = alias(users, "requester");
  const merged = alias(tickets, "merged");
  const [found] = await db
    .select({
      ticket: ticketRowColumns,
      orgName: orgs.name,
      assigneeName: assignee.name,
      requesterName: requester.name,
      mergedNumber: merged.number,
    })
    .from(tickets)
    .innerJoin(orgs, eq(orgs.id, tickets.orgId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .leftJoin(requester, eq(requester.id, tickets.requesterId))
    .leftJoin(merged, eq(merged.id, tickets.mergedIntoId))
    .where(eq(tickets.id, ticketId));
  if (!found || !canSeeTicket(actor, found.ticket)) throw notFound("That ticket");
  const { ticket } = found;
  const staff = isDeskStaff(actor);
  const now = new Date();
  const visibleMessages = and(eq(ticketMessages.ticketId, ticketId), staff ? undefined : eq(ticketMessages.visibility, "public"));
  const newestMessages = db
    .select({
      id: ticketMessages.id,
      authorName: ticketMessages.authorName,
      authorKind: ticketMessages.authorKind,
      visibility: ticketMessages.visibility,
      channel: ticketMessages.channel,
      // Readers get the safe HTML only: the thread is read, never edited, and carrying each body twice
      // made a long thread's answer half again as large.
      bodyHtml: ticketMessages.bodyHtml,
      createdAt: ticketMessages.createdAt,
    })
    .from(ticketMessages)
    .where(visibleMessages)
    .orderBy(desc(ticketMessages.createdAt), desc(ticketMessages.id))
    .$dynamic();
  const [newestFirst, files, links, policy, history] = await Promise.all([
    thread === "all" ? newestMessages : newestMessages.limit(THREAD_PAGE + 1),
    // Files of loose uploads (no message) are the desk's; customers see those of public messages.
    db
      .select({ id: ticketAttachments.id, messageId: ticketAttachments.messageId, fileName: ticketAttachments.fileName, contentType: ticketAttachments.contentType, sizeBytes: ticketAttachments.sizeBytes })
      .from(ticketAttachments)
      .leftJoin(ticketMessages, eq(ticketMessages.id, ticketAttachments.messageId))
      .where(and(eq(ticketAttachments.ticketId, ticketId), staff ? undefined : eq(ticketMessages.visibility, "public")))
      .orderBy(asc(ticketAttachments.createdAt)),
    db.select().from(ticketLinks).where(eq(ticketLinks.ticketId, ticketId)),
    policyForOrg(db, ticket.orgId, ticket.priority, now),
    staff
      ? db
          .select({ at: auditEvents.at, actor: auditEvents.actorLabel, action: auditEvents.action, before: auditEvents.before, after: auditEvents.after })
          .from(auditEvents)
          .where(and(eq(auditEvents.subjectType, "ticket"), eq(auditEvents.subjectId, ticketId)))
          .orderBy(asc(auditEvents.at))
      : Promise.resolve([]),
  ]);
  const messages = newestFirst.slice(0, thread === "all" ? undefined : THREAD_PAGE).reverse();
  const earlierMessages =
    newestFirst.length > messages.length ? ((await db.select({ n: sql<number>`count(*)::int` }).from(ticketMessages).where(visibleMessages))[0]?.n ?? 0) - messages.length : 0;
  const nodes = await resolveNodes(db, links.map((l) => l.nodeId), new Map(links.map((l) => [l.nodeId, l.nodeKind])));
  return {
    id: ticket.id,
    number: ticket.number,
    orgId: ticket.orgId,
    orgName: found.orgName,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    level: ticket.level,
    category: ticket.category,
    tags: ticket.tags,
    requesterEmail: ticket.requesterEmail,
    requesterName: found.requesterName,
    assigneeId: ticket.assigneeId,
    assigneeName: found.assigneeName,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    mergedInto: ticket.mergedIntoId && found.mergedNumber !== null ? { id: ticket.mergedIntoId, number: found.mergedNumber } : null,
    satisfaction: ticket.satisfactionRating ? { rating: ticket.satisfactionRating, comment: ticket.satisfactionComment } : null,
    sla: {
      source: ticket.slaSource,
      target: policy.target,
      state: deadlineState(ticket.status, ticket, now),
      firstResponseDueAt: ticket.firstResponseDueAt,
      firstRespondedAt: ticket.firstRespondedAt,
      nextReplyDueAt: ticket.nextReplyDueAt,
      resolutionDueAt: ticket.resolutionDueAt,
      nextDueAt: ticket.nextDueAt,
      /** Business minutes left to the next deadline (negative once breached), in the clock's calendar. */
      minutesLeft: ticket.nextDueAt ? Math.round(ticket.nextDueAt > now ? businessMinutesBetween(now, ticket.nextDueAt, policy.calendar) : -businessMinutesBetween(ticket.nextDueAt, now, policy.calendar)) : null,
    },
    /** Each message's body as the safe HTML rendered when it was written (markdown.ts), oldest first. */
    messages,
    /** Messages before the first one here, not loaded (0 when the whole thread is). */
    earlierMessages,
    attachments: files,
    links: links.map((l) => nodes.get(l.nodeId)).filter((n) => n !== undefined),
    history,
  };
}
