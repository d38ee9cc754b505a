import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, outboundMail, ticketMessages, tickets, users } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { announceTicket } from "@/server/helpdesk/announce";
import { MAIL_DOMAIN, SUPPORT_ADDRESS } from "@/server/helpdesk/mail-addresses";
import { renderMarkdown } from "@/server/helpdesk/markdown";
import { enqueueDelivery } from "@/server/mail/enqueue";

const SYSTEM_AUTHOR = "Hostdesk rollout";

/**
 * Writes a message on a ticket as the system, not as a person: author kind `system`, no author id.
 * It neither counts as a staff response for the SLA nor reopens the ticket; it just tells what the
 * rollout did, where the customer and support already talk about the change. A merged ticket's
 * message goes to the ticket it was merged into.
 */
export async function postSystemMessage(tx: DbOrTx, ticketId: string, body: string, visibility: "public" | "internal"): Promise<string | null> {
  const [ticket] = await tx.select({ id: tickets.id, orgId: tickets.orgId, number: tickets.number, mergedIntoId: tickets.mergedIntoId }).from(tickets).where(eq(tickets.id, ticketId));
  if (!ticket) return null;
  const target = ticket.mergedIntoId ? (await tx.select({ id: tickets.id, orgId: tickets.orgId, number: tickets.number }).from(tickets).where(eq(tickets.id, ticket.mergedIntoId)))[0] : ticket;
  if (!target) return null;
  const [message] = await tx
    .insert(ticketMessages)
    .values({
      ticketId: target.id,
      authorId: null,
      authorEmail: SUPPORT_ADDRESS,
      authorName: SYSTEM_AUTHOR,
      authorKind: "system",
      visibility,
      channel: "desk",
      body,
      bodyHtml: renderMarkdown(body),
    })
    .returning({ id: ticketMessages.id });
  await tx.update(tickets).set({ updatedAt: sql`now()` }).where(eq(tickets.id, target.id));
  await recordAudit(tx, { system: "rollout" }, {
    action: visibility === "internal" ? "ticket.note" : "ticket.reply",
    subjectType: "ticket",
    subjectId: target.id,
    orgId: target.orgId,
    after: { messageId: message!.id, author: SYSTEM_AUTHOR },
  });
  await announceTicket(tx, { ticketId: target.id, orgId: target.orgId, number: target.number, kind: "message" });
  return message!.id;
}

/**
 * Mails staff that a rollout failed, through the outbox (sent by the worker when SMTP is set, shown
 * on the desk otherwise): the reviewer who approved the change and the ticket's assignee; with
 * neither, every engineer and admin, so a failure never goes unheard.
 */
export async function mailStaffAboutFailure(tx: DbOrTx, input: { rolloutId: string; userIds: (string | null | undefined)[]; subject: string; body: string; ticketId: string | null }): Promise<number> {
  const chosen = [...new Set(input.userIds.filter((id): id is string => !!id))];
  const recipients = chosen.length
    ? await tx.select({ email: users.email }).from(users).where(and(inArray(users.id, chosen), isNull(users.disabledAt)))
    : await tx
        .selectDistinct({ email: users.email })
        .from(users)
        .innerJoin(memberships, eq(memberships.userId, users.id))
        .where(and(inArray(memberships.role, ["engineer", "admin"]), isNull(users.disabledAt)));
  if (recipients.length === 0) return 0;
  const written = await tx
    .insert(outboundMail)
    .values(
      recipients.map((r) => ({
        ticketId: input.ticketId,
        toAddress: r.email,
        fromAddress: `Hostdesk <${SUPPORT_ADDRESS}>`,
        subject: input.subject,
        body: input.body,
        messageIdHeader: `<rollout-failed-${input.rolloutId}-${r.email.replace(/[^a-zA-Z0-9]/g, "")}@${MAIL_DOMAIN}>`,
      })),
    )
    .returning({ id: outboundMail.id });
  await enqueueDelivery(tx, written.map((w) => w.id));
  return written.length;
}
