/**
 * The addresses and ids of Hostdesk's mail. SUPPORT_ADDRESS is where customers write; each ticket's
 * replies go to support+<reply token>@<domain>, so a reply threads by its address even when the
 * customer's mail program drops the References header.
 */
export const SUPPORT_ADDRESS = process.env.HOSTDESK_SUPPORT_ADDRESS ?? "support@hostdesk.test";

const [localPart, domain] = SUPPORT_ADDRESS.split("@") as [string, string];
export const MAIL_DOMAIN = domain;

export const replyAddressFor = (replyToken: string) => `${localPart}+${replyToken}@${domain}`;

/** The token in an address like support+<token>@domain, or null. */
export function replyTokenOf(address: string): string | null {
  const match = new RegExp(`^${localPart.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\+([A-Za-z0-9_-]{16,64})@`, "i").exec(address.trim());
  return match?.[1] ?? null;
}

/** The Message-ID every mail of a ticket refers back to, and the id of one message's mail. */
export const ticketThreadId = (ticketId: string) => `<ticket-${ticketId}@${domain}>`;
export const messageMailId = (messageId: string) => `<message-${messageId}@${domain}>`;
/** The ticket id in one of our own Message-IDs (ticket or message), if it is one. */
export function ticketIdInThreadId(messageId: string): string | null {
  const match = new RegExp(`<ticket-([0-9a-f-]{36})@${domain.replace(/\./g, "\\.")}>`, "i").exec(messageId);
  return match?.[1] ?? null;
}
