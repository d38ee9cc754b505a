import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { canSeeOrg, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/errors";
import { ancestorIds, dependencyChain, describeServiceChain, type DependencyEdge } from "./graph";
import { edgesAbove } from "./graph-queries";
import { resolveNodes, type InventoryNode } from "./nodes";
import { nodeIdInput } from "./schemas";

function summarise(node: InventoryNode, edges: DependencyEdge[], nodes: Map<string, InventoryNode>): string {
  const parentsOf = (id: string) => edges.filter((e) => e.childId === id).map((e) => nodes.get(e.parentId)).filter((n): n is InventoryNode => Boolean(n));
  const vm = node.kind === "service" ? parentsOf(node.id).find((n) => n.kind === "vm") : node;
  if (!vm) return `${node.name} has no recorded dependencies.`;
  const vmParents = parentsOf(vm.id);
  const hypervisor = vmParents.find((n) => n.kind === "device" && n.detail === "hypervisor");
  const pool = vmParents.find((n) => n.kind === "storage_pool");
  const storageServer = pool ? parentsOf(pool.id).find((n) => n.detail === "storage") : undefined;
  const routerEdges = edges.filter((e) => nodes.get(e.parentId)?.detail === "router");
  const routers = [...new Set(routerEdges.map((e) => e.parentId))].map((id) => nodes.get(id)!).sort((a, b) => a.name.localeCompare(b.name));
  return describeServiceChain({
    service: node.kind === "service" ? { name: node.name.split(" / ").at(-1) ?? node.name } : undefined,
    vm: { name: vm.name.split(" / ")[0] ?? vm.name },
    hypervisor,
    storage: storageServer ?? pool,
    network: routers,
    redundantNetwork: routerEdges.length > 0 && routerEdges.every((e) => e.redundancyGroup !== null),
  });
}

/**
 * What a node needs to run, up to the routers, as a tree, a picture and one plain sentence.
 * Customers may ask about their own VMs and services; the hardware names in the answer are part of
 * what their service level depends on, so they are shown.
 */
export async function chainOf(db: DbOrTx, actor: Actor, input: z.input<typeof nodeIdInput>) {
  const { nodeId } = nodeIdInput.parse(input);
  const [node] = (await resolveNodes(db, [nodeId])).values();
  const visible = node && (actor.isStaff || (node.orgId !== null && canSeeOrg(actor, node.orgId)));
  if (!node || !visible) throw notFound("That inventory item");
  const edges = await edgesAbove(db, nodeId);
  const nodes = await resolveNodes(db, [nodeId, ...ancestorIds(nodeId, edges)]);
  return {
    node,
    chain: dependencyChain(nodeId, edges),
    nodes: Object.fromEntries(nodes),
    edges,
    description: node.kind === "vm" || node.kind === "service" ? summarise(node, edges, nodes) : null,
  };
}
