import { eq, getTableColumns } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { tickets } from "@/db/schema";
import { hasStaffRole, type Actor } from "@/server/auth/actor";
import { forbidden, notFound } from "@/server/errors";

/** Who works tickets (admins too): agents at the first level, engineers once escalated. */
export const deskRoles = ["agent", "engineer"] as const;
export const isDeskStaff = (actor: Actor) => actor.isStaff && hasStaffRole(actor, deskRoles);

export function requireDeskStaff(actor: Actor): void {
  if (!isDeskStaff(actor)) throw forbidden("Only support staff can do that.");
}

/**
 * Every column of a ticket but its search vectors. Those hold every word of the thread (tens of
 * kilobytes on a long one, stored out of line) and only the search reads them, inside Postgres:
 * fetching them made opening a 500-message ticket cost a detoast and a transfer of them all.
 */
const { search: _search, publicSearch: _publicSearch, messageWords: _messageWords, publicMessageWords: _publicMessageWords, ...ticketColumns } = getTableColumns(tickets);
export const ticketRowColumns = ticketColumns;
export type TicketRow = Omit<typeof tickets.$inferSelect, "search" | "publicSearch" | "messageWords" | "publicMessageWords">;

/** Desk staff see every ticket, customers their orgs' tickets. */
export const canSeeTicket = (actor: Actor, ticket: Pick<TicketRow, "orgId">) => isDeskStaff(actor) || actor.customerOrgIds.includes(ticket.orgId);

/**
 * A ticket the actor may see (canSeeTicket). Anything else answers NOT_FOUND, as a missing ticket
 * would. `lock` takes the row for update.
 */
export async function ticketFor(db: DbOrTx, actor: Actor, ticketId: string, lock = false): Promise<TicketRow> {
  const query = db.select(ticketRowColumns).from(tickets).where(eq(tickets.id, ticketId));
  const [row] = lock ? await query.for("update") : await query;
  if (!row || !canSeeTicket(actor, row)) throw notFound("That ticket");
  return row;
}
