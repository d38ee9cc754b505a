import { type DependencyEdge, edgesByChild } from "@/server/inventory/graph";
import { type Structure, structureAvailability, type StructureNode } from "./structure-availability";

/**
 * The availability of one node of the inventory's dependency graph (a VM, a service) from what it
 * needs: the same parent → child edges and redundancy groups the inventory records. A node is up
 * iff it is up itself, each ungrouped parent is up, and in each redundancy group at least one parent
 * is up. Shared dependencies (two switches feeding both hypervisor and storage) are counted once.
 */

export const componentKinds = ["router", "switch", "storage", "hypervisor", "backup", "storage_pool", "vm", "service"] as const;
export type ComponentKind = (typeof componentKinds)[number];

/**
 * Plausible own availabilities per kind, before dependencies: enterprise network gear and storage
 * heads at 99.95 %, a hypervisor host (kernel, firmware, PSU) at 99.9 %, a pool that is only a
 * layout on its storage server at 99.99 %, guest OS and service software at 99.95 % and 99.9 %.
 * Starting points for a conversation, meant to be edited.
 */
export const DEFAULT_KIND_AVAILABILITY: Readonly<Record<ComponentKind, number>> = {
  router: 0.9995,
  switch: 0.9995,
  storage: 0.9995,
  hypervisor: 0.999,
  backup: 0.999,
  storage_pool: 0.9999,
  vm: 0.9995,
  service: 0.999,
};

export type ChainNode = {
  id: string;
  kind: ComponentKind;
  name: string;
  /** This node's own availability, when it differs from its kind's. */
  availability?: number;
};

export type ChainAvailability = {
  availability: number;
  /** False when more than 16 shared parts forced the independence approximation. */
  exact: boolean;
  weakest: { id: string; name: string; kind: ComponentKind; availability: number; gainIfPerfect: number } | null;
};

/** Only the target and what is above it, so a data centre's worth of edges costs one pass to index. */
function structureAbove(targetId: string, nodes: ReadonlyMap<string, ChainNode>, edges: readonly DependencyEdge[], kindAvailability: Readonly<Record<ComponentKind, number>>): Structure {
  const parentsOf = edgesByChild(edges);
  const structure = new Map<string, StructureNode>();
  const pending = [targetId];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (structure.has(id)) continue;
    const node = nodes.get(id);
    if (!node) throw new Error(`The dependency chain names "${id}", which is not among its nodes.`);
    const required: string[] = [];
    const groups = new Map<string, string[]>();
    for (const { parentId, redundancyGroup } of parentsOf.get(id) ?? []) {
      if (redundancyGroup === null) required.push(parentId);
      else if (groups.has(redundancyGroup)) groups.get(redundancyGroup)?.push(parentId);
      else groups.set(redundancyGroup, [parentId]);
      pending.push(parentId);
    }
    structure.set(id, { ownAvailability: node.availability ?? kindAvailability[node.kind], required, groups: [...groups.values()] });
  }
  return structure;
}

export function chainAvailability(
  targetId: string,
  nodes: readonly ChainNode[],
  edges: readonly DependencyEdge[],
  /** Overrides of DEFAULT_KIND_AVAILABILITY for some kinds. */
  kindAvailability: Readonly<Partial<Record<ComponentKind, number>>> = {},
): ChainAvailability {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const result = structureAvailability(targetId, structureAbove(targetId, byId, edges, { ...DEFAULT_KIND_AVAILABILITY, ...kindAvailability }));
  const weakestNode = result.weakest ? byId.get(result.weakest.id) : undefined;
  const weakest =
    result.weakest && weakestNode
      ? { id: weakestNode.id, name: weakestNode.name, kind: weakestNode.kind, availability: result.weakest.ownAvailability, gainIfPerfect: result.weakest.gainIfPerfect }
      : null;
  return { availability: result.availability, exact: result.exact, weakest };
}
