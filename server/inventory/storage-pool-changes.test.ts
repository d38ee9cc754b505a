import { describe, expect, it } from "vitest";
import { callerFor } from "@/server/testing/actors";
import { databaseFingerprint } from "@/server/testing/snapshot";
import { auditTrailOf, deviceId, poolByName } from "./testing";

describe("storage pools", () => {
  it("creates a pool on a storage server and resizes it, each audited", async () => {
    const engineer = await callerFor("engineer@hostdesk.test");
    const pool = await engineer.inventory.createStoragePool({ deviceId: await deviceId("st02"), name: "st02-hdd", capacityGb: 12_000, reservedGb: 100 });
    expect(pool).toMatchObject({ name: "st02-hdd", capacityGb: 12_000, reservedGb: 100 });
    const updated = await engineer.inventory.updateStoragePool({ poolId: pool.id, capacityGb: 14_000 });
    expect(updated).toMatchObject({ name: "st02-hdd", capacityGb: 14_000, reservedGb: 100 });
    const trail = await auditTrailOf(pool.id);
    expect(trail.map((e) => e.action)).toEqual(["storage_pool.created", "storage_pool.updated"]);
    expect(trail[1]).toMatchObject({ subjectType: "storage_pool", before: { capacityGb: 12_000 }, after: { capacityGb: 14_000 } });
    expect((await engineer.inventory.storagePools()).map((p) => p.name)).toContain("st02-hdd");
  });

  it("refuses a pool on anything but a working storage server", async () => {
    const engineer = await callerFor("engineer@hostdesk.test");
    const before = await databaseFingerprint();
    await expect(engineer.inventory.createStoragePool({ deviceId: await deviceId("kvm01"), name: "kvm01-ssd", capacityGb: 100 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "kvm01 is a hypervisor, not a storage server: pools live on storage servers.",
    });
    await expect(engineer.inventory.createStoragePool({ deviceId: crypto.randomUUID(), name: "nowhere", capacityGb: 100 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("refuses more used space than capacity, pools larger than the server's disk, and names taken", async () => {
    const engineer = await callerFor("engineer@hostdesk.test");
    const st01 = await deviceId("st01");
    const ssd = await poolByName("st01-ssd");
    const before = await databaseFingerprint();
    await expect(engineer.inventory.createStoragePool({ deviceId: st01, name: "st01-tmp", capacityGb: 100, reservedGb: 200 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "st01-tmp cannot hold 200 GB (200 GB of other data and 0 GB of VM disks) in 100 GB: raise the capacity or lower the space used.",
    });
    // The VM disks on st01-ssd count as used: shrinking below them is refused.
    await expect(engineer.inventory.updateStoragePool({ poolId: ssd.id, capacityGb: ssd.reservedGb + 1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^st01-ssd cannot hold [\d.]+ GB \(300 GB of other data and [\d.]+ GB of VM disks\) in 301 GB/),
    });
    await expect(engineer.inventory.updateStoragePool({ poolId: ssd.id, reservedGb: ssd.capacityGb })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // st01 has 32,000 GB of disk and its pools take 24,000 GB already.
    await expect(engineer.inventory.createStoragePool({ deviceId: st01, name: "st01-big", capacityGb: 9_000 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("The pools on st01 would add up to 33000 GB, more than its 32000 GB of disk"),
    });
    await expect(engineer.inventory.createStoragePool({ deviceId: st01, name: "st01-hdd", capacityGb: 10 })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(engineer.inventory.createStoragePool({ deviceId: st01, name: "st01-x", capacityGb: -5 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(engineer.inventory.updateStoragePool({ poolId: crypto.randomUUID(), capacityGb: 10 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("keeps the server's disk at least as large as its pools", async () => {
    const engineer = await callerFor("engineer@hostdesk.test");
    await expect(engineer.inventory.updateDevice({ deviceId: await deviceId("st01"), diskGb: 20_000 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "st01's storage pools take 24000 GB; its disk cannot go below that. Shrink its pools first.",
    });
  });

  it("keeps account managers read-only", async () => {
    const am = await callerFor("am@hostdesk.test");
    await expect(am.inventory.createStoragePool({ deviceId: await deviceId("st02"), name: "st02-x", capacityGb: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(am.inventory.updateStoragePool({ poolId: (await poolByName("st02-ssd")).id, capacityGb: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
