import { and, eq, isNull, notInArray } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { contracts, tickets } from "@/db/schema";
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

/** Settles each open ticket's clock under `before` and runs it on under `after`, from `at`. */
async function moveOpenClocks(tx: DbOrTx, orgId: string, at: Date, before: Map<TicketPriority, SlaPolicy>, after: Map<TicketPriority, SlaPolicy>) {
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
  return open.length;
}

/**
 * Runs `change` (a new contract, say) and moves the clocks of the org's open tickets onto the
 * policy in force afterwards: time already spent is settled under the old policy, what remains is
 * counted under the new one. Call it inside the transaction that makes the change.
 */
export async function withDeadlinesRecomputed<T>(tx: DbOrTx, orgId: string, at: Date, change: () => Promise<T>): Promise<T> {
  const before = await policiesOf(tx, orgId, at);
  const result = await change();
  await moveOpenClocks(tx, orgId, at, before, await policiesOf(tx, orgId, at));
  return result;
}

/**
 * Contracts agreed ahead of time take effect on their start day: the worker calls this daily and
 * moves the open tickets of each org whose new version starts `day` onto it, counting the time
 * before midnight under the version that ended.
 */
export async function applyContractsStartingOn(db: Db, day: string, now = new Date()): Promise<number> {
  const starting = await db.selectDistinct({ orgId: contracts.orgId }).from(contracts).where(eq(contracts.startsOn, day));
  const lastMomentBefore = new Date(new Date(`${day}T00:00:00Z`).getTime() - 1);
  let moved = 0;
  for (const { orgId } of starting) {
    moved += await db.transaction(async (tx) => moveOpenClocks(tx, orgId, now, await policiesOf(tx, orgId, lastMomentBefore), await policiesOf(tx, orgId, now)));
  }
  return moved;
}
