import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { orgs, tickets } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { notFound } from "@/server/errors";
import { requireDeskStaff } from "./access";

export const ticketNumberInput = z.object({ number: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

/**
 * A ticket by its number: what staff say on the phone and see in mail subjects ("[#123]"), so desk
 * URLs and "merge into #123" use it. Desk staff only: numbers are sequential, and a customer
 * walking them must not learn that other orgs' tickets exist (the portal addresses tickets by id).
 */
export async function findTicketByNumber(db: DbOrTx, actor: Actor, input: z.input<typeof ticketNumberInput>) {
  requireDeskStaff(actor);
  const { number } = ticketNumberInput.parse(input);
  const [row] = await db
    .select({ id: tickets.id, number: tickets.number, subject: tickets.subject, orgId: tickets.orgId, orgName: orgs.name, status: tickets.status, mergedIntoId: tickets.mergedIntoId })
    .from(tickets)
    .innerJoin(orgs, eq(orgs.id, tickets.orgId))
    .where(eq(tickets.number, number));
  if (!row) throw notFound(`Ticket #${number}`);
  return row;
}
