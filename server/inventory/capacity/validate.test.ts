import { describe, expect, it } from "vitest";
import type { devices, storagePools, vms } from "@/db/schema/inventory";
import { validateVmResources, type VmResourceContext, type VmResourceProposal } from "./validate";

const GiB = 1024;
const acme = "org-acme";

type DeviceRow = typeof devices.$inferSelect;
type VmRow = typeof vms.$inferSelect;
type StoragePoolRow = typeof storagePools.$inferSelect;

// Whole rows as a select returns them, so the test also proves callers can pass rows unchanged.
function deviceRow(overrides: Partial<DeviceRow> = {}): DeviceRow {
  return {
    id: "hv-1-id",
    name: "hv-1",
    kind: "hypervisor",
    status: "active",
    rackId: null,
    rackUnit: null,
    heightUnits: 1,
    cores: 16,
    memoryMb: 64 * GiB,
    diskGb: 0,
    managementAddress: null,
    createdAt: new Date("2025-01-01T00:00:00Z"),
    ...overrides,
  };
}

function vmRow(overrides: Partial<VmRow> = {}): VmRow {
  return {
    id: "vm-id",
    orgId: acme,
    name: "vm",
    environment: "production",
    role: "app",
    hypervisorId: "hv-1-id",
    storagePoolId: "pool-a-id",
    vcpus: 2,
    memoryMb: 4 * GiB,
    diskGb: 50,
    addresses: [],
    status: "running",
    redundancyGroup: null,
    driver: "local",
    sshHost: null,
    sshPort: null,
    sshUser: null,
    sshHostKey: null,
    createdAt: new Date("2025-01-01T00:00:00Z"),
    ...overrides,
  };
}

function poolRow(overrides: Partial<StoragePoolRow> = {}): StoragePoolRow {
  return { id: "pool-a-id", deviceId: "st-1-id", name: "pool-a", capacityGb: 1000, reservedGb: 100, ...overrides };
}

function context(vm: Partial<VmResourceProposal>, rest: Partial<Omit<VmResourceContext, "vm">> = {}): VmResourceContext {
  return {
    vm: { orgId: acme, vcpus: 4, memoryMb: 16 * GiB, diskGb: 100, ...vm },
    hypervisor: deviceRow(),
    hypervisorVms: [],
    storagePool: poolRow(),
    poolVms: [],
    ...rest,
  };
}

