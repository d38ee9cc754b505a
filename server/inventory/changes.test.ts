import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, orgs, services, storagePools } from "@/db/schema";
import { callerFor } from "@/server/testing/actors";
import { databaseFingerprint } from "@/server/testing/snapshot";
import { deviceId, vmByName } from "./testing";

async function acmeId() {
  return (await getDb().select().from(orgs).where(eq(orgs.slug, "acme")))[0]!.id;
}
async function poolId(name: string) {
  return (await getDb().select().from(storagePools).where(eq(storagePools.name, name)))[0]!.id;
}

describe("inventory changes", () => {
  it("staff create a VM for Acme: audited, visible to Acme, invisible to Globex", async () => {
    const engineer = await callerFor("engineer@hostdesk.test");
    const vm = await engineer.inventory.createVm({
      orgId: await acmeId(),
      name: "acme-search01",
      role: "search",
      hypervisorId: await deviceId("kvm05"),
      storagePoolId: await poolId("st02-ssd"),
      vcpus: 4,
      memoryMb: 8192,
      diskGb: 50,
    });
    const [event] = await getDb().select().from(auditEvents).where(eq(auditEvents.subjectId, vm.id));
    expect(event).toMatchObject({ action: "vm.created", actorLabel: "engineer@hostdesk.test", orgId: vm.orgId });
    const acme = await callerFor("owner@acme.test");
    expect((await acme.inventory.vms({ search: "search01" })).rows.map((r) => r.name)).toEqual(["acme-search01"]);
    expect(await acme.inventory.vms({})).toMatchObject({ totalIsCapped: false, total: 21 });
    const globex = await callerFor("owner@globex.test");
    expect((await globex.inventory.vms({ search: "search01" })).rows).toEqual([]);
    await expect(globex.inventory.vm({ id: vm.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses nonsense with reasons, changing nothing", async () => {
    const engineer = await callerFor("engineer@hostdesk.test");
    const base = { orgId: await acmeId(), hypervisorId: await deviceId("kvm01"), storagePoolId: await poolId("st02-ssd"), vcpus: 2, memoryMb: 4096, diskGb: 20 };
    const before = await databaseFingerprint();
    await expect(engineer.inventory.createVm({ ...base, name: "acme-huge01", memoryMb: 1024 * 1024 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/kvm01 has [\d.]+ GiB of memory/),
    });
    await expect(engineer.inventory.createVm({ ...base, name: "acme-onrouter01", hypervisorId: await deviceId("rtr1") })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("not a hypervisor"),
    });
    const web01 = await vmByName("acme-web01");
    await expect(engineer.inventory.createVm({ ...base, name: "acme-web09", hypervisorId: web01.hypervisorId, redundancyGroup: "web" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("redundancy group"),
    });
    await expect(engineer.inventory.createVm({ ...base, name: "ACME-WEB01" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(engineer.inventory.createVm({ ...base, name: "acme-maint01", hypervisorId: await deviceId("kvm06") })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("keeps account managers read-only", async () => {
    const am = await callerFor("am@hostdesk.test");
    await expect(am.inventory.retireVm({ id: (await vmByName("acme-web01")).id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(am.inventory.capacity()).resolves.toBeDefined();
  });

  it("retiring a VM retires its services and gives its capacity back", async () => {
    const agent = await callerFor("agent@hostdesk.test");
    const vm = await vmByName("globex-stg-cache01");
    const hostBefore = (await agent.inventory.capacity()).hypervisors.find((h) => h.id === vm.hypervisorId)!;
    await agent.inventory.retireVm({ id: vm.id });
    const live = await getDb().select().from(services).where(eq(services.vmId, vm.id));
    expect(live.every((s) => s.retiredAt !== null)).toBe(true);
    const hostAfter = (await agent.inventory.capacity()).hypervisors.find((h) => h.id === vm.hypervisorId)!;
    expect(hostBefore.usage.allocatedMemoryMb - hostAfter.usage.allocatedMemoryMb).toBe(vm.memoryMb);
  });

  it("will not retire hardware that still carries VMs, nor shrink it below what it gives out", async () => {
    const engineer = await callerFor("engineer@hostdesk.test");
    await expect(engineer.inventory.retireDevice({ id: await deviceId("kvm01") })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^Move or retire the VMs on kvm01 first: /),
    });
    await expect(engineer.inventory.updateDevice({ deviceId: await deviceId("kvm01"), memoryMb: 1024 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const spare = await engineer.inventory.createDevice({ name: "kvm99", kind: "hypervisor", cores: 16, memoryMb: 65536 });
    await expect(engineer.inventory.retireDevice({ id: spare.id })).resolves.toMatchObject({ status: "retired" });
  });

  it("refuses a dependency that would close a cycle", async () => {
    const engineer = await callerFor("engineer@hostdesk.test");
    await expect(
      engineer.inventory.addDependency({ parentKind: "device", parentId: await deviceId("kvm01"), childKind: "device", childId: await deviceId("rtr1") }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("cycle") });
    const edge = await engineer.inventory.addDependency({
      parentKind: "device",
      parentId: await deviceId("sw2"),
      childKind: "device",
      childId: await deviceId("kvm01"),
      redundancyGroup: "uplink",
    });
    await expect(
      engineer.inventory.addDependency({ parentKind: "device", parentId: await deviceId("sw2"), childKind: "device", childId: await deviceId("kvm01") }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await engineer.inventory.removeDependency({ id: edge.id });
  });
});

describe("capacity and placement", () => {
  it("flags the pool above 40 % and shows overcommit per hypervisor", async () => {
    const report = await (await callerFor("agent@hostdesk.test")).inventory.capacity();
    const ssd = report.storagePools.find((p) => p.name === "st01-ssd")!;
    expect(ssd.usage.aboveRestoreLimit).toBe(true);
    expect(report.storagePools.find((p) => p.name === "st01-hdd")!.usage.aboveRestoreLimit).toBe(false);
    expect(report.hypervisors).toHaveLength(6);
    expect(report.hypervisors.every((h) => h.usage.memoryOvercommitted === false)).toBe(true);
    expect(report.backupServers.map((b) => b.name)).toEqual(["bk01", "bk02"]);
  });

  it("suggests the least loaded hypervisors that fit, never the one in maintenance or one holding the group's twin", async () => {
    const agent = await callerFor("agent@hostdesk.test");
    const web01 = await vmByName("acme-web01");
    const suggestion = await agent.inventory.placement({ orgId: await acmeId(), vcpus: 2, memoryMb: 4096, redundancyGroup: "web" });
    const names = suggestion.candidates.map((c) => c.id);
    expect(names).not.toContain(await deviceId("kvm06"));
    expect(names).not.toContain(web01.hypervisorId);
    const shares = suggestion.candidates.map((c) => c.after.memoryShare);
    expect([...shares].sort((a, b) => a - b)).toEqual(shares);
    expect(suggestion.rejected.find((r) => r.name === "kvm06")?.reasons).toContain("in maintenance");
  });
});
