import { describe, expect, it } from "vitest";
import { hypervisorUsage, vcpusLeftUnderPolicy } from "./hypervisor";
import { capacityPolicy } from "./policy";

const GiB = 1024;
const host = { cores: 16, memoryMb: 64 * GiB };

describe("hypervisorUsage", () => {
  it("counts running, stopped and failed VMs but not retired ones", () => {
    const usage = hypervisorUsage(host, [
      { vcpus: 8, memoryMb: 16 * GiB, status: "running" },
      { vcpus: 16, memoryMb: 32 * GiB, status: "stopped" },
      { vcpus: 4, memoryMb: 8 * GiB, status: "failed" },
      { vcpus: 32, memoryMb: 64 * GiB, status: "retired" },
    ]);
    expect(usage).toEqual({
      physicalCores: 16,
      physicalMemoryMb: 64 * GiB,
      allocatedVcpus: 28,
      allocatedMemoryMb: 56 * GiB,
      freeMemoryMb: 8 * GiB,
      vcpuOvercommit: 1.75,
      memoryShare: 0.875,
      memoryOvercommitted: false,
      vcpuOvercommitAbovePolicy: false,
    });
  });

  it("allows memory allocated exactly to the last MiB and flags one MiB more", () => {
    const full = hypervisorUsage(host, [{ vcpus: 1, memoryMb: 64 * GiB, status: "running" }]);
    expect(full.memoryShare).toBe(1);
    expect(full.memoryOvercommitted).toBe(false);
    expect(full.freeMemoryMb).toBe(0);

    const over = hypervisorUsage(host, [{ vcpus: 1, memoryMb: 64 * GiB + 1, status: "provisioning" }]);
    expect(over.memoryOvercommitted).toBe(true);
    expect(over.freeMemoryMb).toBe(0);
  });

  it("allows vCPU overcommit up to the policy ratio and flags beyond it", () => {
    expect(capacityPolicy.maxVcpuOvercommit).toBe(4);
    const atPolicy = hypervisorUsage(host, [{ vcpus: 64, memoryMb: GiB, status: "running" }]);
    expect(atPolicy.vcpuOvercommit).toBe(4);
    expect(atPolicy.vcpuOvercommitAbovePolicy).toBe(false);
    expect(vcpusLeftUnderPolicy(atPolicy)).toBe(0);

    const abovePolicy = hypervisorUsage(host, [{ vcpus: 65, memoryMb: GiB, status: "running" }]);
    expect(abovePolicy.vcpuOvercommit).toBeCloseTo(4.0625);
    expect(abovePolicy.vcpuOvercommitAbovePolicy).toBe(true);
    expect(vcpusLeftUnderPolicy(abovePolicy)).toBe(0);
  });

  it("treats a host without cores or memory as full rather than dividing by zero", () => {
    const empty = hypervisorUsage({ cores: 0, memoryMb: 0 }, []);
    expect(empty.vcpuOvercommit).toBe(0);
    expect(empty.memoryShare).toBe(0);

    const loaded = hypervisorUsage({ cores: 0, memoryMb: 0 }, [{ vcpus: 1, memoryMb: 1, status: "running" }]);
    expect(loaded.vcpuOvercommit).toBe(Number.POSITIVE_INFINITY);
    expect(loaded.vcpuOvercommitAbovePolicy).toBe(true);
    expect(loaded.memoryOvercommitted).toBe(true);
  });
});
