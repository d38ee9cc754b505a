import { describe, expect, it } from "vitest";
import type { DependencyEdge } from "@/server/inventory/graph";
import { type ChainNode, chainAvailability, DEFAULT_KIND_AVAILABILITY } from "./chain-availability";

const edge = (parentId: string, childId: string, redundancyGroup: string | null = null): DependencyEdge => ({ parentId, childId, redundancyGroup });
const node = (id: string, kind: ChainNode["kind"], availability?: number): ChainNode => ({ id, kind, name: id.toUpperCase(), availability });

/**
 *   rtr1 ─┐ (uplink)        ┌─ kvm01 ─┐
 *   rtr2 ─┴─ sw1 ───────────┤         ├─ web01 ─ shop
 *                           └─ st01 ─ pool1 ─┘
 * sw1 (and the routers above it) reach web01 along two paths: through kvm01 and through the storage.
 */
const nodes = [
  node("rtr1", "router"),
  node("rtr2", "router"),
  node("sw1", "switch"),
  node("kvm01", "hypervisor"),
  node("st01", "storage"),
  node("pool1", "storage_pool"),
  node("web01", "vm"),
  node("shop", "service"),
];
const edges = [
  edge("rtr1", "sw1", "uplink"),
  edge("rtr2", "sw1", "uplink"),
  edge("sw1", "kvm01"),
  edge("sw1", "st01"),
  edge("st01", "pool1"),
  edge("kvm01", "web01"),
  edge("pool1", "web01"),
  edge("web01", "shop"),
];

describe("chainAvailability", () => {
  it("counts the shared switch and routers once", () => {
    const k = DEFAULT_KIND_AVAILABILITY;
    const network = k.switch * (1 - (1 - k.router) ** 2);
    const expected = network * k.hypervisor * k.storage * k.storage_pool * k.vm * k.service;
    const result = chainAvailability("shop", nodes, edges);
    expect(result.availability).toBeCloseTo(expected, 15);
    expect(result.exact).toBe(true);
  });

  it("names the weakest part and uses per-node and per-kind figures", () => {
    expect(chainAvailability("shop", nodes, edges).weakest).toMatchObject({ id: "kvm01", name: "KVM01", kind: "hypervisor" });
    const withBadSwitch = nodes.map((n) => (n.id === "sw1" ? { ...n, availability: 0.99 } : n));
    expect(chainAvailability("shop", withBadSwitch, edges).weakest?.id).toBe("sw1");
    expect(chainAvailability("pool1", nodes, edges, { storage: 0.9 }).weakest?.id).toBe("st01");
  });

  it("only looks above the target", () => {
    expect(chainAvailability("rtr1", nodes, edges).availability).toBe(DEFAULT_KIND_AVAILABILITY.router);
  });

  it("refuses unknown nodes and cycles", () => {
    expect(() => chainAvailability("shop", nodes.slice(1), edges)).toThrow(/rtr1/);
    expect(() => chainAvailability("shop", nodes, [...edges, edge("shop", "rtr1")])).toThrow(/cycle/);
  });
});
