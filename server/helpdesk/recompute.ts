import { and, eq, isNull, notInArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { tickets } from "@/db/schema";
import { ticketPriorities, type TicketPriority } from "@/server/contracts/terms";
import { moveClock } from "./clock";
import { clockColumns, clockStateOf, policyForOrg } from "./clock-store";
import type { SlaPolicy } from "./policy";
import { doneStatuses } from "./statuses";

async function policiesOf(tx: DbOrTx, orgId: string, at: Date): Promise<Map<TicketPriority, SlaPolicy>> {
  const entries = [];
  for (const priority of ticketPriorities) entries.push([priority, await policyForOrg(tx, orgId, priority, at)] as const);
  return new Map(entries);
}

/**
 * Runs `change` (a new contract, say) and moves the clocks of the org's open tickets onto the
 * policy in force afterwards: time already spent is settled under the old policy, what remains is
 * counted under the new one. Call it inside the transaction that makes the change.
 */
export async function withDeadlinesRecomputed<T>(tx: DbOrTx, orgId: string, at: Date, change: () => Promise<T>): Promise<T> {
  const before = await policiesOf(tx, orgId, at);
  const result = await change();
  const after = await policiesOf(tx, orgId, at);
  const open = await tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.orgId, orgId), notInArray(tickets.status, [...doneStatuses]), isNull(tickets.mergedIntoId)))
    .orderBy(tickets.id)
    .for("update");
  for (const ticket of open) {
    const policy = after.get(ticket.priority)!;
    const clock = moveClock(clockStateOf(ticket), ticket.status, at, before.get(ticket.priority)!, policy);
    await tx.update(tickets).set(clockColumns(clock, policy)).where(eq(tickets.id, ticket.id));
  }
  return result;
}
