import { describe, expect, it } from "vitest";
import { edge, smallRack } from "./example-graphs";
import { nodesCutOffBy } from "./failure";

function sorted(ids: Set<string>): string[] {
  return [...ids].sort();
}

describe("nodesCutOffBy: series dependencies", () => {
  it("cuts off everything below a failed node in a chain, not the failed node itself", () => {
    const chain = [edge("a", "b"), edge("b", "c"), edge("c", "d")];
    expect(sorted(nodesCutOffBy(["b"], chain))).toEqual(["c", "d"]);
    expect(sorted(nodesCutOffBy(["d"], chain))).toEqual([]);
  });

  it("cuts off a VM when either its hypervisor or its storage fails", () => {
    expect(sorted(nodesCutOffBy(["kvm01"], smallRack()))).toEqual(["shop", "web01"]);
    expect(sorted(nodesCutOffBy(["st01"], smallRack()))).toEqual(["db01", "pool1", "postgres", "shop", "web01"]);
  });

  it("returns nothing for a node that nothing depends on, or that is not in the graph", () => {
    expect(nodesCutOffBy(["shop"], smallRack()).size).toBe(0);
    expect(nodesCutOffBy(["unknown"], smallRack()).size).toBe(0);
    expect(nodesCutOffBy([], smallRack()).size).toBe(0);
  });

  it("leaves out initially failed nodes even when they would also be cut off", () => {
    expect(sorted(nodesCutOffBy(["sw1", "kvm01"], smallRack()))).toEqual(["db01", "kvm02", "postgres", "shop", "web01"]);
  });

  it("accepts any iterable of failed ids", () => {
    function* failed() {
      yield "kvm02";
    }
    expect(sorted(nodesCutOffBy(failed(), smallRack()))).toEqual(["db01", "postgres"]);
    expect(sorted(nodesCutOffBy(new Set(["kvm02"]), smallRack()))).toEqual(["db01", "postgres"]);
  });
});

describe("nodesCutOffBy: redundancy groups", () => {
  it("survives one of two routers in a group failing", () => {
    expect(nodesCutOffBy(["rtr1"], smallRack()).size).toBe(0);
    expect(nodesCutOffBy(["rtr2"], smallRack()).size).toBe(0);
  });

  it("cuts off the switch, hypervisors, VMs and services when both routers fail", () => {
    expect(sorted(nodesCutOffBy(["rtr1", "rtr2"], smallRack()))).toEqual(["db01", "kvm01", "kvm02", "postgres", "shop", "sw1", "web01"]);
  });

  it("cuts off a child with a group and a required parent when the required one fails alone", () => {
    const edges = [edge("a", "child", "pair"), edge("b", "child", "pair"), edge("required", "child")];
    expect(sorted(nodesCutOffBy(["required"], edges))).toEqual(["child"]);
    expect(nodesCutOffBy(["a"], edges).size).toBe(0);
    expect(sorted(nodesCutOffBy(["a", "b"], edges))).toEqual(["child"]);
  });

  it("needs a whole group down: any one of several groups lost is enough, one member of each is not", () => {
    const edges = [edge("psu1", "host", "power"), edge("psu2", "host", "power"), edge("rtr1", "host", "uplink"), edge("rtr2", "host", "uplink")];
    expect(nodesCutOffBy(["psu1", "rtr1"], edges).size).toBe(0);
    expect(nodesCutOffBy(["psu1", "rtr2"], edges).size).toBe(0);
    expect(sorted(nodesCutOffBy(["psu1", "psu2"], edges))).toEqual(["host"]);
    expect(sorted(nodesCutOffBy(["rtr1", "rtr2"], edges))).toEqual(["host"]);
  });

  it("scopes group names to their child: the same name on two switches is two groups", () => {
    const edges = [edge("rtr1", "sw1", "uplink"), edge("rtr2", "sw1", "uplink"), edge("rtr2", "sw2", "uplink"), edge("rtr3", "sw2", "uplink")];
    expect(nodesCutOffBy(["rtr1", "rtr3"], edges).size).toBe(0);
    expect(sorted(nodesCutOffBy(["rtr1", "rtr2"], edges))).toEqual(["sw1"]);
  });

  it("counts a group member cut off from upstream as failed", () => {
    const edges = [edge("pdu-a", "psu1"), edge("psu1", "host", "power"), edge("psu2", "host", "power")];
    expect(sorted(nodesCutOffBy(["pdu-a"], edges))).toEqual(["psu1"]);
    expect(sorted(nodesCutOffBy(["pdu-a", "psu2"], edges))).toEqual(["host", "psu1"]);
  });

  it("does not count a duplicated edge's parent twice", () => {
    const edges = [edge("rtr1", "sw1", "uplink"), edge("rtr1", "sw1", "uplink"), edge("rtr2", "sw1", "uplink")];
    expect(nodesCutOffBy(["rtr1"], edges).size).toBe(0);
  });

  it("treats a single-member group like a required parent", () => {
    expect(sorted(nodesCutOffBy(["only"], [edge("only", "child", "solo")]))).toEqual(["child"]);
  });
});

describe("nodesCutOffBy: shared dependencies", () => {
  const diamond = [edge("top", "left"), edge("top", "right"), edge("left", "bottom"), edge("right", "bottom")];

  it("cuts off the bottom of a diamond through either side, and everything from the top", () => {
    expect(sorted(nodesCutOffBy(["left"], diamond))).toEqual(["bottom"]);
    expect(sorted(nodesCutOffBy(["top"], diamond))).toEqual(["bottom", "left", "right"]);
  });

  it("keeps a redundant diamond's bottom up while one side stands", () => {
    const redundant = [edge("top", "left"), edge("top", "right"), edge("left", "bottom", "pair"), edge("right", "bottom", "pair")];
    expect(nodesCutOffBy(["left"], redundant).size).toBe(0);
    expect(sorted(nodesCutOffBy(["top"], redundant))).toEqual(["bottom", "left", "right"]);
  });

  it("terminates on a cycle", () => {
    const edges = [edge("source", "a"), edge("a", "b"), edge("b", "a"), edge("b", "c")];
    expect(sorted(nodesCutOffBy(["source"], edges))).toEqual(["a", "b", "c"]);
  });
});
