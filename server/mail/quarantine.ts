import { desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { inboundQuarantine, orgs, ticketMessages, tickets } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { badRequest, conflict, notFound } from "@/server/errors";
import { requireDeskStaff } from "@/server/helpdesk/access";
import { sanitiseFileName } from "@/server/helpdesk/attachment-rules";
import { createTicket } from "@/server/helpdesk/tickets";
import { fitBody, fitSubject } from "./body-text";
import type { InboundMail } from "./inbound-mail";
import { inTransaction } from "./in-transaction";
import { dropInput, quarantineInput, releaseInput } from "./schemas";

export const MAIL_SYSTEM = { system: "mail" } as const;

/** Held mail keeps its text only (files need a ticket to belong to); the note says what it carried. */
function filesNotKept(mail: InboundMail): string {
  const names = mail.attachments.map((a) => sanitiseFileName(a.fileName));
  return names.length === 0 ? "" : `\n\n[The mail carried ${names.length === 1 ? "a file" : `${names.length} files`}, not kept while it is held: ${names.join(", ")}. Ask the sender to send ${names.length === 1 ? "it" : "them"} again.]`;
}

/**
 * Keeps a mail nobody may act on yet (unknown sender, sender outside the ticket's org) for staff
 * to release or drop. `resolved` records mail that needs no decision — automatic mail we do not
 * answer — so it is on file without crowding the open list.
 */
export async function holdInQuarantine(tx: DbOrTx, mail: InboundMail, reason: string, options: { resolved?: boolean } = {}) {
  const [row] = await tx
    .insert(inboundQuarantine)
    .values({
      fromAddress: mail.from.address,
      subject: mail.subject || "(no subject)",
      body: fitBody(mail.text, filesNotKept(mail)),
      messageIdHeader: mail.messageId,
      reason,
      resolvedAt: options.resolved ? new Date() : null,
    })
    .returning({ id: inboundQuarantine.id });
  await recordAudit(tx, MAIL_SYSTEM, {
    action: options.resolved ? "mail.ignored" : "mail.quarantined",
    subjectType: "inbound_mail",
    subjectId: row!.id,
    after: { from: mail.from.address, subject: mail.subject, messageId: mail.messageId, reason },
  });
  return row!.id;
}

export async function listQuarantine(db: DbOrTx, actor: Actor, input: z.input<typeof quarantineInput>) {
  requireDeskStaff(actor);
  const { state, limit } = quarantineInput.parse(input);
  return db
    .select({
      id: inboundQuarantine.id,
      fromAddress: inboundQuarantine.fromAddress,
      subject: inboundQuarantine.subject,
      body: inboundQuarantine.body,
      reason: inboundQuarantine.reason,
      receivedAt: inboundQuarantine.receivedAt,
      resolvedAt: inboundQuarantine.resolvedAt,
      releasedTicketId: inboundQuarantine.releasedTicketId,
      releasedTicketNumber: tickets.number,
    })
    .from(inboundQuarantine)
    .leftJoin(tickets, eq(tickets.id, inboundQuarantine.releasedTicketId))
    .where(state === "open" ? isNull(inboundQuarantine.resolvedAt) : isNotNull(inboundQuarantine.resolvedAt))
    .orderBy(desc(state === "open" ? inboundQuarantine.receivedAt : inboundQuarantine.resolvedAt))
    .limit(limit);
}

async function openQuarantined(tx: DbOrTx, quarantineId: string) {
  const [row] = await tx.select().from(inboundQuarantine).where(eq(inboundQuarantine.id, quarantineId)).for("update");
  if (!row) throw notFound("That held mail");
  if (row.resolvedAt) throw conflict("This mail was already released or dropped; reload the page.");
  return row;
}

/**
 * Opens a ticket from a held mail for the org staff chose. Staff file it (no acknowledgement goes
 * out: the sender is unknown to us, staff decide whether to answer), but the ticket and its first
 * message are the sender's: requester and author are the original address, so replies go there.
 */
export async function releaseQuarantined(db: Db, actor: Actor, input: z.input<typeof releaseInput>) {
  requireDeskStaff(actor);
  const { quarantineId, orgId } = releaseInput.parse(input);
  return db.transaction(async (tx) => {
    const held = await openQuarantined(tx, quarantineId);
    const [org] = await tx.select({ kind: orgs.kind, name: orgs.name }).from(orgs).where(eq(orgs.id, orgId));
    if (!org) throw notFound("That organisation");
    if (org.kind !== "customer") throw badRequest("Release mail into a customer's organisation, not the provider's.");
    const created = await createTicket(inTransaction(tx), actor, { orgId, subject: fitSubject(held.subject), body: fitBody(held.body) }, "desk");
    await tx.update(tickets).set({ requesterId: null, requesterEmail: held.fromAddress }).where(eq(tickets.id, created.ticketId));
    // The Message-ID keeps a redelivery from opening the ticket again, unless a message already has it.
    const [taken] = held.messageIdHeader
      ? await tx.select({ id: ticketMessages.id }).from(ticketMessages).where(eq(ticketMessages.emailMessageId, held.messageIdHeader))
      : [];
    await tx
      .update(ticketMessages)
      .set({ authorId: null, authorEmail: held.fromAddress, authorName: held.fromAddress, authorKind: "customer", channel: "email", emailMessageId: taken ? null : held.messageIdHeader })
      .where(eq(ticketMessages.ticketId, created.ticketId));
    await tx.update(inboundQuarantine).set({ resolvedAt: sql`now()`, releasedTicketId: created.ticketId }).where(eq(inboundQuarantine.id, held.id));
    await recordAudit(tx, actor, {
      action: "mail.quarantine_released",
      subjectType: "inbound_mail",
      subjectId: held.id,
      orgId,
      before: { reason: held.reason },
      after: { ticketId: created.ticketId, number: created.number, org: org.name, from: held.fromAddress },
    });
    return created;
  });
}

export async function dropQuarantined(db: Db, actor: Actor, input: z.input<typeof dropInput>) {
  requireDeskStaff(actor);
  const { quarantineId } = dropInput.parse(input);
  return db.transaction(async (tx) => {
    const held = await openQuarantined(tx, quarantineId);
    await tx.update(inboundQuarantine).set({ resolvedAt: sql`now()` }).where(eq(inboundQuarantine.id, held.id));
    await recordAudit(tx, actor, {
      action: "mail.quarantine_dropped",
      subjectType: "inbound_mail",
      subjectId: held.id,
      before: { from: held.fromAddress, subject: held.subject, reason: held.reason },
    });
    return { quarantineId: held.id };
  });
}
