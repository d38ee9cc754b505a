import type { devices, storagePools, vms } from "@/db/schema/inventory";
import { holdsResources, sameRedundancyGroup, type VmStatus } from "./allocation";
import { namesOf, redundancyConflicts } from "./anti-affinity";
import { hypervisorUsage, vcpusLeftUnderPolicy } from "./hypervisor";
import { capacityPolicy } from "./policy";
import { storagePoolUsage } from "./storage-pool";
import { formatGb, formatMemory, formatPercent } from "./units";
import { deviceKindInWords as kindInWords } from "../device-kind-words";

type DeviceRow = typeof devices.$inferSelect;
type StoragePoolRow = typeof storagePools.$inferSelect;
type VmRow = typeof vms.$inferSelect;

/** The VM as it would be after the create or edit. */
export interface VmResourceProposal {
  /** Set when editing: the VM's stored row is then found in the lists below and its old allocation freed. */
  id?: string | null;
  orgId: string;
  vcpus: number;
  memoryMb: number;
  diskGb: number;
  redundancyGroup?: string | null;
  /** Defaults to running; a retired VM holds nothing and so never fails the resource checks. */
  status?: VmStatus;
}

/**
 * Everything the checks need, in the shape of the table rows, so a caller can pass what it
 * selected: the target hypervisor and pool, and every VM row on each of them (the edited VM's own
 * row included; it is recognised by id and not counted twice).
 */
export interface VmResourceContext {
  vm: VmResourceProposal;
  hypervisor: Pick<DeviceRow, "name" | "kind" | "status" | "cores" | "memoryMb">;
  hypervisorVms: readonly Pick<VmRow, "id" | "name" | "orgId" | "vcpus" | "memoryMb" | "status" | "redundancyGroup">[];
  storagePool: Pick<StoragePoolRow, "name" | "capacityGb" | "reservedGb">;
  poolVms: readonly Pick<VmRow, "id" | "diskGb" | "status">[];
}

/** Named like the VM input fields, so a form can show each message next to its field. */
export type VmResourceField = "hypervisorId" | "storagePoolId" | "vcpus" | "memoryMb" | "diskGb" | "redundancyGroup";

export interface VmResourceProblem {
  field: VmResourceField;
  message: string;
}

/**
 * Why a VM cannot be created or changed as proposed; empty when it can.
 *
 * An edit is only refused for a problem it creates or makes worse: a host that is already past a
 * limit (imported data, a policy tightened later) must not block lowering a VM's memory or renaming
 * it. So each load check applies only when the VM asks for more of that resource on that host or
 * pool than it held before, and the maintenance and anti-affinity checks only when it arrives there.
 */
export function validateVmResources(context: VmResourceContext): VmResourceProblem[] {
  if (context.hypervisor.kind !== "hypervisor") {
    return [
      {
        field: "hypervisorId",
        message: `${context.hypervisor.name} is ${kindInWords[context.hypervisor.kind]}, not a hypervisor: choose a hypervisor to run the VM on.`,
      },
      ...storagePoolProblems(context),
    ];
  }
  return [...hypervisorProblems(context), ...storagePoolProblems(context)];
}

function isSelf(vm: VmResourceProposal, row: { id: string }): boolean {
  return vm.id != null && row.id === vm.id;
}

function hypervisorProblems({ vm, hypervisor, hypervisorVms }: VmResourceContext): VmResourceProblem[] {
  const problems: VmResourceProblem[] = [];
  const ownRow = hypervisorVms.find((row) => isSelf(vm, row));
  const arrives = ownRow === undefined;

  if (arrives && hypervisor.status !== "active") {
    problems.push({ field: "hypervisorId", message: `${hypervisor.name} ${statusInWords[hypervisor.status]}: choose an active hypervisor.` });
  }
  if (!holdsResources(vm.status ?? "running")) return problems;

  const others = hypervisorVms.filter((row) => !isSelf(vm, row));
  const held = ownRow && holdsResources(ownRow.status) ? ownRow : { vcpus: 0, memoryMb: 0 };
  // Figures without the VM itself: what it may take is what the others leave.
  const withoutVm = hypervisorUsage(hypervisor, others);

  if (vm.memoryMb > held.memoryMb && vm.memoryMb > withoutVm.freeMemoryMb) {
    const free = withoutVm.freeMemoryMb;
    const action = free > 0 ? `Give it at most ${formatMemory(free)} or choose another hypervisor.` : "Choose another hypervisor.";
    problems.push({
      field: "memoryMb",
      message: `${hypervisor.name} has ${formatMemory(free)} of memory free and memory is never overcommitted; the VM needs ${formatMemory(vm.memoryMb)}. ${action}`,
    });
  }

  const vcpusLeft = vcpusLeftUnderPolicy(withoutVm);
  if (vm.vcpus > held.vcpus && vm.vcpus > vcpusLeft) {
    const action = vcpusLeft > 0 ? `Give it at most ${vcpusLeft} or choose another hypervisor.` : "Choose another hypervisor.";
    problems.push({
      field: "vcpus",
      message:
        `${hypervisor.name} can take ${vcpusLeft} more vCPUs (at most ${capacityPolicy.maxVcpuOvercommit} per core on ` +
        `${hypervisor.cores} cores); the VM needs ${vm.vcpus}. ${action}`,
    });
  }

  const conflicts = redundancyConflicts(vm, others);
  const conflictExisted = ownRow !== undefined && holdsResources(ownRow.status) && sameRedundancyGroup(ownRow.redundancyGroup, vm.redundancyGroup);
  if (conflicts.length > 0 && !conflictExisted) {
    const verb = conflicts.length === 1 ? "runs" : "run";
    problems.push({
      field: "redundancyGroup",
      message:
        `${namesOf(conflicts)} of redundancy group ${vm.redundancyGroup?.trim()} already ${verb} on ${hypervisor.name}, and members of a group ` +
        `must be on different hypervisors so one failure cannot take them all: choose another hypervisor or another redundancy group.`,
    });
  }
  return problems;
}

const statusInWords: Record<DeviceRow["status"], string> = {
  active: "is active",
  maintenance: "is in maintenance",
  failed: "has failed",
  retired: "is retired",
};

function storagePoolProblems({ vm, storagePool, poolVms }: VmResourceContext): VmResourceProblem[] {
  if (!holdsResources(vm.status ?? "running")) return [];
  const ownRow = poolVms.find((row) => isSelf(vm, row));
  const heldGb = ownRow && holdsResources(ownRow.status) ? ownRow.diskGb : 0;
  if (vm.diskGb <= heldGb) return [];

  const otherDisks = poolVms.filter((row) => !isSelf(vm, row) && holdsResources(row.status)).map((row) => row.diskGb);
  const after = storagePoolUsage(storagePool, [...otherDisks, vm.diskGb]);
  if (!after.aboveRestoreLimit) return [];

  // Whole GB the disk may have; the small addend keeps 0.4 × capacity from flooring one below.
  const largestDiskGb = Math.max(0, Math.floor(after.limitGb - (after.usedGb - vm.diskGb) + 1e-9));
  const limitPercent = formatPercent(capacityPolicy.storagePoolMaxUse);
  const action = largestDiskGb > 0 ? `Give the disk at most ${formatGb(largestDiskGb)} or choose another pool.` : "Choose another pool.";
  return [
    {
      field: "storagePoolId",
      message:
        `${storagePool.name} would be ${formatPercent(after.shareUsed)} full, above the ${limitPercent} limit that keeps room ` +
        `to restore a backup next to the running copy. ${action}`,
    },
  ];
}
