import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { dependencies } from "@/db/schema";
import { callerFor } from "@/server/testing/actors";
import { deviceId, serviceId, vmByName } from "./testing";

describe("impact: what fails with a node", () => {
  it("one of two redundant routers failing cuts off nothing", async () => {
    const staff = await callerFor("engineer@hostdesk.test");
    const impact = await staff.inventory.impact({ nodeId: await deviceId("rtr1") });
    expect(impact.affected).toEqual([]);
    expect(impact.customers).toEqual([]);
  });

  it("a switch takes its hosts, their VMs and services, and names the customers hit", async () => {
    const staff = await callerFor("agent@hostdesk.test");
    const impact = await staff.inventory.impact({ nodeId: await deviceId("sw1") });
    const names = impact.affected.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(["kvm01", "kvm02", "kvm03", "st01", "st01-ssd", "st01-hdd"]));
    expect(names).not.toContain("kvm04");
    expect(impact.counts.vms).toBeGreaterThan(10);
    expect(impact.counts.services).toBeGreaterThan(impact.counts.vms);
    expect(impact.customers.map((c) => c.orgName)).toEqual(["Acme", "Globex"]);
    // Every affected VM either runs on a host behind sw1 or stores its disk on st01.
    for (const vm of impact.affected.filter((n) => n.kind === "vm")) {
      const row = await vmByName(vm.name);
      const behind = [await deviceId("kvm01"), await deviceId("kvm02"), await deviceId("kvm03")].includes(row.hypervisorId);
      expect(behind || impact.affected.some((n) => n.id === row.storagePoolId)).toBe(true);
    }
  });

  it("both routers together cut off the whole network", async () => {
    const db = getDb();
    const staff = await callerFor("engineer@hostdesk.test");
    // Model a shared power feed: both routers depend on it, so its failure takes both.
    const feed = await deviceId("bk02");
    await db.insert(dependencies).values([
      { parentKind: "device", parentId: feed, childKind: "device", childId: await deviceId("rtr1") },
      { parentKind: "device", parentId: feed, childKind: "device", childId: await deviceId("rtr2") },
    ]);
    const impact = await staff.inventory.impact({ nodeId: feed });
    const names = impact.affected.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(["rtr1", "rtr2", "sw1", "sw2", "kvm01", "kvm05", "bk01"]));
    expect(impact.counts.services).toBeGreaterThanOrEqual(90);
  });

  it("lists what goes down a page at a time, and sums the customers over all of it", async () => {
    const staff = await callerFor("engineer@hostdesk.test");
    const feed = await deviceId("bk02");
    await getDb().insert(dependencies).values([
      { parentKind: "device", parentId: feed, childKind: "device", childId: await deviceId("rtr1") },
      { parentKind: "device", parentId: feed, childKind: "device", childId: await deviceId("rtr2") },
    ]).onConflictDoNothing();
    const first = await staff.inventory.impact({ nodeId: feed });
    const second = await staff.inventory.impact({ nodeId: feed, page: 2 });
    expect(first.counts.total).toBeGreaterThan(first.pageSize);
    expect(first.affected).toHaveLength(first.pageSize);
    expect(second.affected.length).toBe(Math.min(first.pageSize, first.counts.total - first.pageSize));
    const firstIds = new Set(first.affected.map((n) => n.id));
    expect(second.affected.some((n) => firstIds.has(n.id))).toBe(false);
    // Hardware first, then pools, VMs and services, each by name.
    const kinds = [...first.affected, ...second.affected].map((n) => n.kind);
    expect(kinds.indexOf("device")).toBe(0);
    expect(kinds.lastIndexOf("device")).toBeLessThan(kinds.indexOf("vm"));
    expect(first.customers.reduce((n, c) => n + c.vmCount, 0)).toBe(first.counts.vms);
    expect(first.customers.reduce((n, c) => n + c.serviceCount, 0)).toBe(first.counts.services);
    for (const customer of first.customers) expect(customer.vmNames.length).toBe(Math.min(customer.vmCount, 8));
  });

  it("draws a small outcome: the node, what fails with it, and the edges between them", async () => {
    const staff = await callerFor("engineer@hostdesk.test");
    const impact = await staff.inventory.impact({ nodeId: await deviceId("kvm01") });
    expect(impact.picture).not.toBeNull();
    const drawn = new Set(impact.picture!.nodes.map((n) => n.id));
    expect(drawn.has(impact.node.id)).toBe(true);
    expect(drawn.size).toBe(impact.counts.total + 1);
    for (const edge of impact.picture!.edges) expect(drawn.has(edge.parentId) && drawn.has(edge.childId)).toBe(true);
  });

  it("is for staff only", async () => {
    const customer = await callerFor("owner@acme.test");
    await expect(customer.inventory.impact({ nodeId: await deviceId("kvm01") })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("chain: what a service depends on", () => {
  it("tells a customer in plain words what their service runs on", async () => {
    const customer = await callerFor("owner@acme.test");
    const vm = await vmByName("acme-web01");
    const chain = await customer.inventory.chain({ nodeId: await serviceId("acme-web01", "nginx") });
    const hypervisor = (await getDb().query.devices.findFirst({ where: (d, { eq }) => eq(d.id, vm.hypervisorId) }))!.name;
    expect(chain.description).toBe(
      `nginx runs on acme-web01, which runs on hypervisor ${hypervisor}, stored on ${chain.description?.includes("st01") ? "st01" : "st02"}, reached through rtr1 and rtr2 (either one is enough).`,
    );
    expect(Object.values(chain.nodes).map((n) => n.name)).toEqual(expect.arrayContaining(["rtr1", "rtr2", hypervisor]));
  });

  it("answers NOT_FOUND for another org's service and for bare hardware", async () => {
    const customer = await callerFor("owner@globex.test");
    await expect(customer.inventory.chain({ nodeId: await serviceId("acme-web01", "nginx") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(customer.inventory.chain({ nodeId: await deviceId("kvm01") })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
