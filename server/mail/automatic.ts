import { isOwnMessageId } from "./threading";
import { isSupportRecipient } from "./recipients";

/** A header's value as text, or null when the mail has no such header. */
export type HeaderLookup = (name: string) => string | null;

const bulkPrecedence = new Set(["bulk", "junk", "list", "auto_reply"]);

/**
 * Why a mail was written by a machine rather than a person, or null. Such mail never opens a ticket
 * and is never answered: answering an auto-reply with our own auto-reply is how mail loops start
 * (RFC 3834). The null sender `<>` marks bounces; the headers mark vacation and robot mail.
 */
export function automaticMailReason(input: { envelopeFrom: string; header: HeaderLookup; contentType: string | null; messageId: string | null; fromAddress: string | null }): string | null {
  const { envelopeFrom, header } = input;
  if (envelopeFrom.trim() === "") return "bounce (null sender <>)";
  const autoSubmitted = header("auto-submitted")?.split(";")[0]?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return `automatic mail (Auto-Submitted: ${autoSubmitted})`;
  const precedence = header("precedence")?.trim().toLowerCase();
  if (precedence && bulkPrecedence.has(precedence)) return `bulk or automatic mail (Precedence: ${precedence})`;
  if (header("x-autoreply") !== null) return "automatic reply (X-Autoreply)";
  if (header("x-autorespond") !== null) return "automatic reply (X-Autorespond)";
  if (header("x-auto-response-suppress") !== null) return "automatic mail (X-Auto-Response-Suppress)";
  if (input.contentType?.toLowerCase() === "multipart/report") return "delivery or read report (multipart/report)";
  const from = input.fromAddress?.toLowerCase() ?? "";
  if (/^(mailer-daemon|postmaster)@/.test(from)) return `bounce (from ${from})`;
  // Our own mail coming back (a forwarding rule pointed at us, a misrouted copy): never process it.
  if ((from && isSupportRecipient(from)) || (input.messageId && isOwnMessageId(input.messageId))) return "sent by Hostdesk itself";
  return null;
}
