import { and, eq, sql } from "drizzle-orm";
import { z, ZodError } from "zod";
import type { Db, Tx } from "@/db/client";
import { inboundQuarantine, orgs, ticketMessages, tickets } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { DomainError } from "@/server/errors";
import { ticketRowColumns, type TicketRow } from "@/server/helpdesk/access";
import { createTicket, replyToTicket } from "@/server/helpdesk/tickets";
import { attachFromMail, planAttachments, refusedNote, type AttachmentPlan } from "./attachments";
import { baseSubject, fitBody, fitSubject, trimQuotedHistory } from "./body-text";
import type { InboundMail } from "./inbound-mail";
import { inTransaction } from "./in-transaction";
import { holdInQuarantine, MAIL_SYSTEM } from "./quarantine";
import { replyTokenAmong } from "./recipients";
import { senderActor } from "./senders";
import { threadHintsOf } from "./threading";

export type Received =
  | { outcome: "ticket"; ticketId: string; number: number }
  | { outcome: "reply"; ticketId: string; number: number; messageId: string }
  | { outcome: "duplicate" }
  | { outcome: "quarantined"; quarantineId: string; reason: string }
  | { outcome: "ignored"; reason: string };

/** Namespace of the advisory lock that serialises work on one Message-ID (any constant, used only here). */
const MESSAGE_LOCK = 72_010_025;
const MAX_MERGE_HOPS = 10;

/** Whether this very mail was taken in before: the same Message-ID from the same sender. */
async function alreadyReceived(tx: Tx, mail: InboundMail): Promise<"duplicate" | "id_taken" | null> {
  const [held] = await tx
    .select({ id: inboundQuarantine.id })
    .from(inboundQuarantine)
    .where(and(eq(inboundQuarantine.messageIdHeader, mail.messageId), sql`lower(${inboundQuarantine.fromAddress}) = ${mail.from.address}`))
    .limit(1);
  if (held) return "duplicate";
  const [message] = await tx.select({ authorEmail: ticketMessages.authorEmail }).from(ticketMessages).where(eq(ticketMessages.emailMessageId, mail.messageId));
  if (!message) return null;
  return message.authorEmail.toLowerCase() === mail.from.address ? "duplicate" : "id_taken";
}

/** The ticket a reply belongs to: by its secret reply address first, else by our ids in its headers; merges followed. */
async function threadOf(tx: Tx, mail: InboundMail): Promise<{ ticket: TicketRow; via: string } | null> {
  let found: { ticket: TicketRow; via: string } | null = null;
  const token = replyTokenAmong(mail.recipients);
  if (token) {
    const [ticket] = await tx.select(ticketRowColumns).from(tickets).where(eq(tickets.replyToken, token));
    if (ticket) found = { ticket, via: "reply address" };
  }
  for (const hint of found ? [] : threadHintsOf(mail.inReplyTo, mail.references)) {
    const ticketId = "ticketId" in hint ? hint.ticketId : (await tx.select({ ticketId: ticketMessages.ticketId }).from(ticketMessages).where(eq(ticketMessages.id, hint.messageId)))[0]?.ticketId;
    const [ticket] = ticketId ? await tx.select(ticketRowColumns).from(tickets).where(eq(tickets.id, ticketId)) : [];
    if (ticket) {
      found = { ticket, via: "References" };
      break;
    }
  }
  for (let hop = 0; found?.ticket.mergedIntoId && hop < MAX_MERGE_HOPS; hop++) {
    const [target] = await tx.select(ticketRowColumns).from(tickets).where(eq(tickets.id, found.ticket.mergedIntoId));
    if (!target) break;
    found = { ticket: target, via: `${found.via}, merged into #${target.number}` };
  }
  return found;
}

/** The opening message of a ticket made from a mail: it came by email, and its Message-ID dedupes redelivery. */
async function markOpenedByMail(tx: Tx, ticketId: string, mail: InboundMail): Promise<string> {
  const [message] = await tx.update(ticketMessages).set({ channel: "email", emailMessageId: mail.messageId }).where(eq(ticketMessages.ticketId, ticketId)).returning({ id: ticketMessages.id });
  return message!.id;
}

async function openTicket(tx: Tx, sender: Actor, orgId: string, subject: string, body: string, mail: InboundMail, plan: AttachmentPlan): Promise<Received> {
  // createTicket's channel parameter does not know "email" yet; the message is marked right after, in the same transaction.
  const created = await createTicket(inTransaction(tx), sender, { orgId, subject: fitSubject(subject), body: fitBody(body, refusedNote(plan.refused)) }, "portal");
  const messageId = await markOpenedByMail(tx, created.ticketId, mail);
  await attachFromMail(tx, sender, created.ticketId, messageId, plan.files);
  return { outcome: "ticket", ticketId: created.ticketId, number: created.number };
}

async function orgName(tx: Tx, orgId: string) {
  return (await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId)))[0]?.name ?? "its organisation";
}

