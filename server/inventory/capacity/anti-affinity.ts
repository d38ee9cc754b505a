import { holdsResources, sameRedundancyGroup, type VmStatus } from "./allocation";

export interface GroupedVm {
  name?: string;
  orgId: string;
  status: VmStatus;
  redundancyGroup: string | null;
}

/**
 * The VMs on a host that a new member of `redundancyGroup` must not join: same org, same group,
 * not retired. Groups are per org: two customers may both call their pair "web".
 */
export function redundancyConflicts<Vm extends GroupedVm>(
  request: { orgId: string; redundancyGroup?: string | null },
  vmsOnHost: readonly Vm[],
): Vm[] {
  return vmsOnHost.filter(
    (vm) => holdsResources(vm.status) && vm.orgId === request.orgId && sameRedundancyGroup(vm.redundancyGroup, request.redundancyGroup),
  );
}

/** "web-a" or "web-a, web-b"; a VM passed without a name is "a VM" rather than a blank. */
export function namesOf(vms: readonly GroupedVm[]): string {
  return vms.map((vm) => vm.name ?? "a VM").join(", ");
}
