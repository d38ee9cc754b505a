import { type DependencyEdge, type EdgesByNode, edgesByChild, edgesByParent } from "./edges";

/** Per redundancy group of one child: the parents in it that are still up. */
type StandingGroups = Map<string, Set<string>>;

function groupsOf(childId: string, groupedParentsOf: EdgesByNode): StandingGroups {
  const groups: StandingGroups = new Map();
  for (const { parentId, redundancyGroup } of groupedParentsOf.get(childId) ?? []) {
    if (redundancyGroup === null) continue;
    const members = groups.get(redundancyGroup);
    if (members) members.add(parentId);
    else groups.set(redundancyGroup, new Set([parentId]));
  }
  return groups;
}

/**
 * Every node that is cut off, directly or transitively, when the `failed` nodes go down — not
 * counting the failed nodes themselves. A child is cut off when one of its required (ungrouped)
 * parents is down, or when every parent of one of its redundancy groups is down.
 *
 * Worklist algorithm: each down node is processed once, and only its children are re-evaluated, so
 * the work after indexing is linear in the affected subgraph. Group state is built lazily for the
 * children actually touched, and holds parents as Sets so that duplicate edges cannot count one
 * parent's failure twice. Cycles terminate because a node goes down at most once.
 */
export function nodesCutOffBy(failed: Iterable<string>, edges: readonly DependencyEdge[]): Set<string> {
  const childrenOf = edgesByParent(edges);
  // Only grouped edges need looking up by child, and many graphs touch none: index them on first use.
  let groupedParentsOf: EdgesByNode | undefined;
  const standing = new Map<string, StandingGroups>();
  const initiallyFailed = [...failed];
  const down = new Set(initiallyFailed);
  const worklist = [...down];

  const losesChild = (edge: DependencyEdge): boolean => {
    if (edge.redundancyGroup === null) return true;
    let groups = standing.get(edge.childId);
    if (!groups) {
      groupedParentsOf ??= edgesByChild(edges.filter((candidate) => candidate.redundancyGroup !== null));
      groups = groupsOf(edge.childId, groupedParentsOf);
      standing.set(edge.childId, groups);
    }
    const members = groups.get(edge.redundancyGroup);
    members?.delete(edge.parentId);
    return members?.size === 0;
  };

  for (let parentId = worklist.pop(); parentId !== undefined; parentId = worklist.pop()) {
    for (const edge of childrenOf.get(parentId) ?? []) {
      if (down.has(edge.childId) || !losesChild(edge)) continue;
      down.add(edge.childId);
      // A down child's groups can never matter again; free them on large graphs.
      standing.delete(edge.childId);
      worklist.push(edge.childId);
    }
  }
  // One set for "down" instead of two: the initially failed are removed only at the end.
  for (const id of initiallyFailed) down.delete(id);
  return down;
}
