import { createHash } from "node:crypto";
import type { AddressObject, HeaderValue, ParsedMail } from "mailparser";
import { z } from "zod";
import { automaticMailReason } from "./automatic";
import { stripHtml } from "./body-text";
import { messageIdsIn } from "./threading";

export type InboundAttachment = { fileName: string; contentType: string; content: Buffer };

/** One received mail as the help desk sees it: what it needs, validated, and no HTML. */
export type InboundMail = {
  /** MAIL FROM; "" for the null sender of bounces. */
  envelopeFrom: string;
  /** RCPT TO, then the To and Cc headers. */
  recipients: string[];
  from: { address: string; name: string };
  subject: string;
  /** Plain text; HTML-only mail converted. */
  text: string;
  /** The Message-ID, or one derived from the content when the sender left it out. */
  messageId: string;
  inReplyTo: string[];
  references: string[];
  /** Why a machine wrote it (bounce, vacation notice…), or null for a person's mail. */
  automatic: string | null;
  attachments: InboundAttachment[];
};

/** Mail we cannot make sense of; answered with a permanent SMTP error, since resending will not help. */
export class MalformedMail extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedMail";
  }
}

const address = z.email({ error: "no usable sender address in the From header" });
const messageId = z.string().trim().regex(/^<[^<>\s]{1,900}>$/);

function headerText(value: HeaderValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => headerText(v as HeaderValue) ?? "").join(", ");
  if ("value" in value && typeof value.value === "string") return value.value;
  if ("text" in value && typeof value.text === "string") return value.text;
  return null;
}

const addressesOf = (objects: AddressObject | AddressObject[] | undefined) =>
  [objects ?? []].flat().flatMap((object) => object.value.flatMap((entry) => [entry.address ?? "", ...(entry.group ?? []).map((g) => g.address ?? "")])).filter(Boolean);

/**
 * A Message-ID for mail that came without one, from what identifies it, so a redelivery of the
 * same mail still gets the same id and is recognised as a duplicate.
 */
function derivedMessageId(parsed: ParsedMail, from: string, text: string): string {
  const digest = createHash("sha256")
    .update([from, parsed.date?.toISOString() ?? "", parsed.subject ?? "", text].join("\u0000"))
    .digest("hex")
    .slice(0, 40);
  return `<derived-${digest}@hostdesk.invalid>`;
}

function textOf(parsed: ParsedMail): string {
  if (parsed.text && parsed.text.trim()) return parsed.text;
  // mailparser converts HTML-only mail itself; when it gave up (huge or absurdly nested HTML) we
  // still keep the words rather than the markup.
  if (parsed.html) return stripHtml(parsed.html);
  return "";
}

/** Turns mailparser's result and the SMTP envelope into an InboundMail, or throws MalformedMail. */
export function toInboundMail(parsed: ParsedMail, envelope: { from: string; to: string[] }): InboundMail {
  const fromEntry = parsed.from?.value.find((entry) => entry.address);
  const fromAddress = address.safeParse(fromEntry?.address?.trim());
  const header = (name: string) => headerText(parsed.headers.get(name));
  const automatic = automaticMailReason({
    envelopeFrom: envelope.from,
    header,
    contentType: header("content-type"),
    messageId: parsed.messageId ?? null,
    fromAddress: fromAddress.success ? fromAddress.data : null,
  });
  // A bounce may come from a daemon without a proper From; it is dropped anyway, so do not refuse it.
  if (!fromAddress.success && !automatic) throw new MalformedMail("5.6.0 The mail has no usable sender address in its From header.");
  const from = fromAddress.success ? fromAddress.data.toLowerCase() : envelope.from.toLowerCase() || "mailer-daemon@unknown.invalid";
  const text = textOf(parsed);
  const givenId = messageId.safeParse(parsed.messageId);
  return {
    envelopeFrom: envelope.from,
    // Not lower-cased: the reply token in support+<token>@… is case-sensitive.
    recipients: [...envelope.to, ...addressesOf(parsed.to), ...addressesOf(parsed.cc)].map((a) => a.trim()),
    from: { address: from, name: fromEntry?.name?.trim() || from },
    subject: parsed.subject?.trim() ?? "",
    text,
    messageId: givenId.success ? givenId.data : derivedMessageId(parsed, from, text),
    inReplyTo: messageIdsIn(parsed.inReplyTo),
    references: messageIdsIn(parsed.references),
    automatic,
    attachments: parsed.attachments
      .filter((a) => a.contentDisposition !== "inline" || !a.related)
      .map((a) => ({ fileName: a.filename?.trim() || "attachment", contentType: a.contentType || "application/octet-stream", content: a.content })),
  };
}
