import { holdsResources, type VmStatus } from "./allocation";
import { capacityPolicy } from "./policy";
import { isAboveLimit, shareOf } from "./ratio";

export interface HypervisorHost {
  cores: number;
  memoryMb: number;
}

export interface HypervisorVmLoad {
  vcpus: number;
  memoryMb: number;
  status: VmStatus;
}

export interface HypervisorUsage {
  physicalCores: number;
  physicalMemoryMb: number;
  allocatedVcpus: number;
  allocatedMemoryMb: number;
  /** Physical memory not yet promised to a VM; never negative, even on an overcommitted host. */
  freeMemoryMb: number;
  /** Allocated vCPUs per physical core. */
  vcpuOvercommit: number;
  /** Allocated memory / physical memory; above 1 means overcommitted. */
  memoryShare: number;
  /** Memory is never overcommitted on this platform: a VM must get all the memory it was sold. */
  memoryOvercommitted: boolean;
  vcpuOvercommitAbovePolicy: boolean;
}

/** What the VMs on a hypervisor have been promised, against what the hardware has. */
export function hypervisorUsage(host: HypervisorHost, vms: readonly HypervisorVmLoad[]): HypervisorUsage {
  let allocatedVcpus = 0;
  let allocatedMemoryMb = 0;
  for (const vm of vms) {
    if (!holdsResources(vm.status)) continue;
    allocatedVcpus += vm.vcpus;
    allocatedMemoryMb += vm.memoryMb;
  }
  const vcpuOvercommit = shareOf(allocatedVcpus, host.cores);
  const memoryShare = shareOf(allocatedMemoryMb, host.memoryMb);
  return {
    physicalCores: host.cores,
    physicalMemoryMb: host.memoryMb,
    allocatedVcpus,
    allocatedMemoryMb,
    freeMemoryMb: Math.max(0, host.memoryMb - allocatedMemoryMb),
    vcpuOvercommit,
    memoryShare,
    // Integer comparison: memory in MiB is exact, no tolerance needed.
    memoryOvercommitted: allocatedMemoryMb > host.memoryMb,
    vcpuOvercommitAbovePolicy: isAboveLimit(vcpuOvercommit, capacityPolicy.maxVcpuOvercommit),
  };
}

/** vCPUs that can still be allocated before the host passes the overcommit policy. */
export function vcpusLeftUnderPolicy(usage: HypervisorUsage): number {
  return Math.max(0, usage.physicalCores * capacityPolicy.maxVcpuOvercommit - usage.allocatedVcpus);
}
