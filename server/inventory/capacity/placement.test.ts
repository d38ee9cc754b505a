import { describe, expect, it } from "vitest";
import { suggestPlacement, type PlacementHypervisor, type PlacementVm } from "./placement";

const GiB = 1024;
const acme = "org-acme";
const globex = "org-globex";

function vm(overrides: Partial<PlacementVm> = {}): PlacementVm {
  return { name: "vm", vcpus: 2, memoryMb: 4 * GiB, status: "running", redundancyGroup: null, orgId: acme, ...overrides };
}

function host(name: string, overrides: Partial<PlacementHypervisor> = {}): PlacementHypervisor {
  return { id: `id-${name}`, name, status: "active", cores: 16, memoryMb: 64 * GiB, vms: [], ...overrides };
}

const request = { vcpus: 4, memoryMb: 16 * GiB, orgId: acme };

describe("suggestPlacement", () => {
  it("ranks the hosts the VM fits on by memory share after placement, least loaded first", () => {
    const result = suggestPlacement(request, [
      host("hv-a", { vms: [vm({ memoryMb: 32 * GiB })] }),
      host("hv-b", { vms: [vm({ memoryMb: 12 * GiB })] }),
      host("hv-c", { memoryMb: 128 * GiB, vms: [vm({ memoryMb: 32 * GiB })] }),
    ]);
    expect(result.candidates.map((c) => c.name)).toEqual(["hv-c", "hv-b", "hv-a"]);
    expect(result.rejected).toEqual([]);
    const best = result.candidates[0]!;
    expect(best.id).toBe("id-hv-c");
    expect(best.after.allocatedMemoryMb).toBe(48 * GiB);
    expect(best.after.memoryShare).toBe(0.375);
    expect(best.after.allocatedVcpus).toBe(6);
  });

  it("breaks a tie in memory by the vCPU ratio, then by name", () => {
    const result = suggestPlacement(request, [
      host("hv-z", { vms: [vm({ vcpus: 2 })] }),
      host("hv-y", { vms: [vm({ vcpus: 12 })] }),
      host("hv-x", { vms: [vm({ vcpus: 2 })] }),
    ]);
    expect(result.candidates.map((c) => c.name)).toEqual(["hv-x", "hv-z", "hv-y"]);
  });

  it("leaves out hosts in maintenance, failed or retired, and says why", () => {
    const result = suggestPlacement(request, [
      host("hv-a"),
      host("hv-b", { status: "maintenance" }),
      host("hv-c", { status: "failed" }),
      host("hv-d", { status: "retired" }),
    ]);
    expect(result.candidates.map((c) => c.name)).toEqual(["hv-a"]);
    expect(result.rejected).toEqual([
      { id: "id-hv-b", name: "hv-b", reasons: ["in maintenance"] },
      { id: "id-hv-c", name: "hv-c", reasons: ["failed"] },
      { id: "id-hv-d", name: "hv-d", reasons: ["retired"] },
    ]);
  });

  it("accepts an exact memory fit and refuses one MiB more, naming free and needed memory", () => {
    const hosts = [host("hv-a", { vms: [vm({ memoryMb: 48 * GiB })] })];
    const exact = suggestPlacement(request, hosts);
    expect(exact.candidates.map((c) => c.after.memoryShare)).toEqual([1]);

    const tooBig = suggestPlacement({ ...request, memoryMb: 16 * GiB + 1 }, hosts);
    expect(tooBig.candidates).toEqual([]);
    expect(tooBig.rejected[0]!.reasons).toEqual(["not enough memory: 16 GiB free, 16385 MiB needed"]);
  });

  it("words the memory reason in GiB", () => {
    const result = suggestPlacement(request, [host("hv-a", { vms: [vm({ memoryMb: 52 * GiB })] })]);
    expect(result.rejected[0]!.reasons).toEqual(["not enough memory: 12 GiB free, 16 GiB needed"]);
  });

  it("counts stopped VMs as allocated but not retired ones", () => {
    const result = suggestPlacement(request, [
      host("hv-stopped", { vms: [vm({ memoryMb: 60 * GiB, status: "stopped" })] }),
      host("hv-retired", { vms: [vm({ memoryMb: 60 * GiB, status: "retired" })] }),
    ]);
    expect(result.candidates.map((c) => c.name)).toEqual(["hv-retired"]);
    expect(result.rejected.map((r) => r.name)).toEqual(["hv-stopped"]);
  });

  it("keeps vCPU overcommit within the policy: reaching it is fine, passing it is not", () => {
    const atLimit = suggestPlacement(request, [host("hv-a", { cores: 4, vms: [vm({ vcpus: 12 })] })]);
    expect(atLimit.candidates[0]!.after.vcpuOvercommit).toBe(4);

    const pastLimit = suggestPlacement(request, [host("hv-a", { cores: 4, vms: [vm({ vcpus: 14 })] })]);
    expect(pastLimit.rejected[0]!.reasons).toEqual(["not enough vCPUs: 2 left under the limit of 4 per core (14 allocated on 4 cores), 4 needed"]);
  });

  it("never puts two members of one redundancy group of one org on the same host", () => {
    const result = suggestPlacement({ ...request, redundancyGroup: "web" }, [
      host("hv-a", { vms: [vm({ name: "web-a", redundancyGroup: "web" })] }),
      host("hv-b", { vms: [vm({ name: "db-a", redundancyGroup: "db" })] }),
    ]);
    expect(result.candidates.map((c) => c.name)).toEqual(["hv-b"]);
    expect(result.rejected).toEqual([{ id: "id-hv-a", name: "hv-a", reasons: ["already runs web-a of redundancy group web"] }]);
  });

  it("names every member of the group already on the host", () => {
    const result = suggestPlacement({ ...request, redundancyGroup: "web" }, [
      host("hv-a", { vms: [vm({ name: "web-a", redundancyGroup: "web" }), vm({ name: "web-b", redundancyGroup: "Web" })] }),
    ]);
    expect(result.rejected[0]!.reasons).toEqual(["already runs web-a, web-b of redundancy group web"]);
  });

  it("ignores groups of other orgs, retired members and VMs without a group", () => {
    const result = suggestPlacement({ ...request, redundancyGroup: "web" }, [
      host("hv-a", { vms: [vm({ name: "web-a", redundancyGroup: "web", orgId: globex })] }),
      host("hv-b", { vms: [vm({ name: "web-old", redundancyGroup: "web", status: "retired" })] }),
    ]);
    // hv-b comes first: its retired VM holds no memory any more.
    expect(result.candidates.map((c) => c.name)).toEqual(["hv-b", "hv-a"]);

    const ungrouped = suggestPlacement(request, [host("hv-a", { vms: [vm({ redundancyGroup: null })] })]);
    expect(ungrouped.candidates).toHaveLength(1);
  });

  it("gives every reason that applies to a host", () => {
    const result = suggestPlacement({ ...request, redundancyGroup: "web" }, [
      host("hv-a", { status: "maintenance", vms: [vm({ name: "web-a", redundancyGroup: "web", memoryMb: 60 * GiB })] }),
    ]);
    expect(result.rejected[0]!.reasons).toEqual([
      "in maintenance",
      "not enough memory: 4 GiB free, 16 GiB needed",
      "already runs web-a of redundancy group web",
    ]);
  });
});
