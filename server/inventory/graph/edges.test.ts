import { describe, expect, it } from "vitest";
import { edgesByChild, edgesByParent } from "./edges";
import { edge } from "./example-graphs";

describe("edge indexes", () => {
  const edges = [edge("rtr1", "sw1", "uplink"), edge("rtr2", "sw1", "uplink"), edge("sw1", "kvm01")];

  it("groups edges by child, keeping the given order", () => {
    const byChild = edgesByChild(edges);
    expect(byChild.get("sw1")).toEqual([edges[0], edges[1]]);
    expect(byChild.get("kvm01")).toEqual([edges[2]]);
    expect(byChild.has("rtr1")).toBe(false);
  });

  it("groups edges by parent", () => {
    const byParent = edgesByParent(edges);
    expect(byParent.get("sw1")).toEqual([edges[2]]);
    expect(byParent.get("rtr2")).toEqual([edges[1]]);
    expect(byParent.has("kvm01")).toBe(false);
  });

  it("gives empty indexes for no edges", () => {
    expect(edgesByChild([]).size).toBe(0);
    expect(edgesByParent([]).size).toBe(0);
  });
});
