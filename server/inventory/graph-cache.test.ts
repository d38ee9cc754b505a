import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { dependencies, devices, orgs, services, storagePools, vms } from "@/db/schema";
import { callerFor } from "@/server/testing/actors";
import { currentGeneration, rememberGraphAnswer } from "./graph-cache";
import { deviceId, poolByName, serviceId, vmByName } from "./testing";

describe("the generation of the data-centre graph", () => {
  it("moves on with a write to any table the graph is read from", async () => {
    const db = getDb();
    const vm = await vmByName("acme-web01");
    const pool = await poolByName("st01-ssd");
    const writes = [
      () => db.update(devices).set({ memoryMb: sql`${devices.memoryMb}` }).where(eq(devices.id, vm.hypervisorId)),
      () => db.update(storagePools).set({ name: pool.name }).where(eq(storagePools.id, pool.id)),
      () => db.update(vms).set({ memoryMb: vm.memoryMb }).where(eq(vms.id, vm.id)),
      async () => db.update(services).set({ ports: [443] }).where(eq(services.id, await serviceId("acme-web01", "nginx"))),
      async () => db.delete(dependencies).where(eq(dependencies.childId, await deviceId("rtr1"))),
      () => db.update(orgs).set({ name: sql`${orgs.name}` }).where(eq(orgs.slug, "acme")),
    ];
    for (const write of writes) {
      const before = await currentGeneration(db);
      await write();
      expect(await currentGeneration(db)).toBeGreaterThan(before);
    }
  });

  it("does not move for a write that rolls back, and never hands out a generation twice", async () => {
    const db = getDb();
    const before = await currentGeneration(db);
    let seenInside = 0;
    await expect(
      db.transaction(async (tx) => {
        await tx.update(vms).set({ memoryMb: sql`${vms.memoryMb}` }).where(eq(vms.name, "acme-web01"));
        seenInside = await currentGeneration(tx);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(seenInside).toBeGreaterThan(before);
    expect(await currentGeneration(db)).toBe(before);
    await db.update(vms).set({ memoryMb: sql`${vms.memoryMb}` }).where(eq(vms.name, "acme-web01"));
    expect(await currentGeneration(db)).toBeGreaterThan(seenInside);
  });
});

describe("answers remembered until the graph changes", () => {
  it("computes once for concurrent and repeated requests, and again after a write", async () => {
    const db = getDb();
    let computed = 0;
    const compute = async () => ++computed;
    const answers = await Promise.all([1, 2, 3].map(() => rememberGraphAnswer(db, "test:count", compute)));
    expect(answers).toEqual([1, 1, 1]);
    expect(await rememberGraphAnswer(db, "test:count", compute)).toBe(1);
    await db.update(vms).set({ memoryMb: sql`${vms.memoryMb}` }).where(eq(vms.name, "acme-web01"));
    expect(await rememberGraphAnswer(db, "test:count", compute)).toBe(2);
  });

  it("does not remember a failure", async () => {
    const db = getDb();
    let attempts = 0;
    const flaky = async () => {
      attempts += 1;
      if (attempts === 1) throw new Error("first try fails");
      return "second try";
    };
    await expect(rememberGraphAnswer(db, "test:flaky", flaky)).rejects.toThrow("first try fails");
    expect(await rememberGraphAnswer(db, "test:flaky", flaky)).toBe("second try");
  });

  it("an impact follows a VM that moves to another hypervisor", async () => {
    const staff = await callerFor("engineer@hostdesk.test");
    const vm = await vmByName("acme-web01");
    const from = vm.hypervisorId;
    const to = (await getDb().select({ id: devices.id }).from(devices).where(sql`${devices.kind} = 'hypervisor' and ${devices.id} <> ${from}`).limit(1))[0]!.id;
    const names = async (nodeId: string) => (await staff.inventory.impact({ nodeId })).affected.map((n) => n.name);
    expect(await names(from)).toContain("acme-web01");
    expect(await names(to)).not.toContain("acme-web01");
    await getDb().update(vms).set({ hypervisorId: to }).where(eq(vms.id, vm.id));
    expect(await names(from)).not.toContain("acme-web01");
    expect(await names(to)).toContain("acme-web01");
  });
});
