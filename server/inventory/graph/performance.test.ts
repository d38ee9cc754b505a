import { describe, expect, it } from "vitest";
import { ancestorIds, type ChainLink, dependencyChain } from "./chain";
import { findCycle } from "./cycles";
import type { DependencyEdge } from "./edges";
import { edge } from "./example-graphs";
import { nodesCutOffBy } from "./failure";

// Sanity checks at production scale (~200,000 edges): they must finish and be right. No timing
// assertion — a quadratic algorithm or a recursive walk would time out or overflow the stack here.

const SWITCHES = 50;
const HYPERVISORS_PER_SWITCH = 20;
const STORAGE_SERVERS = 2;
const POOLS_PER_SERVER = 10;
const VMS = 66_000;

/** Two redundant routers, switches, hypervisors, storage, and a service on every VM: ~199,000 edges. */
function dataCentre(): DependencyEdge[] {
  const edges: DependencyEdge[] = [];
  const hypervisors: string[] = [];
  const pools: string[] = [];
  for (let s = 0; s < SWITCHES; s++) {
    edges.push(edge("rtr1", `sw${s}`, "uplink"), edge("rtr2", `sw${s}`, "uplink"));
    for (let h = 0; h < HYPERVISORS_PER_SWITCH; h++) {
      const hypervisor = `kvm${s}-${h}`;
      hypervisors.push(hypervisor);
      edges.push(edge(`sw${s}`, hypervisor));
    }
  }
  for (let st = 0; st < STORAGE_SERVERS; st++) {
    for (let p = 0; p < POOLS_PER_SERVER; p++) {
      pools.push(`pool${st}-${p}`);
      edges.push(edge(`st${st}`, `pool${st}-${p}`));
    }
  }
  for (let v = 0; v < VMS; v++) {
    edges.push(edge(hypervisors[v % hypervisors.length] as string, `vm${v}`), edge(pools[v % pools.length] as string, `vm${v}`), edge(`vm${v}`, `svc${v}`));
  }
  return edges;
}

function longChain(length: number): DependencyEdge[] {
  return Array.from({ length }, (_, i) => edge(`n${i}`, `n${i + 1}`));
}

function countLinks(parents: ChainLink[]): number {
  let count = 0;
  const pending = [...parents];
  for (let link = pending.pop(); link !== undefined; link = pending.pop()) {
    count++;
    pending.push(...link.parents);
  }
  return count;
}

describe("graph functions at data-centre scale", () => {
  const edges = dataCentre();

  it("builds the expected graph", () => {
    expect(edges.length).toBe(199_120);
  });

  it("cuts off nothing when one of the two routers fails", () => {
    expect(nodesCutOffBy(["rtr1"], edges).size).toBe(0);
  });

  it("cuts off every switch, hypervisor, VM and service when both routers fail", () => {
    expect(nodesCutOffBy(["rtr1", "rtr2"], edges).size).toBe(SWITCHES + SWITCHES * HYPERVISORS_PER_SWITCH + 2 * VMS);
  });

  it("cuts off one storage server's pools and the VMs and services on them", () => {
    expect(nodesCutOffBy(["st0"], edges).size).toBe(POOLS_PER_SERVER + VMS);
  });

  it("finds no cycle", () => {
    expect(findCycle(edges)).toBeNull();
  });

  // Far deeper than a recursive walk survives (Node's stack gives out around 10,000 frames).
  it("handles a 50,000-node series chain without overflowing the stack", () => {
    const chain = longChain(50_000);
    expect(nodesCutOffBy(["n0"], chain).size).toBe(50_000);
    expect(ancestorIds("n50000", chain).size).toBe(50_000);
    expect(countLinks(dependencyChain("n50000", chain).parents)).toBe(50_000);
    expect(findCycle(chain)).toBeNull();
    expect(findCycle([...chain, edge("n50000", "n0")])?.length).toBe(50_001);
  });

  // Re-counting the group's members on every failure would be quadratic: billions of steps here.
  it("handles one child with 50,000 parents in one group", () => {
    const parents = Array.from({ length: 50_000 }, (_, i) => `p${i}`);
    const fanIn = parents.map((parentId) => edge(parentId, "child", "all"));
    expect(nodesCutOffBy(parents.slice(1), fanIn).size).toBe(0);
    expect(nodesCutOffBy(parents, fanIn).size).toBe(1);
  });
});
