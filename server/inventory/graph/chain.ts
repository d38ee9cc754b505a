import { type DependencyEdge, type EdgesByNode, edgesByChild } from "./edges";

/** One parent in a dependency chain, with what it in turn depends on. */
export type ChainLink = {
  nodeId: string;
  /** The group this parent shares with its siblings for the node below it; null when it is required on its own. */
  redundancyGroup: string | null;
  /**
   * True when this node was already expanded earlier in the chain (a shared ancestor, as in a
   * diamond, or a cycle back to a node on the path). Its `parents` are then left empty: they are
   * listed once, at the first occurrence, which keeps the chain linear in size instead of
   * repeating a shared switch or router under every path that reaches it.
   */
  shownEarlier: boolean;
  parents: ChainLink[];
};

/** What a node needs to run: its parents, their parents, and so on up to the roots. */
export type DependencyChain = {
  nodeId: string;
  parents: ChainLink[];
};

function parentLinks(childId: string, parentsOf: EdgesByNode): ChainLink[] {
  return (parentsOf.get(childId) ?? []).map((edge) => ({
    nodeId: edge.parentId,
    redundancyGroup: edge.redundancyGroup,
    shownEarlier: false,
    parents: [],
  }));
}

/**
 * The ancestors of `nodeId` as a tree walked upward in depth-first pre-order, parents in the order
 * their edges were given. Each ancestor is expanded at its first occurrence; later occurrences are
 * marked `shownEarlier` (see ChainLink). Iterative, so a very deep chain cannot overflow the stack.
 */
export function dependencyChain(nodeId: string, edges: readonly DependencyEdge[]): DependencyChain {
  const parentsOf = edgesByChild(edges);
  const chain: DependencyChain = { nodeId, parents: parentLinks(nodeId, parentsOf) };
  const expanded = new Set([nodeId]);
  // Pushed in reverse so the first parent is expanded first, as a recursive walk would.
  const pending = [...chain.parents].reverse();

  for (let link = pending.pop(); link !== undefined; link = pending.pop()) {
    if (expanded.has(link.nodeId)) {
      link.shownEarlier = true;
      continue;
    }
    expanded.add(link.nodeId);
    link.parents = parentLinks(link.nodeId, parentsOf);
    for (let i = link.parents.length - 1; i >= 0; i--) pending.push(link.parents[i] as ChainLink);
  }
  return chain;
}

/** Every node `nodeId` depends on, directly or transitively. Never contains `nodeId`, even on a cycle. */
export function ancestorIds(nodeId: string, edges: readonly DependencyEdge[]): Set<string> {
  const parentsOf = edgesByChild(edges);
  const ancestors = new Set<string>();
  const pending = [nodeId];
  for (let childId = pending.pop(); childId !== undefined; childId = pending.pop()) {
    for (const { parentId } of parentsOf.get(childId) ?? []) {
      if (parentId === nodeId || ancestors.has(parentId)) continue;
      ancestors.add(parentId);
      pending.push(parentId);
    }
  }
  return ancestors;
}
