import { and, desc, eq, gte, isNotNull, isNull, lt, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { outboundMail, tickets } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { conflict, notFound } from "@/server/errors";
import { requireDeskStaff } from "@/server/helpdesk/access";
import { deliveryState, MAX_DELIVERY_ATTEMPTS } from "./delivery";
import { enqueueDelivery } from "./enqueue";
import { outboundSmtpUrl } from "./config";
import { outboxInput, retryInput } from "./schemas";

const stateFilter: Record<z.output<typeof outboxInput>["state"], SQL | undefined> = {
  all: undefined,
  sent: isNotNull(outboundMail.sentAt),
  pending: and(isNull(outboundMail.sentAt), lt(outboundMail.attempts, MAX_DELIVERY_ATTEMPTS)),
  failed: and(isNull(outboundMail.sentAt), gte(outboundMail.attempts, MAX_DELIVERY_ATTEMPTS)),
};

/**
 * The latest mail Hostdesk wrote, newest first, with where each stands. Without SMTP_URL this is
 * the only place the mail exists, so staff can read what customers would have been sent.
 */
export async function listOutbox(db: DbOrTx, actor: Actor, input: z.input<typeof outboxInput>) {
  requireDeskStaff(actor);
  const { state, limit } = outboxInput.parse(input);
  const rows = await db
    .select({
      id: outboundMail.id,
      ticketId: outboundMail.ticketId,
      ticketNumber: tickets.number,
      toAddress: outboundMail.toAddress,
      subject: outboundMail.subject,
      body: outboundMail.body,
      messageIdHeader: outboundMail.messageIdHeader,
      createdAt: outboundMail.createdAt,
      sentAt: outboundMail.sentAt,
      attempts: outboundMail.attempts,
      lastError: outboundMail.lastError,
    })
    .from(outboundMail)
    .leftJoin(tickets, eq(tickets.id, outboundMail.ticketId))
    .where(stateFilter[state])
    .orderBy(desc(outboundMail.createdAt), desc(outboundMail.id))
    .limit(limit);
  return { deliveryConfigured: Boolean(outboundSmtpUrl()), rows: rows.map((row) => ({ ...row, state: deliveryState(row) })) };
}

/** Gives a failed mail a fresh set of attempts, e.g. once the customer's address is fixed on their side. */
export async function retryMail(db: Db, actor: Actor, input: z.input<typeof retryInput>) {
  requireDeskStaff(actor);
  const { mailId } = retryInput.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(outboundMail).where(eq(outboundMail.id, mailId)).for("update");
    if (!row) throw notFound("That mail");
    if (deliveryState(row) !== "failed") throw conflict("Only a mail that failed can be retried; this one is sent or still being tried.");
    await tx.update(outboundMail).set({ attempts: 0, lastError: null }).where(eq(outboundMail.id, row.id));
    await enqueueDelivery(tx, [row.id]);
    await recordAudit(tx, actor, {
      action: "mail.retry",
      subjectType: "outbound_mail",
      subjectId: row.id,
      before: { attempts: row.attempts, lastError: row.lastError },
      after: { attempts: 0 },
    });
    return { mailId: row.id };
  });
}
