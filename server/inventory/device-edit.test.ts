import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { racks } from "@/db/schema";
import { callerFor } from "@/server/testing/actors";
import { databaseFingerprint } from "@/server/testing/snapshot";
import { auditTrailOf, deviceId } from "./testing";

async function rackId(name: string) {
  return (await getDb().select().from(racks).where(eq(racks.name, name)))[0]!.id;
}

describe("one device", () => {
  it("shows where a hypervisor stands and the VMs it runs", async () => {
    const device = await (await callerFor("agent@hostdesk.test")).inventory.device({ id: await deviceId("kvm01") });
    expect(device).toMatchObject({ name: "kvm01", kind: "hypervisor", siteName: "FRA1", rackName: "A01", rackUnit: 10, rackUnits: 42, storagePools: [] });
    expect(device.vms.length).toBeGreaterThan(0);
    expect(device.vms.every((vm) => vm.status !== "retired")).toBe(true);
  });

  it("shows a storage server's pools with their use", async () => {
    const device = await (await callerFor("am@hostdesk.test")).inventory.device({ id: await deviceId("st01") });
    expect(device.storagePools.map((p) => p.name)).toEqual(["st01-hdd", "st01-ssd"]);
    expect(device.storagePools.find((p) => p.name === "st01-ssd")!.usage.aboveRestoreLimit).toBe(true);
  });

  it("answers NOT_FOUND for an unknown id", async () => {
    await expect((await callerFor("agent@hostdesk.test")).inventory.device({ id: crypto.randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("editing a device", () => {
  it("puts a hypervisor into maintenance and back, changing nothing else, audited", async () => {
    const engineer = await callerFor("engineer@hostdesk.test");
    const id = await deviceId("kvm02");
    const before = await engineer.inventory.device({ id });
    await engineer.inventory.updateDevice({ deviceId: id, status: "maintenance" });
    const after = await engineer.inventory.device({ id });
    expect(after).toEqual({ ...before, status: "maintenance" });
    const [event] = (await auditTrailOf(id)).filter((e) => e.action === "device.updated");
    expect(event).toMatchObject({ actorLabel: "engineer@hostdesk.test", before: { status: "active" }, after: { status: "maintenance", memoryMb: before.memoryMb } });
  });

  it("moves a device to free rack units and refuses taken or missing ones", async () => {
    const engineer = await callerFor("engineer@hostdesk.test");
    const kvm01 = await deviceId("kvm01");
    const fingerprint = await databaseFingerprint();
    await expect(engineer.inventory.updateDevice({ deviceId: kvm01, rackUnit: 11 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "U11 of rack A01 already hold kvm02: choose free units for kvm01.",
    });
    await expect(engineer.inventory.updateDevice({ deviceId: kvm01, rackUnit: 42, heightUnits: 2 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("rack A01 has 42 units: choose U41 or lower"),
    });
    await expect(engineer.inventory.updateDevice({ deviceId: kvm01, rackId: null, rackUnit: 5 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Choose the rack kvm01 stands in"),
    });
    await expect(engineer.inventory.createDevice({ name: "kvm98", kind: "hypervisor", rackId: await rackId("A01"), rackUnit: 31 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "U30–U33 of rack A01 already hold st01: choose free units for kvm98.",
    });
    expect(await databaseFingerprint()).toEqual(fingerprint);

    const moved = await engineer.inventory.updateDevice({ deviceId: kvm01, rackId: await rackId("B01"), rackUnit: 5 });
    expect(moved).toMatchObject({ rackUnit: 5, heightUnits: 1, memoryMb: 256 * 1024 });
    expect((await engineer.inventory.device({ id: kvm01 })).rackName).toBe("B01");
  });

  it("refuses retiring through an edit, which would skip the check for VMs still on it", async () => {
    const engineer = await callerFor("engineer@hostdesk.test");
    await expect(engineer.inventory.updateDevice({ deviceId: await deviceId("kvm03"), status: "retired" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Retire kvm03 with its Retire button"),
    });
  });
});
