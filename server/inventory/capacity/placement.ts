import type { devices } from "@/db/schema/inventory";
import type { VmStatus } from "./allocation";
import { namesOf, redundancyConflicts } from "./anti-affinity";
import { hypervisorUsage, vcpusLeftUnderPolicy, type HypervisorUsage } from "./hypervisor";
import { capacityPolicy } from "./policy";
import { formatMemory } from "./units";

type DeviceStatus = (typeof devices.$inferSelect)["status"];

export interface PlacementRequest {
  vcpus: number;
  memoryMb: number;
  redundancyGroup?: string | null;
  orgId: string;
}

export interface PlacementVm {
  /** Used to name the VM a redundancy conflict is with. */
  name?: string;
  vcpus: number;
  memoryMb: number;
  status: VmStatus;
  redundancyGroup: string | null;
  orgId: string;
}

export interface PlacementHypervisor {
  id: string;
  name: string;
  status: DeviceStatus;
  cores: number;
  memoryMb: number;
  vms: readonly PlacementVm[];
}

export interface PlacementCandidate {
  id: string;
  name: string;
  /** The host's figures with the requested VM added. */
  after: HypervisorUsage;
}

export interface RejectedHypervisor {
  id: string;
  name: string;
  /** Every reason that applies, in plain words, most fundamental first. */
  reasons: string[];
}

export interface PlacementSuggestion {
  /** Hypervisors the VM fits on, best first. */
  candidates: PlacementCandidate[];
  rejected: RejectedHypervisor[];
}

const statusReasons: Record<Exclude<DeviceStatus, "active">, string> = {
  maintenance: "in maintenance",
  failed: "failed",
  retired: "retired",
};

/**
 * Where a new VM can go. Only active hosts are considered, memory is never overcommitted, vCPUs
 * stay within the overcommit policy, and a VM never joins a host already running a member of its
 * own redundancy group (otherwise one host failure takes out the whole group).
 *
 * Ranking spreads load: the lowest memory share after placement first, because memory is the hard
 * limit; then the lowest vCPU ratio; then the name, so the order is stable.
 */
export function suggestPlacement(request: PlacementRequest, hypervisors: readonly PlacementHypervisor[]): PlacementSuggestion {
  const candidates: PlacementCandidate[] = [];
  const rejected: RejectedHypervisor[] = [];
  for (const host of hypervisors) {
    const reasons = rejectionReasons(request, host);
    if (reasons.length > 0) {
      rejected.push({ id: host.id, name: host.name, reasons });
      continue;
    }
    const after = hypervisorUsage(host, [...host.vms, { vcpus: request.vcpus, memoryMb: request.memoryMb, status: "running" }]);
    candidates.push({ id: host.id, name: host.name, after });
  }
  candidates.sort(
    (a, b) =>
      a.after.memoryShare - b.after.memoryShare || a.after.vcpuOvercommit - b.after.vcpuOvercommit || a.name.localeCompare(b.name, "en"),
  );
  return { candidates, rejected };
}

function rejectionReasons(request: PlacementRequest, host: PlacementHypervisor): string[] {
  const reasons: string[] = [];
  if (host.status !== "active") reasons.push(statusReasons[host.status]);

  const before = hypervisorUsage(host, host.vms);
  if (request.memoryMb > before.freeMemoryMb) reasons.push(memoryReason(before, request.memoryMb));
  const vcpusLeft = vcpusLeftUnderPolicy(before);
  if (request.vcpus > vcpusLeft) reasons.push(vcpuReason(before, vcpusLeft, request.vcpus));

  const conflicts = redundancyConflicts(request, host.vms);
  if (conflicts.length > 0) reasons.push(`already runs ${namesOf(conflicts)} of redundancy group ${request.redundancyGroup?.trim()}`);
  return reasons;
}

function memoryReason(before: HypervisorUsage, neededMb: number): string {
  return `not enough memory: ${formatMemory(before.freeMemoryMb)} free, ${formatMemory(neededMb)} needed`;
}

function vcpuReason(before: HypervisorUsage, vcpusLeft: number, needed: number): string {
  return (
    `not enough vCPUs: ${vcpusLeft} left under the limit of ${capacityPolicy.maxVcpuOvercommit} per core ` +
    `(${before.allocatedVcpus} allocated on ${before.physicalCores} cores), ${needed} needed`
  );
}
