import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { services, ticketLinks, vms } from "@/db/schema";
import { badRequest } from "@/server/errors";

/**
 * Links a ticket to VMs and services of its own org. An id of another org's node is refused in
 * the same words as a missing one, so the answer reveals nothing about other customers.
 */
export async function linkNodes(tx: DbOrTx, ticketId: string, orgId: string, nodeIds: readonly string[]): Promise<void> {
  if (nodeIds.length === 0) return;
  const wanted = [...new Set(nodeIds)];
  // One after the other: a transaction's connection runs one statement at a time anyway.
  const vmRows = await tx.select({ id: vms.id }).from(vms).where(and(inArray(vms.id, wanted), eq(vms.orgId, orgId)));
  const serviceRows = await tx.select({ id: services.id }).from(services).where(and(inArray(services.id, wanted), eq(services.orgId, orgId)));
  const kinds = new Map([...vmRows.map((r) => [r.id, "vm" as const] as const), ...serviceRows.map((r) => [r.id, "service" as const] as const)]);
  if (kinds.size !== wanted.length) throw badRequest("Pick servers and services of the ticket's organisation only.");
  await tx
    .insert(ticketLinks)
    .values(wanted.map((nodeId) => ({ ticketId, nodeId, nodeKind: kinds.get(nodeId)! })))
    .onConflictDoNothing();
}
