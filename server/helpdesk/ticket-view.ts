import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { auditEvents, orgs, ticketAttachments, ticketLinks, ticketMessages, tickets, users } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { businessMinutesBetween } from "@/server/calendars/business-time";
import { resolveNodes } from "@/server/inventory/nodes";
import { isDeskStaff, ticketFor } from "./access";
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
  const ticket = await ticketFor(db, actor, ticketId);
  const staff = isDeskStaff(actor);
  const now = new Date();
  const personIds = [ticket.assigneeId, ticket.requesterId].filter((id): id is string => id !== null);
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
  const [newestFirst, files, links, [org], people, policy, merged] = await Promise.all([
    thread === "all" ? newestMessages : newestMessages.limit(THREAD_PAGE + 1),
    // Files of loose uploads (no message) are the desk's; customers see those of public messages.
    db
      .select({ id: ticketAttachments.id, messageId: ticketAttachments.messageId, fileName: ticketAttachments.fileName, contentType: ticketAttachments.contentType, sizeBytes: ticketAttachments.sizeBytes })
      .from(ticketAttachments)
      .leftJoin(ticketMessages, eq(ticketMessages.id, ticketAttachments.messageId))
      .where(and(eq(ticketAttachments.ticketId, ticketId), staff ? undefined : eq(ticketMessages.visibility, "public")))
      .orderBy(asc(ticketAttachments.createdAt)),
    db.select().from(ticketLinks).where(eq(ticketLinks.ticketId, ticketId)),
    db.select({ name: orgs.name, slug: orgs.slug }).from(orgs).where(eq(orgs.id, ticket.orgId)),
    personIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, personIds)) : Promise.resolve([]),
    policyForOrg(db, ticket.orgId, ticket.priority, now),
    ticket.mergedIntoId ? db.select({ id: tickets.id, number: tickets.number }).from(tickets).where(eq(tickets.id, ticket.mergedIntoId)) : Promise.resolve([]),
  ]);
  const messages = newestFirst.slice(0, thread === "all" ? undefined : THREAD_PAGE).reverse();
  const earlierMessages =
    newestFirst.length > messages.length ? ((await db.select({ n: sql<number>`count(*)::int` }).from(ticketMessages).where(visibleMessages))[0]?.n ?? 0) - messages.length : 0;
  const nodes = await resolveNodes(db, links.map((l) => l.nodeId), new Map(links.map((l) => [l.nodeId, l.nodeKind])));
  const nameOf = (id: string | null) => people.find((p) => p.id === id)?.name ?? null;
  const history = staff
    ? await db
        .select({ at: auditEvents.at, actor: auditEvents.actorLabel, action: auditEvents.action, before: auditEvents.before, after: auditEvents.after })
        .from(auditEvents)
        .where(and(eq(auditEvents.subjectType, "ticket"), eq(auditEvents.subjectId, ticketId)))
        .orderBy(asc(auditEvents.at))
    : [];
  return {
    id: ticket.id,
    number: ticket.number,
    orgId: ticket.orgId,
    orgName: org?.name ?? "",
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    level: ticket.level,
    category: ticket.category,
    tags: ticket.tags,
    requesterEmail: ticket.requesterEmail,
    requesterName: nameOf(ticket.requesterId),
    assigneeId: ticket.assigneeId,
    assigneeName: nameOf(ticket.assigneeId),
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    mergedInto: merged[0] ?? null,
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
