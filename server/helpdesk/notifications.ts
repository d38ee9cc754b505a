import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { outboundMail, ticketMessages, users } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { enqueueDelivery } from "@/server/mail/enqueue";
import type { TicketRow } from "./access";
import { MAIL_DOMAIN, messageMailId, replyAddressFor, SUPPORT_ADDRESS, ticketThreadId } from "./mail-addresses";
import { statusWords } from "./statuses";

export type TicketEvent =
  | { kind: "created" | "reply" | "note"; ticket: TicketRow; messageId: string; actor: Pick<Actor, "userId" | "isStaff"> }
  | { kind: "status"; ticket: TicketRow; actor: Pick<Actor, "userId" | "isStaff"> }
  | { kind: "assigned" | "escalated" | "near_breach"; ticket: TicketRow; actor: Pick<Actor, "userId" | "isStaff"> | null; staffUserIds: string[] };

type Mail = { to: string; subject: string; body: string; messageId: string };

const FROM = `Hostdesk Support <${SUPPORT_ADDRESS}>`;
const subjectOf = (ticket: TicketRow) => `[#${ticket.number}] ${ticket.subject}`;

async function messageBody(tx: DbOrTx, messageId: string) {
  const [row] = await tx.select({ body: ticketMessages.body, visibility: ticketMessages.visibility, authorName: ticketMessages.authorName }).from(ticketMessages).where(eq(ticketMessages.id, messageId));
  return row;
}

async function staffAddresses(tx: DbOrTx, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return tx.select({ email: users.email }).from(users).where(inArray(users.id, [...userIds]));
}

/** What to mail for one event: customers hear of public replies and status changes; staff of their work. */
async function mailsFor(tx: DbOrTx, event: TicketEvent): Promise<Mail[]> {
  const { ticket } = event;
  const footer = `\n\n— \nReply to this mail to answer on ticket #${ticket.number}.`;
  switch (event.kind) {
    case "created":
      return event.actor.isStaff
        ? []
        : [{ to: ticket.requesterEmail, subject: subjectOf(ticket), body: `We received your request and will answer soon.${footer}`, messageId: `<ack-${ticket.id}@${MAIL_DOMAIN}>` }];
    case "reply": {
      const message = await messageBody(tx, event.messageId);
      // Only staff's public words go to the customer; a customer's own reply is not echoed back.
      if (!message || message.visibility !== "public") return [];
      if (event.actor.isStaff) return [{ to: ticket.requesterEmail, subject: `Re: ${subjectOf(ticket)}`, body: `${message.body}\n\n${message.authorName}${footer}`, messageId: messageMailId(event.messageId) }];
      const assignees = await staffAddresses(tx, ticket.assigneeId ? [ticket.assigneeId] : []);
      return assignees.map((a) => ({ to: a.email, subject: `Re: ${subjectOf(ticket)}`, body: `${message.authorName} wrote:\n\n${message.body}`, messageId: messageMailId(event.messageId) }));
    }
    case "note":
      // Internal notes never leave the desk.
      return [];
    case "status":
      return ticket.status === "solved"
        ? [{ to: ticket.requesterEmail, subject: `Re: ${subjectOf(ticket)}`, body: `We consider this ticket solved. If something is still wrong, just reply and it opens again.${footer}`, messageId: `<status-${ticket.id}-${Date.now()}@${MAIL_DOMAIN}>` }]
        : [];
    case "assigned":
    case "escalated":
    case "near_breach": {
      const recipients = await staffAddresses(tx, event.staffUserIds);
      const what = { assigned: "was assigned to you", escalated: "was escalated to engineering", near_breach: `is close to its SLA deadline (status ${statusWords[ticket.status]})` }[event.kind];
      return recipients.map((r) => ({ to: r.email, subject: subjectOf(ticket), body: `Ticket #${ticket.number} ${what}.`, messageId: `<${event.kind}-${ticket.id}-${Date.now()}@${MAIL_DOMAIN}>` }));
    }
  }
}

/**
 * Writes the mails an event causes into the outbox, in the transaction of the change itself: a
 * change that rolls back sends nothing, and one that commits is never without its mail. Every mail
 * threads under the ticket's root id and carries the ticket's reply address.
 */
export async function notifyTicketEvent(tx: DbOrTx, event: TicketEvent): Promise<void> {
  const mails = await mailsFor(tx, event);
  if (mails.length === 0) return;
  const root = ticketThreadId(event.ticket.id);
  const written = await tx.insert(outboundMail).values(
    mails.map((mail) => ({
      ticketId: event.ticket.id,
      toAddress: mail.to,
      fromAddress: FROM,
      replyTo: replyAddressFor(event.ticket.replyToken),
      subject: mail.subject,
      body: mail.body,
      messageIdHeader: mail.messageId,
      inReplyTo: root,
      referencesHeader: root,
    })),
  ).returning({ id: outboundMail.id });
  // Queued with the mail, in the same transaction: the worker sends it when SMTP_URL is set.
  await enqueueDelivery(tx, written.map((row) => row.id));
}