async function receiveReply(tx: Tx, mail: InboundMail, sender: Actor | null, ticket: TicketRow, plan: AttachmentPlan): Promise<Received> {
  const quarantine = async (reason: string) => ({ outcome: "quarantined" as const, quarantineId: await holdInQuarantine(tx, mail, reason), reason });
  if (!sender) return quarantine(`Reply to ticket #${ticket.number} from ${mail.from.address}, an address no Hostdesk user has.`);
  if (!sender.customerOrgIds.includes(ticket.orgId)) {
    const who = sender.isStaff ? "support staff (answer in the desk, not by mail)" : `not a member of ${await orgName(tx, ticket.orgId)}`;
    return quarantine(`Reply to ticket #${ticket.number} from ${mail.from.address}, who is ${who}.`);
  }
  const body = trimQuotedHistory(mail.text);
  if (ticket.status === "closed") {
    // A closed ticket takes no more replies (tickets.ts); the mail opens a follow-up instead of being lost.
    const subject = baseSubject(mail.subject) || ticket.subject;
    return openTicket(tx, sender, ticket.orgId, subject, `Follow-up to closed ticket #${ticket.number}.\n\n${body}`, mail, plan);
  }
  const reply = await replyToTicket(inTransaction(tx), sender, { ticketId: ticket.id, body: fitBody(body, refusedNote(plan.refused)) }, "email", mail.messageId);
  await attachFromMail(tx, sender, ticket.id, reply.messageId, plan.files);
  return { outcome: "reply", ticketId: ticket.id, number: ticket.number, messageId: reply.messageId };
}

async function receiveNew(tx: Tx, mail: InboundMail, sender: Actor | null, plan: AttachmentPlan): Promise<Received> {
  const quarantine = async (reason: string) => ({ outcome: "quarantined" as const, quarantineId: await holdInQuarantine(tx, mail, reason), reason });
  if (!sender) return quarantine(`Unknown sender: no Hostdesk user has the address ${mail.from.address}.`);
  const orgIds = sender.customerOrgIds;
  if (orgIds.length === 0) {
    return quarantine(sender.isStaff ? `From support staff (${mail.from.address}): open tickets for customers in the desk.` : `${mail.from.address} belongs to no customer organisation.`);
  }
  if (orgIds.length > 1) {
    const names = sender.memberships.filter((m) => orgIds.includes(m.orgId)).map((m) => m.orgName);
    return quarantine(`${mail.from.address} belongs to several customers (${names.join(", ")}): release the mail into the right one.`);
  }
  return openTicket(tx, sender, orgIds[0]!, mail.subject, mail.text, mail, plan);
}

/**
 * Takes one received mail into the help desk, all in one transaction that commits before the SMTP
 * server answers 250: a new ticket for a known customer, a reply on the ticket it answers, or the
 * quarantine for anything nobody may act on. Automatic mail (bounces, vacation notices) is
 * recorded and never answered; the same mail delivered twice is taken once.
 */
export async function receiveMail(db: Db, mail: InboundMail): Promise<Received> {
  return db.transaction(async (tx) => {
    // Two deliveries of one mail at once (an MTA retrying on a timeout) wait for each other here.
    await tx.execute(sql`select pg_advisory_xact_lock(${MESSAGE_LOCK}, hashtext(${mail.messageId}))`);
    const seen = await alreadyReceived(tx, mail);
    if (seen === "duplicate") return { outcome: "duplicate" } as const;

    let received: Received;
    if (mail.automatic) {
      await holdInQuarantine(tx, mail, `Not answered: ${mail.automatic}.`, { resolved: true });
      received = { outcome: "ignored", reason: mail.automatic };
    } else if (seen === "id_taken") {
      const reason = `The Message-ID ${mail.messageId} is already on a ticket message from another sender.`;
      received = { outcome: "quarantined", quarantineId: await holdInQuarantine(tx, mail, reason), reason };
    } else {
      const sender = await senderActor(tx, mail.from.address);
      const thread = await threadOf(tx, mail);
      const plan = planAttachments(mail.attachments);
      try {
        // A savepoint: if the help desk refuses the mail's content, none of it stays, and the mail is held instead.
        received = await tx.transaction((sp) => (thread ? receiveReply(sp, mail, sender, thread.ticket, plan) : receiveNew(sp, mail, sender, plan)));
      } catch (error) {
        // A refusal would fail the same way on every redelivery; answering 4xx would only make the MTA retry for days.
        if (!(error instanceof DomainError || error instanceof ZodError)) throw error;
        const why = error instanceof ZodError ? z.prettifyError(error) : error.message;
        const reason = `Could not be added${thread ? ` to ticket #${thread.ticket.number}` : " as a ticket"}: ${why}`;
        received = { outcome: "quarantined", quarantineId: await holdInQuarantine(tx, mail, reason), reason };
      }
    }
    if (received.outcome === "ticket" || received.outcome === "reply") {
      await recordAudit(tx, MAIL_SYSTEM, {
        action: "mail.received",
        subjectType: "ticket",
        subjectId: received.ticketId,
        after: { from: mail.from.address, messageId: mail.messageId, outcome: received.outcome },
      });
    }
    return received;
  });
}
