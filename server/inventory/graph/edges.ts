/**
 * One parent → child dependency: the child needs the parent to run.
 *
 * Parents of the same child that share a non-null `redundancyGroup` back each other up (the child
 * loses the group only when all of them are down); a parent with `redundancyGroup: null` is required
 * on its own. Group names are scoped to the child: "uplink" on sw1 and "uplink" on sw2 are unrelated.
 * Any non-null string, even "", names a group — only null means "required".
 */
export type DependencyEdge = {
  parentId: string;
  childId: string;
  redundancyGroup: string | null;
};

/** Edges looked up by one of their ends, in the order they were given. */
export type EdgesByNode = ReadonlyMap<string, readonly DependencyEdge[]>;

function indexBy(edges: readonly DependencyEdge[], endOf: (edge: DependencyEdge) => string): EdgesByNode {
  const index = new Map<string, DependencyEdge[]>();
  for (const edge of edges) {
    const key = endOf(edge);
    const bucket = index.get(key);
    if (bucket) bucket.push(edge);
    else index.set(key, [edge]);
  }
  return index;
}

/** For each child, the edges to the parents it depends on (walks upward, towards what a node needs). */
export function edgesByChild(edges: readonly DependencyEdge[]): EdgesByNode {
  return indexBy(edges, (edge) => edge.childId);
}

/** For each parent, the edges to the children that depend on it (walks downward, towards what breaks). */
export function edgesByParent(edges: readonly DependencyEdge[]): EdgesByNode {
  return indexBy(edges, (edge) => edge.parentId);
}
