import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { inlined, inlinedCount, preparedStatement } from "@/db/prepared";
import { auditEvents, orgs, ticketAttachments, ticketLinks, ticketMessages, tickets, users } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { notFound } from "@/server/errors";
import { businessMinutesBetween } from "@/server/calendars/business-time";
import { resolveNodes } from "@/server/inventory/nodes";
import { canSeeTicket, isDeskStaff, ticketRowColumns } from "./access";
import { deadlineState } from "./deadline-state";
import { policyForOrg } from "./clock-store";
import { THREAD_PAGE, ticketViewInput } from "./schemas";

// A ticket opens many times a minute on a busy desk: its statements are built once per shape and kept
// prepared (db/prepared.ts), bound to the ticket's id.
const ticketId = sql.placeholder("ticketId");
const assignee = alias(users, "assignee");
const requester = alias(users, "requester");
const merged = alias(tickets, "merged");

/** The ticket with the names it shows, in one statement; the access check is the caller's. */
const ticketStatement = (db: DbOrTx) => (name: string) =>
  db
    .select({ ticket: ticketRowColumns, orgName: orgs.name, assigneeName: assignee.name, requesterName: requester.name, mergedNumber: merged.number })
    .from(tickets)
    .innerJoin(orgs, eq(orgs.id, tickets.orgId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .leftJoin(requester, eq(requester.id, tickets.requesterId))
    .leftJoin(merged, eq(merged.id, tickets.mergedIntoId))
    .where(eq(tickets.id, ticketId))
    .prepare(name);

const visibleMessages = (staff: boolean) => and(eq(ticketMessages.ticketId, ticketId), staff ? undefined : eq(ticketMessages.visibility, inlined("public")));

/** The thread newest first: its latest page and one more (is there an earlier one?), or all of it. */
const messagesStatement = (db: DbOrTx, staff: boolean, all: boolean) => (name: string) => {
  const newestFirst = db
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
    .where(visibleMessages(staff))
    .orderBy(desc(ticketMessages.createdAt), desc(ticketMessages.id))
    .$dynamic();
  return (all ? newestFirst : newestFirst.limit(inlinedCount(THREAD_PAGE + 1))).prepare(name);
};

const messageCountStatement = (db: DbOrTx, staff: boolean) => (name: string) =>
  db.select({ n: sql<number>`count(*)::int` }).from(ticketMessages).where(visibleMessages(staff)).prepare(name);

/** Files of loose uploads (no message) are the desk's; customers see those of public messages. */
const filesStatement = (db: DbOrTx, staff: boolean) => (name: string) =>
  db
    .select({ id: ticketAttachments.id, messageId: ticketAttachments.messageId, fileName: ticketAttachments.fileName, contentType: ticketAttachments.contentType, sizeBytes: ticketAttachments.sizeBytes })
    .from(ticketAttachments)
    .leftJoin(ticketMessages, eq(ticketMessages.id, ticketAttachments.messageId))
    .where(and(eq(ticketAttachments.ticketId, ticketId), staff ? undefined : eq(ticketMessages.visibility, inlined("public"))))
    .orderBy(asc(ticketAttachments.createdAt))
    .prepare(name);

const linksStatement = (db: DbOrTx) => (name: string) => db.select().from(ticketLinks).where(eq(ticketLinks.ticketId, ticketId)).prepare(name);

const historyStatement = (db: DbOrTx) => (name: string) =>
  db
    .select({ at: auditEvents.at, actor: auditEvents.actorLabel, action: auditEvents.action, before: auditEvents.before, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, inlined("ticket")), eq(auditEvents.subjectId, ticketId)))
    .orderBy(asc(auditEvents.at))
    .prepare(name);

/**
 * One ticket as the actor may see it. Customers get public messages only, and only the files
 * attached to them; staff also get internal notes and the ticket's change history. A long thread
 * opens with its latest THREAD_PAGE messages and says how many came before; `thread: "all"` reads
 * them all, for the reader who asks.
 */
export async function getTicket(db: DbOrTx, actor: Actor, input: z.input<typeof ticketViewInput>) {
  const { ticketId: id, thread } = ticketViewInput.parse(input);
  const values = { ticketId: id };
  const [found] = await preparedStatement(db, "ticket_view", ticketStatement(db)).execute(values);
  if (!found || !canSeeTicket(actor, found.ticket)) throw notFound("That ticket");
  const { ticket } = found;
  const staff = isDeskStaff(actor);
  const who = staff ? "staff" : "customer";
  const now = new Date();
  const [newestFirst, files, links, policy, history] = await Promise.all([
    preparedStatement(db, `ticket_messages_${who}_${thread}`, messagesStatement(db, staff, thread === "all")).execute(values),
    preparedStatement(db, `ticket_files_${who}`, filesStatement(db, staff)).execute(values),
    preparedStatement(db, "ticket_links", linksStatement(db)).execute(values),
    policyForOrg(db, ticket.orgId, ticket.priority, now),
    staff ? preparedStatement(db, "ticket_history", historyStatement(db)).execute(values) : Promise.resolve([]),
  ]);
  const messages = newestFirst.slice(0, thread === "all" ? undefined : THREAD_PAGE).reverse();
  const earlierMessages =
    newestFirst.length > messages.length ? ((await preparedStatement(db, `ticket_message_count_${who}`, messageCountStatement(db, staff)).execute(values))[0]?.n ?? 0) - messages.length : 0;
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
