import { replyTokenOf, SUPPORT_ADDRESS } from "@/server/helpdesk/mail-addresses";

const [supportLocal, supportDomain] = SUPPORT_ADDRESS.toLowerCase().split("@") as [string, string];

/**
 * Whether we take mail for this address: the support address itself or its per-ticket form
 * support+<token>@domain. Anything else is refused at RCPT, so we are never an open relay.
 */
export function isSupportRecipient(address: string): boolean {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at < 0 || lower.slice(at + 1) !== supportDomain) return false;
  const local = lower.slice(0, at);
  return local === supportLocal || replyTokenOf(address) !== null;
}

/** The first reply token among the recipients (envelope first: the MTA's view is the trustworthy one). */
export function replyTokenAmong(addresses: readonly string[]): string | null {
  for (const address of addresses) {
    if (!isSupportRecipient(address)) continue;
    const token = replyTokenOf(address);
    if (token) return token;
  }
  return null;
}