describe("validateVmResources", () => {
  it("accepts a new VM that fits", () => {
    expect(validateVmResources(context({}, { hypervisorVms: [vmRow({ id: "other", memoryMb: 48 * GiB })] }))).toEqual([]);
  });

  it("refuses a device that is not a hypervisor", () => {
    const problems = validateVmResources(context({}, { hypervisor: deviceRow({ name: "sw-1", kind: "switch" }) }));
    expect(problems).toEqual([{ field: "hypervisorId", message: "sw-1 is a switch, not a hypervisor: choose a hypervisor to run the VM on." }]);
    const storage = validateVmResources(context({}, { hypervisor: deviceRow({ name: "st-1", kind: "storage" }) }));
    expect(storage[0]!.message).toBe("st-1 is a storage server, not a hypervisor: choose a hypervisor to run the VM on.");
  });

  it("refuses more memory than the hypervisor has left and says how much it could have", () => {
    const problems = validateVmResources(context({}, { hypervisorVms: [vmRow({ id: "other", memoryMb: 52 * GiB })] }));
    expect(problems).toEqual([
      {
        field: "memoryMb",
        message:
          "hv-1 has 12 GiB of memory free and memory is never overcommitted; the VM needs 16 GiB. Give it at most 12 GiB or choose another hypervisor.",
      },
    ]);
  });

  it("accepts an exact memory fit", () => {
    expect(validateVmResources(context({}, { hypervisorVms: [vmRow({ id: "other", memoryMb: 48 * GiB })] }))).toEqual([]);
    const full = validateVmResources(context({}, { hypervisorVms: [vmRow({ id: "other", memoryMb: 64 * GiB })] }));
    expect(full[0]!.message).toMatch(/has 0 GiB of memory free .* Choose another hypervisor\.$/);
  });

  it("frees the VM's own allocation when it is edited in place", () => {
    const hypervisorVms = [vmRow({ id: "other", memoryMb: 16 * GiB }), vmRow({ id: "self", memoryMb: 40 * GiB })];
    expect(validateVmResources(context({ id: "self", memoryMb: 48 * GiB }, { hypervisorVms }))).toEqual([]);

    const tooMuch = validateVmResources(context({ id: "self", memoryMb: 48 * GiB + 1 }, { hypervisorVms }));
    expect(tooMuch.map((p) => p.field)).toEqual(["memoryMb"]);
    expect(tooMuch[0]!.message).toContain("hv-1 has 48 GiB of memory free");

    // Without its id the same VM would be counted twice.
    expect(validateVmResources(context({ memoryMb: 48 * GiB }, { hypervisorVms })).map((p) => p.field)).toEqual(["memoryMb"]);
  });

  it("does not block an edit that asks for no more than the VM already held on an overcommitted host", () => {
    const hypervisorVms = [vmRow({ id: "other", memoryMb: 60 * GiB }), vmRow({ id: "self", memoryMb: 16 * GiB })];
    expect(validateVmResources(context({ id: "self", memoryMb: 8 * GiB }, { hypervisorVms }))).toEqual([]);
    expect(validateVmResources(context({ id: "self", memoryMb: 17 * GiB }, { hypervisorVms })).map((p) => p.field)).toEqual(["memoryMb"]);
  });

  it("refuses vCPUs beyond the overcommit policy", () => {
    const problems = validateVmResources(context({ vcpus: 8 }, { hypervisor: deviceRow({ cores: 4 }), hypervisorVms: [vmRow({ id: "other", vcpus: 10 })] }));
    expect(problems).toEqual([
      {
        field: "vcpus",
        message: "hv-1 can take 6 more vCPUs (at most 4 per core on 4 cores); the VM needs 8. Give it at most 6 or choose another hypervisor.",
      },
    ]);
  });

  it("refuses a new or moving VM on a hypervisor that is not active, but lets a VM already there be edited", () => {
    const maintenance = deviceRow({ name: "hv-3", status: "maintenance" });
    expect(validateVmResources(context({}, { hypervisor: maintenance }))).toEqual([
      { field: "hypervisorId", message: "hv-3 is in maintenance: choose an active hypervisor." },
    ]);
    expect(validateVmResources(context({ id: "self" }, { hypervisor: deviceRow({ status: "failed" }) }))[0]!.message).toBe(
      "hv-1 has failed: choose an active hypervisor.",
    );
    expect(validateVmResources(context({ id: "self" }, { hypervisor: maintenance, hypervisorVms: [vmRow({ id: "self" })] }))).toEqual([]);
  });

  it("refuses a disk that would take the pool above 40 % and says how large it may be", () => {
    const poolVms = [vmRow({ id: "other", diskGb: 200 })];
    expect(validateVmResources(context({ diskGb: 100 }, { poolVms }))).toEqual([]);
    expect(validateVmResources(context({ diskGb: 101 }, { poolVms }))).toEqual([
      {
        field: "storagePoolId",
        message:
          "pool-a would be 40.1 % full, above the 40 % limit that keeps room to restore a backup next to the running copy. " +
          "Give the disk at most 100 GB or choose another pool.",
      },
    ]);
    const full = validateVmResources(context({ diskGb: 10 }, { poolVms: [vmRow({ id: "other", diskGb: 300 })] }));
    expect(full[0]!.message).toMatch(/Choose another pool\.$/);
  });

  it("frees the VM's own disk when it is edited and lets a disk shrink in a pool already above the limit", () => {
    const poolVms = [vmRow({ id: "other", diskGb: 200 }), vmRow({ id: "self", diskGb: 80 })];
    expect(validateVmResources(context({ id: "self", diskGb: 100 }, { poolVms }))).toEqual([]);
    expect(validateVmResources(context({ id: "self", diskGb: 101 }, { poolVms })).map((p) => p.field)).toEqual(["storagePoolId"]);

    const overfull = [vmRow({ id: "other", diskGb: 400 }), vmRow({ id: "self", diskGb: 80 })];
    expect(validateVmResources(context({ id: "self", diskGb: 60 }, { poolVms: overfull }))).toEqual([]);
    // Retired VMs' disks are not counted.
    expect(validateVmResources(context({ diskGb: 100 }, { poolVms: [vmRow({ id: "old", diskGb: 500, status: "retired" })] }))).toEqual([]);
  });

  it("refuses joining a hypervisor that runs a member of the same redundancy group", () => {
    const hypervisorVms = [vmRow({ id: "web-a-id", name: "web-a", redundancyGroup: "web" })];
    expect(validateVmResources(context({ redundancyGroup: "web" }, { hypervisorVms }))).toEqual([
      {
        field: "redundancyGroup",
        message:
          "web-a of redundancy group web already runs on hv-1, and members of a group must be on different hypervisors " +
          "so one failure cannot take them all: choose another hypervisor or another redundancy group.",
      },
    ]);
    expect(validateVmResources(context({ redundancyGroup: "web", orgId: "org-globex" }, { hypervisorVms }))).toEqual([]);
    expect(validateVmResources(context({ redundancyGroup: "db" }, { hypervisorVms }))).toEqual([]);
  });

  it("refuses an edit that moves a VM into a group already on its host, but not one that leaves an old conflict as it was", () => {
    const hypervisorVms = [
      vmRow({ id: "web-a-id", name: "web-a", redundancyGroup: "web" }),
      vmRow({ id: "self", name: "web-b", redundancyGroup: null }),
    ];
    expect(validateVmResources(context({ id: "self", redundancyGroup: "web" }, { hypervisorVms })).map((p) => p.field)).toEqual([
      "redundancyGroup",
    ]);

    const alreadyConflicting = [vmRow({ id: "web-a-id", name: "web-a", redundancyGroup: "web" }), vmRow({ id: "self", name: "web-b", redundancyGroup: "web" })];
    expect(validateVmResources(context({ id: "self", redundancyGroup: "web", memoryMb: 4 * GiB }, { hypervisorVms: alreadyConflicting }))).toEqual([]);
  });

  it("checks nothing about load for a VM being retired", () => {
    const crowded = [vmRow({ id: "other", memoryMb: 64 * GiB, vcpus: 64, redundancyGroup: "web" })];
    expect(validateVmResources(context({ status: "retired", redundancyGroup: "web" }, { hypervisorVms: crowded }))).toEqual([]);
  });

  it("reports every problem at once, each against its field", () => {
    const problems = validateVmResources(
      context(
        { vcpus: 8, memoryMb: 32 * GiB, diskGb: 500, redundancyGroup: "web" },
        {
          hypervisor: deviceRow({ cores: 4, status: "maintenance" }),
          hypervisorVms: [vmRow({ id: "web-a-id", name: "web-a", redundancyGroup: "web", vcpus: 12, memoryMb: 40 * GiB })],
        },
      ),
    );
    expect(problems.map((p) => p.field)).toEqual(["hypervisorId", "memoryMb", "vcpus", "redundancyGroup", "storagePoolId"]);
  });
});
