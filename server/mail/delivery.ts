import { and, eq, isNull, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { Db } from "@/db/client";
import { outboundMail } from "@/db/schema";
import { SUPPORT_ADDRESS } from "@/server/helpdesk/mail-addresses";
import { log } from "@/server/log";

/** Attempts before a mail counts as failed: with graphile-worker's backoff, about three and a half hours. */
export const MAX_DELIVERY_ATTEMPTS = 10;

export type OutboundRow = typeof outboundMail.$inferSelect;
export type DeliveryState = "sent" | "pending" | "failed";

/** A failed mail has used up its attempts, or was refused for good (its counter is then set to the maximum). */
export function deliveryState(row: Pick<OutboundRow, "sentAt" | "attempts">): DeliveryState {
  if (row.sentAt) return "sent";
  return row.attempts >= MAX_DELIVERY_ATTEMPTS ? "failed" : "pending";
}

/**
 * Automatic notices say so (RFC 3834), so well-behaved auto-responders stay silent and no loop
 * starts: the acknowledgement answers the customer's mail ("auto-replied"), status and staff notices
 * are generated ("auto-generated"). A person's words (`<message-…>`) carry no such header.
 */
export function automaticHeaders(messageIdHeader: string): Record<string, string> {
  const kind = /^<([a-z_]+)-/i.exec(messageIdHeader)?.[1]?.toLowerCase();
  if (!kind || kind === "message") return {};
  return { "Auto-Submitted": kind === "ack" ? "auto-replied" : "auto-generated", "X-Auto-Response-Suppress": "All" };
}

export function mailOptionsOf(row: OutboundRow) {
  return {
    // Bounces come back to the support address, where the inbound side drops them (null sender).
    envelope: { from: SUPPORT_ADDRESS, to: [row.toAddress] },
    from: row.fromAddress,
    to: row.toAddress,
    replyTo: row.replyTo ?? undefined,
    subject: row.subject,
    text: row.body,
    messageId: row.messageIdHeader,
    inReplyTo: row.inReplyTo ?? undefined,
    references: row.referencesHeader ?? undefined,
    headers: automaticHeaders(row.messageIdHeader),
  };
}

export type DeliveryResult = "sent" | "outbox" | "skipped" | "retry" | "failed";

const isPermanent = (error: unknown) => {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
};
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/**
 * Sends one outbox row. The row stays locked while it is sent, and `skip locked` lets any other
 * worker holding the same job pass it by, so a mail is never sent twice at once; once committed
 * with sent_at it is never sent again. (A crash after the relay accepted the mail but before the
 * commit sends it again on retry, with the same Message-ID, which mail programs collapse.)
 * "retry" means: try later — the caller throws so graphile-worker backs off.
 */
export async function deliverOutboundMail(db: Db, mailId: string, transport: Transporter | null): Promise<DeliveryResult> {
  if (!transport) return "outbox";
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(outboundMail)
      .where(and(eq(outboundMail.id, mailId), isNull(outboundMail.sentAt)))
      .for("update", { skipLocked: true });
    if (!row) return "skipped";
    if (deliveryState(row) === "failed") return "failed";
    try {
      await transport.sendMail(mailOptionsOf(row));
    } catch (error) {
      const attempts = row.attempts + 1;
      const permanent = isPermanent(error);
      const failed = permanent || attempts >= MAX_DELIVERY_ATTEMPTS;
      const lastError = permanent ? `Refused for good by the mail server on attempt ${attempts}: ${describe(error)}` : describe(error);
      await tx
        .update(outboundMail)
        .set({ attempts: failed ? Math.max(attempts, MAX_DELIVERY_ATTEMPTS) : attempts, lastError })
        .where(eq(outboundMail.id, row.id));
      log.warn("mail.delivery_failed", { mailId: row.id, to: row.toAddress, attempts, final: failed, error: lastError });
      return failed ? "failed" : "retry";
    }
    await tx
      .update(outboundMail)
      .set({ sentAt: sql`now()`, attempts: row.attempts + 1, lastError: null })
      .where(eq(outboundMail.id, row.id));
    log.info("mail.delivered", { mailId: row.id, to: row.toAddress, messageId: row.messageIdHeader });
    return "sent";
  });
}
