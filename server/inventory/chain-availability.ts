import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { requireStaff, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/errors";
import { chainAvailability, componentKinds, DEFAULT_KIND_AVAILABILITY, type ChainNode, type ComponentKind } from "@/server/sla/chain-availability";
import { availabilitySchema } from "@/server/sla/schemas";
import { ancestorIds } from "./graph";
import { edgesAbove } from "./graph-queries";
import { resolveNodes, type InventoryNode } from "./nodes";

export const chainAvailabilityOfNodeInput = z.object({
  nodeId: z.uuid(),
  /** Per-kind figures the account manager edited; the rest keep their defaults. */
  kindAvailability: z.partialRecord(z.enum(componentKinds), availabilitySchema).default({}),
});

/** Hardware is judged by what it is (a router, a hypervisor); everything else by its node kind. */
function componentKindOf(node: InventoryNode): ComponentKind {
  if (node.kind !== "device") return node.kind;
  const kind = componentKinds.find((k) => k === node.detail);
  if (!kind) throw new Error(`device ${node.id} has an unknown kind ${node.detail}`);
  return kind;
}

/**
 * What a VM's or service's dependency chain can deliver: its edges up to the routers, each part at
 * its kind's availability, redundancy groups as parallel parts, shared parts counted once. Staff
 * only: the chain names the provider's hardware.
 */
export async function availabilityOfChain(db: DbOrTx, actor: Actor, input: z.input<typeof chainAvailabilityOfNodeInput>) {
  requireStaff(actor);
  const { nodeId, kindAvailability } = chainAvailabilityOfNodeInput.parse(input);
  const edges = await edgesAbove(db, nodeId);
  const nodes = await resolveNodes(db, [nodeId, ...ancestorIds(nodeId, edges)]);
  const target = nodes.get(nodeId);
  if (!target) throw notFound("That inventory item");
  const parts: ChainNode[] = [...nodes.values()].map((node) => ({ id: node.id, kind: componentKindOf(node), name: node.name }));
  const figures = { ...DEFAULT_KIND_AVAILABILITY, ...kindAvailability };
  const result = chainAvailability(nodeId, parts, edges, figures);
  return {
    target,
    ...result,
    figures,
    parts: parts.map((part) => ({ ...part, availability: figures[part.kind] })),
    edges: edges.map((e) => ({ parentId: e.parentId, childId: e.childId, redundancyGroup: e.redundancyGroup })),
  };
}
