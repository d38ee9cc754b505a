import { MAIL_DOMAIN } from "@/server/helpdesk/mail-addresses";

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const escapedDomain = MAIL_DOMAIN.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/**
 * Every Message-ID Hostdesk writes (notifications.ts): `<ticket-ID@…>` roots the thread,
 * `<message-ID@…>` is one message's mail, `<ack-ID@…>`, `<status-ID-ms@…>` and the staff notices
 * carry the ticket's id. Anchored on our domain so nobody else's ids are mistaken for ours.
 */
const ownId = new RegExp(`^<(ticket|message|ack|status|assigned|escalated|near_breach)-(${uuid})(?:-\\d+)?@${escapedDomain}>$`, "i");

export type ThreadHint = { ticketId: string } | { messageId: string };

/** What one of our own Message-IDs points at, or null for anybody else's id. */
export function threadHintOf(messageId: string): ThreadHint | null {
  const match = ownId.exec(messageId.trim());
  if (!match) return null;
  const [, kind, id] = match as unknown as [string, string, string];
  return kind.toLowerCase() === "message" ? { messageId: id.toLowerCase() } : { ticketId: id.toLowerCase() };
}

export const isOwnMessageId = (messageId: string) => threadHintOf(messageId) !== null;

/** The `<…>` ids in In-Reply-To and References headers, however they were folded or listed. */
export function messageIdsIn(...headers: (string | string[] | undefined | null)[]): string[] {
  const ids: string[] = [];
  for (const header of headers.flat()) {
    if (!header) continue;
    for (const match of header.matchAll(/<[^<>\s]+>/g)) ids.push(match[0]);
  }
  return ids;
}

/**
 * Our ids a reply refers to, nearest first: In-Reply-To names the mail answered, References lists
 * the thread from its root, so the last reference is the closest one.
 */
export function threadHintsOf(inReplyTo: string[], references: string[]): ThreadHint[] {
  const ordered = [...inReplyTo, ...[...references].reverse()];
  const hints: ThreadHint[] = [];
  for (const id of ordered) {
    const hint = threadHintOf(id);
    if (hint) hints.push(hint);
  }
  return hints;
}
