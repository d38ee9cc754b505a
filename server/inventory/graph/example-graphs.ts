import type { DependencyEdge } from "./edges";

// Shared by this folder's tests only; not part of the public API (index.ts does not export it).

/** Shorthand for an edge in a test graph: `edge("rtr1", "sw1", "uplink")`. */
export function edge(parentId: string, childId: string, redundancyGroup: string | null = null): DependencyEdge {
  return { parentId, childId, redundancyGroup };
}

/**
 * A small rack as the model describes it:
 *
 *   rtr1 ─┐ (uplink)
 *   rtr2 ─┴─ sw1 ─┬─ kvm01 ─ web01 ─ shop
 *                 └─ kvm02 ─ db01 ─ postgres
 *   st01 ─ pool1 ─┬─ web01
 *                 └─ db01
 */
export function smallRack(): DependencyEdge[] {
  return [
    edge("rtr1", "sw1", "uplink"),
    edge("rtr2", "sw1", "uplink"),
    edge("sw1", "kvm01"),
    edge("sw1", "kvm02"),
    edge("st01", "pool1"),
    edge("kvm01", "web01"),
    edge("pool1", "web01"),
    edge("kvm02", "db01"),
    edge("pool1", "db01"),
    edge("web01", "shop"),
    edge("db01", "postgres"),
  ];
}
