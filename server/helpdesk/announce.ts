import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

export const TICKET_CHANNEL = "hostdesk_tickets";

export type TicketAnnouncement = { ticketId: string; orgId: string; number: number; kind: "created" | "changed" | "message" };

/**
 * Tells every web process that a ticket changed. NOTIFY inside the transaction is delivered only
 * when it commits, so nobody hears of a change that rolled back. Ids only: listeners load what
 * they may see through the usual access checks.
 */
export async function announceTicket(tx: DbOrTx, announcement: TicketAnnouncement): Promise<void> {
  await tx.execute(sql`select pg_notify(${TICKET_CHANNEL}, ${JSON.stringify(announcement)})`);
}
