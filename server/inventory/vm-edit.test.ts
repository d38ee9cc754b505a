import { describe, expect, it } from "vitest";
import { callerFor } from "@/server/testing/actors";
import { databaseFingerprint } from "@/server/testing/snapshot";
import { auditTrailOf, deviceId, poolByName, serviceId, vmByName } from "./testing";

describe("editing a VM", () => {
  it("moves a VM to another hypervisor and pool and renames it, audited", async () => {
    const engineer = await callerFor("engineer@hostdesk.test");
    const vm = await vmByName("acme-stg-web01");
    const target = await deviceId(vm.hypervisorId === (await deviceId("kvm05")) ? "kvm04" : "kvm05");
    const pool = await poolByName("st01-hdd");
    await engineer.inventory.updateVm({
      vmId: vm.id,
      name: "acme-stg-web11",
      hypervisorId: target,
      storagePoolId: pool.id,
      addresses: ["10.20.7.10", "2001:db8::7"],
      environment: "staging",
      role: "web",
      status: "stopped",
      redundancyGroup: null,
    });
    const after = await engineer.inventory.vm({ id: vm.id });
    expect(after).toMatchObject({ name: "acme-stg-web11", hypervisorId: target, storagePoolId: pool.id, addresses: ["10.20.7.10", "2001:db8::7"], status: "stopped" });
    const [event] = await auditTrailOf(vm.id);
    expect(event).toMatchObject({ action: "vm.updated", orgId: vm.orgId, before: { name: vm.name, hypervisorId: vm.hypervisorId }, after: { hypervisorId: target } });
  });

  it("refuses a move the hardware cannot carry, an address that is not one, and retiring through an edit", async () => {
    const engineer = await callerFor("engineer@hostdesk.test");
    const db01 = await vmByName("acme-db01");
    const before = await databaseFingerprint();
    await expect(engineer.inventory.updateVm({ vmId: db01.id, hypervisorId: await deviceId("sw1") })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("sw1 is a switch, not a hypervisor"),
    });
    await expect(engineer.inventory.updateVm({ vmId: db01.id, memoryMb: 4 * 1024 * 1024 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/GiB of memory free and memory is never overcommitted/),
    });
    await expect(engineer.inventory.updateVm({ vmId: db01.id, addresses: ["10.0.0.300"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Addresses are IP addresses"),
    });
    await expect(engineer.inventory.updateVm({ vmId: db01.id, status: "retired" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("with Retire VM"),
    });
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe("editing a service", () => {
  it("changes only what is given, audited", async () => {
    const agent = await callerFor("agent@hostdesk.test");
    const id = await serviceId("acme-web01", "nginx");
    const vm = await vmByName("acme-web01");
    const before = (await agent.inventory.vm({ id: vm.id })).services.find((s) => s.id === id)!;
    await agent.inventory.updateService({ serviceId: id, ports: [80, 443, 8443] });
    await agent.inventory.updateService({ serviceId: id, name: "nginx-edge" });
    const after = (await agent.inventory.vm({ id: vm.id })).services.find((s) => s.id === id)!;
    expect(after).toMatchObject({ name: "nginx-edge", kind: before.kind, ports: [80, 443, 8443] });
    expect((await auditTrailOf(id)).map((e) => e.action)).toEqual(["service.updated", "service.updated"]);
  });

  it("refuses ports that are not ports, with a reason", async () => {
    const agent = await callerFor("agent@hostdesk.test");
    const id = await serviceId("acme-web02", "nginx");
    const before = await databaseFingerprint();
    await expect(agent.inventory.updateService({ serviceId: id, ports: [70_000] })).rejects.toMatchObject({ message: expect.stringContaining("from 1 to 65535") });
    await expect(agent.inventory.updateService({ serviceId: id, ports: [Number.NaN] })).rejects.toMatchObject({ message: expect.stringContaining("separated by commas") });
    await expect(agent.inventory.updateService({ serviceId: id, ports: [80, 80] })).rejects.toMatchObject({ message: expect.stringContaining("each port once") });
    expect(await databaseFingerprint()).toEqual(before);
  });
});
