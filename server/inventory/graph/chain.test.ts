import { describe, expect, it } from "vitest";
import { ancestorIds, dependencyChain } from "./chain";
import { edge, smallRack } from "./example-graphs";

describe("dependencyChain", () => {
  it("walks a VM's needs up to the roots, each link with its redundancy group", () => {
    expect(dependencyChain("web01", smallRack())).toEqual({
      nodeId: "web01",
      parents: [
        {
          nodeId: "kvm01",
          redundancyGroup: null,
          shownEarlier: false,
          parents: [
            {
              nodeId: "sw1",
              redundancyGroup: null,
              shownEarlier: false,
              parents: [
                { nodeId: "rtr1", redundancyGroup: "uplink", shownEarlier: false, parents: [] },
                { nodeId: "rtr2", redundancyGroup: "uplink", shownEarlier: false, parents: [] },
              ],
            },
          ],
        },
        {
          nodeId: "pool1",
          redundancyGroup: null,
          shownEarlier: false,
          parents: [{ nodeId: "st01", redundancyGroup: null, shownEarlier: false, parents: [] }],
        },
      ],
    });
  });

  it("expands a shared ancestor once and marks later occurrences", () => {
    const diamond = [edge("top", "left"), edge("top", "right"), edge("left", "bottom"), edge("right", "bottom", "pair")];
    expect(dependencyChain("bottom", diamond)).toEqual({
      nodeId: "bottom",
      parents: [
        { nodeId: "left", redundancyGroup: null, shownEarlier: false, parents: [{ nodeId: "top", redundancyGroup: null, shownEarlier: false, parents: [] }] },
        { nodeId: "right", redundancyGroup: "pair", shownEarlier: false, parents: [{ nodeId: "top", redundancyGroup: null, shownEarlier: true, parents: [] }] },
      ],
    });
  });

  it("stops at a cycle back to the node itself", () => {
    const edges = [edge("a", "b"), edge("b", "a")];
    expect(dependencyChain("a", edges)).toEqual({
      nodeId: "a",
      parents: [{ nodeId: "b", redundancyGroup: null, shownEarlier: false, parents: [{ nodeId: "a", redundancyGroup: null, shownEarlier: true, parents: [] }] }],
    });
  });

  it("has no parents for a root or an unknown node", () => {
    expect(dependencyChain("rtr1", smallRack())).toEqual({ nodeId: "rtr1", parents: [] });
    expect(dependencyChain("nowhere", smallRack())).toEqual({ nodeId: "nowhere", parents: [] });
  });
});

describe("ancestorIds", () => {
  it("lists everything a service needs", () => {
    expect([...ancestorIds("shop", smallRack())].sort()).toEqual(["kvm01", "pool1", "rtr1", "rtr2", "st01", "sw1", "web01"]);
  });

  it("is empty for a root", () => {
    expect(ancestorIds("st01", smallRack()).size).toBe(0);
  });

  it("lists a shared ancestor once and never the node itself, even on a cycle", () => {
    const edges = [edge("top", "left"), edge("top", "right"), edge("left", "bottom"), edge("right", "bottom"), edge("bottom", "top")];
    expect([...ancestorIds("bottom", edges)].sort()).toEqual(["left", "right", "top"]);
  });
});
