import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { requireStaff, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/errors";
import { nodesCutOffBy } from "./graph";
import { edgesIntoDescendants } from "./graph-queries";
import { resolveNodes, type InventoryNode } from "./nodes";
import { nodeIdInput } from "./schemas";

export type AffectedCustomer = { orgId: string; orgName: string; vms: string[]; services: string[] };

export const AFFECTED_LIST_LIMIT = 500;
export const PICTURE_LIMIT = 400;

const kindOrder: Record<InventoryNode["kind"], number> = { device: 0, storage_pool: 1, vm: 2, service: 3 };

/**
 * What fails with a node: every transitive dependent cut off when it goes down, honouring
 * redundancy groups (one of two routers failing cuts off nothing), and the customers hit. Staff only:
 * it spans every customer.
 */
export async function impactOf(db: DbOrTx, actor: Actor, input: z.input<typeof nodeIdInput>) {
  requireStaff(actor);
  const { nodeId } = nodeIdInput.parse(input);
  const edges = await edgesIntoDescendants(db, nodeId);
  const cutOff = nodesCutOffBy([nodeId], edges);
  const kinds = new Map(edges.map((e) => [e.childId, e.childKind]));
  const nodes = await resolveNodes(db, [nodeId, ...cutOff], kinds);
  const node = nodes.get(nodeId);
  if (!node) throw notFound("That inventory item");

  const affected = [...cutOff].map((id) => nodes.get(id)).filter((n): n is InventoryNode => Boolean(n));
  affected.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.name.localeCompare(b.name));
  const customers = new Map<string, AffectedCustomer>();
  for (const n of affected) {
    if (!n.orgId || !n.orgName) continue;
    const entry = customers.get(n.orgId) ?? { orgId: n.orgId, orgName: n.orgName, vms: [], services: [] };
    (n.kind === "vm" ? entry.vms : entry.services).push(n.name);
    customers.set(n.orgId, entry);
  }
  const inPicture = new Set([nodeId, ...cutOff]);
  return {
    node,
    /** Everything cut off, up to a page-sized list; the counts and customers always cover all of it. */
    affected: affected.slice(0, AFFECTED_LIST_LIMIT),
    counts: {
      devices: affected.filter((n) => n.kind === "device").length,
      storagePools: affected.filter((n) => n.kind === "storage_pool").length,
      vms: affected.filter((n) => n.kind === "vm").length,
      services: affected.filter((n) => n.kind === "service").length,
      total: affected.length,
    },
    customers: [...customers.values()].sort((a, b) => a.orgName.localeCompare(b.orgName)),
    /** The edges among the node and what fails with it, for the picture; left out when too many to draw. */
    edges: inPicture.size <= PICTURE_LIMIT ? edges.filter((e) => inPicture.has(e.parentId) && inPicture.has(e.childId)) : [],
  };
}
