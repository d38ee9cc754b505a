import { describe, expect, it } from "vitest";
import { findCycle, wouldCreateCycle } from "./cycles";
import type { DependencyEdge } from "./edges";
import { edge, smallRack } from "./example-graphs";

/** A cycle is valid when each id is the parent of the next and the last is the parent of the first. */
function isCycleIn(cycle: string[], edges: DependencyEdge[]): boolean {
  return cycle.every((parentId, i) => {
    const childId = cycle[(i + 1) % cycle.length];
    return edges.some((e) => e.parentId === parentId && e.childId === childId);
  });
}

describe("wouldCreateCycle", () => {
  it("refuses an edge that makes a root depend on something below it", () => {
    expect(wouldCreateCycle(smallRack(), { parentId: "shop", childId: "rtr1" })).toBe(true);
    expect(wouldCreateCycle(smallRack(), { parentId: "web01", childId: "sw1" })).toBe(true);
  });

  it("refuses a self-loop, even for a node not yet in the graph", () => {
    expect(wouldCreateCycle(smallRack(), { parentId: "sw1", childId: "sw1" })).toBe(true);
    expect(wouldCreateCycle([], { parentId: "new", childId: "new" })).toBe(true);
  });

  it("allows shortcuts in the direction of the graph, new nodes and unrelated nodes", () => {
    expect(wouldCreateCycle(smallRack(), { parentId: "rtr1", childId: "shop" })).toBe(false);
    expect(wouldCreateCycle(smallRack(), { parentId: "rtr3", childId: "sw1" })).toBe(false);
    expect(wouldCreateCycle(smallRack(), { parentId: "kvm01", childId: "db01" })).toBe(false);
  });
});

describe("findCycle", () => {
  it("finds none in an acyclic graph, including a diamond, or in no edges", () => {
    expect(findCycle(smallRack())).toBeNull();
    expect(findCycle([])).toBeNull();
  });

  it("returns a cycle's nodes in edge order", () => {
    const edges = [...smallRack(), edge("shop", "rtr2")];
    const cycle = findCycle(edges);
    expect(cycle).not.toBeNull();
    expect([...(cycle ?? [])].sort()).toEqual(["kvm01", "rtr2", "shop", "sw1", "web01"]);
    expect(isCycleIn(cycle ?? [], edges)).toBe(true);
  });

  it("reports a self-loop as a single node", () => {
    expect(findCycle([edge("a", "b"), edge("b", "b")])).toEqual(["b"]);
  });

  it("finds a two-node cycle reached from elsewhere", () => {
    expect(findCycle([edge("root", "a"), edge("a", "b"), edge("b", "a")])).toEqual(["a", "b"]);
  });
});
