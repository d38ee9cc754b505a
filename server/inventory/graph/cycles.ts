import { ancestorIds } from "./chain";
import { type DependencyEdge, edgesByParent } from "./edges";

/**
 * Whether adding `proposed` would make a node depend on itself: true for a self-loop, or when the
 * proposed child is already something the proposed parent depends on. One upward walk from the
 * parent; to validate many edges at once (an import), add them all and call `findCycle` instead.
 */
export function wouldCreateCycle(edges: readonly DependencyEdge[], proposed: { parentId: string; childId: string }): boolean {
  if (proposed.parentId === proposed.childId) return true;
  return ancestorIds(proposed.parentId, edges).has(proposed.childId);
}

type Frame = { nodeId: string; nextEdge: number };
const FINISHED = -1;

/**
 * One cycle in the graph, or null if there is none. The ids are in edge direction: each is the
 * parent of the next, and the last is the parent of the first (a self-loop is `[id]`).
 *
 * Iterative depth-first search with an explicit stack (an import of a long chain must not overflow
 * the call stack); every node and edge is visited at most once, and the result is deterministic
 * for a given edge order.
 */
export function findCycle(edges: readonly DependencyEdge[]): string[] | null {
  const childrenOf = edgesByParent(edges);
  // Per visited node: its position on the current DFS path (so a back edge yields its cycle in one
  // slice), or FINISHED once all its descendants are known to be acyclic.
  const visit = new Map<string, number>();
  const path: Frame[] = [];

  const enter = (nodeId: string) => {
    visit.set(nodeId, path.length);
    path.push({ nodeId, nextEdge: 0 });
  };

  // Only nodes with outgoing edges can lie on a cycle, so they are the only possible starts.
  for (const start of childrenOf.keys()) {
    if (visit.has(start)) continue;
    enter(start);
    while (path.length > 0) {
      const frame = path[path.length - 1] as Frame;
      const edge = childrenOf.get(frame.nodeId)?.[frame.nextEdge++];
      if (edge === undefined) {
        path.pop();
        visit.set(frame.nodeId, FINISHED);
        continue;
      }
      const position = visit.get(edge.childId);
      if (position === undefined) enter(edge.childId);
      else if (position !== FINISHED) return path.slice(position).map((onCycle) => onCycle.nodeId);
    }
  }
  return null;
}
