import { findCycle, type DependencyEdge } from "@/server/inventory/graph";
import type { InventoryDocument } from "./format";
import { naturalKeys, storedNodeNameById, type InventoryState } from "./inventory-state";
import type { ImportPlan } from "./plan";

const edge = (parentId: string, childId: string, redundancyGroup: string | null = null): DependencyEdge => ({ parentId, childId, redundancyGroup });

/**
 * Every edge of the graph as it would be after the import. Built from the stored rows overlaid with
 * the planned writes rather than read from the `dependency_edges` view, because the import can move
 * implied edges too (a VM to another hypervisor, a VM retired); the rules mirror the view's:
 * explicit edges, and the column edges of pools, of VMs that are not retired and of services that
 * are not retired.
 */
export function graphAfterImport(state: InventoryState, plan: ImportPlan): DependencyEdge[] {
  const { writes } = plan;
  const edges: DependencyEdge[] = [];

  for (const stored of state.dependencies) edges.push(edge(stored.parentId, stored.childId, stored.redundancyGroup));
  for (const written of writes.dependencies) {
    // Updating a stored edge only changes its group; its ends are in the list already.
    if (!state.byKey.dependencies.has(naturalKeys.dependency(written.parentId, written.childId))) {
      edges.push(edge(written.parentId, written.childId, written.redundancyGroup));
    }
  }

  const pools = new Map(state.pools.map((pool) => [pool.id, pool.deviceId]));
  for (const pool of writes.pools) pools.set(pool.id, pool.deviceId);
  for (const [poolId, deviceId] of pools) edges.push(edge(deviceId, poolId));

  const vms = new Map(state.vms.map((vm) => [vm.id, vm]));
  for (const vm of writes.vms) vms.set(vm.id, vm);
  for (const vm of vms.values()) {
    if (vm.status === "retired") continue;
    edges.push(edge(vm.hypervisorId, vm.id), edge(vm.storagePoolId, vm.id));
  }

  const retiredWithVm = new Set(plan.newlyRetiredVmIds);
  const services = new Map(state.services.map((service) => [service.id, { vmId: service.vmId, retired: service.retiredAt !== null }]));
  for (const service of writes.services) services.set(service.id, { vmId: service.vmId, retired: false });
  for (const [serviceId, service] of services) {
    if (!service.retired && !retiredWithVm.has(service.vmId)) edges.push(edge(service.vmId, serviceId));
  }
  return edges;
}

/**
 * The first cycle the import would create, as a problem at the document row that closes it, or
 * null. A cycle makes each node on it a cause of its own failure, so impact analysis would be wrong.
 */
export function cycleProblem(document: InventoryDocument, state: InventoryState, plan: ImportPlan): { path: string; message: string } | null {
  const cycle = findCycle(graphAfterImport(state, plan));
  if (!cycle) return null;

  const { resolver } = plan;
  const nameOf = (id: string) => resolver.nodeNames.get(id) ?? storedNodeNameById(state, id) ?? id;
  const names = [...cycle, cycle[0]!].map(nameOf);
  const message =
    `this would close a dependency cycle: ${names.join(" → ")} (each needs the one before it, so each would be a cause of its own failure). ` +
    `Remove one of these links.`;

  const pairs = cycle.map((parentId, i) => ({ parentId, childId: cycle[(i + 1) % cycle.length]! }));
  const newPairs = pairs.filter((pair) => !wasStoredEdge(state, pair.parentId, pair.childId));
  // Point at the row that adds an edge the database did not have: that edge closes the cycle.
  // Failing that (a stored cycle), at any row of the document on it.
  const path = documentRowOf(document, plan, newPairs) ?? documentRowOf(document, plan, pairs);
  if (path) return { path, message };
  // Only stored edges: the database held the cycle before this import.
  return { path: "dependencies", message };
}

/** Whether the edge existed before the import, explicit or implied by a stored row. */
function wasStoredEdge(state: InventoryState, parentId: string, childId: string): boolean {
  const vm = state.byId.vms.get(childId);
  return (
    state.byKey.dependencies.has(naturalKeys.dependency(parentId, childId)) ||
    (vm !== undefined && vm.status !== "retired" && (vm.hypervisorId === parentId || vm.storagePoolId === parentId)) ||
    state.byId.pools.get(childId)?.deviceId === parentId ||
    state.byId.services.get(childId)?.vmId === parentId
  );
}

/** The JSON path of the first document row that makes one of these edges; explicit dependencies first. */
function documentRowOf(document: InventoryDocument, plan: ImportPlan, pairs: { parentId: string; childId: string }[]): string | null {
  const { resolver } = plan;
  const wanted = new Set(pairs.map((pair) => naturalKeys.dependency(pair.parentId, pair.childId)));
  const makes = (parentId: string | undefined, childId: string | undefined) =>
    parentId !== undefined && childId !== undefined && wanted.has(naturalKeys.dependency(parentId, childId));

  for (const [i, dependency] of document.dependencies.entries()) {
    const parent = resolver.node(dependency.parent);
    const child = resolver.node(dependency.child);
    if ("id" in parent && "id" in child && makes(parent.id, child.id)) return `dependencies[${i}]`;
  }
  for (const [i, vm] of document.vms.entries()) {
    const vmId = resolver.ids.vms[i];
    if (makes(resolver.device(vm.hypervisor)?.id, vmId)) return `vms[${i}].hypervisor`;
    if (makes(resolver.poolId(vm.storagePool.device, vm.storagePool.name), vmId)) return `vms[${i}].storagePool`;
  }
  for (const [i, pool] of document.storagePools.entries()) {
    if (makes(resolver.device(pool.device)?.id, resolver.ids.pools[i])) return `storagePools[${i}].device`;
  }
  for (const [i, service] of document.services.entries()) {
    if (makes(resolver.vm(service.vm)?.id, resolver.ids.services[i])) return `services[${i}].vm`;
  }
  return null;
}
