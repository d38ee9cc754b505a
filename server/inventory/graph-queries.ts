import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { DependencyEdge } from "./graph";
import type { NodeKind } from "./nodes";

type EdgeRow = { parent_id: string; parent_kind: NodeKind; child_id: string; child_kind: NodeKind; redundancy_group: string | null };
export type KindedEdge = DependencyEdge & { parentKind: NodeKind; childKind: NodeKind };

const nodeKinds: readonly NodeKind[] = ["device", "storage_pool", "vm", "service"];
const toEdge = (row: EdgeRow): KindedEdge => ({
  parentId: row.parent_id,
  parentKind: row.parent_kind,
  childId: row.child_id,
  childKind: row.child_kind,
  redundancyGroup: row.redundancy_group,
});

/**
 * Edges touching a set of nodes on the given end. Both filters let Postgres do the work branch by
 * branch in the dependency_edges view: `= any(array)` goes down to each branch's index, and the node
 * kind, written as a literal, removes the branches that cannot match (VMs never appear as a
 * hypervisor), which also keeps a poor row estimate on one branch from turning into a full scan.
 */
async function edgesWhere(db: DbOrTx, end: "parent" | "child", ids: readonly string[], kind?: NodeKind, onlyGrouped = false): Promise<KindedEdge[]> {
  if (ids.length === 0) return [];
  if (kind && !nodeKinds.includes(kind)) throw new Error(`unknown node kind ${kind}`);
  const result = await db.execute<EdgeRow>(sql`
    select parent_id, parent_kind, child_id, child_kind, redundancy_group from dependency_edges
    where ${sql.identifier(`${end}_id`)} = any(${sql.param([...ids])}::uuid[])
      ${kind ? sql`and ${sql.identifier(`${end}_kind`)} = ${sql.raw(`'${kind}'`)}` : sql``}
      ${onlyGrouped ? sql`and redundancy_group is not null` : sql``}`);
  return result.rows.map(toEdge);
}

/**
 * Walks the graph level by level from `start` (a few queries per level; the graph is a handful of
 * levels deep) and returns every node reached with the edges walked. A recursive CTE over the view
 * reads like the natural choice, but Postgres plans its recursive join against the whole view on each
 * round: on 50,000 VMs it ran for over a minute where this takes milliseconds.
 */
async function reachable(db: DbOrTx, start: string, direction: "down" | "up") {
  const from = direction === "down" ? "parent" : "child";
  const seen = new Map<string, NodeKind | undefined>([[start, undefined]]);
  const edges: KindedEdge[] = [];
  let frontier = new Map<NodeKind | undefined, string[]>([[undefined, [start]]]);
  while (frontier.size > 0) {
    const steps = await Promise.all([...frontier].map(([kind, ids]) => edgesWhere(db, from, ids, kind)));
    frontier = new Map();
    for (const edge of steps.flat()) {
      edges.push(edge);
      const [next, kind] = direction === "down" ? [edge.childId, edge.childKind] : [edge.parentId, edge.parentKind];
      if (seen.has(next)) continue;
      seen.set(next, kind);
      const bucket = frontier.get(kind);
      if (bucket) bucket.push(next);
      else frontier.set(kind, [next]);
    }
  }
  seen.delete(start);
  return { nodes: seen, edges };
}

/**
 * The edges that decide which nodes below `nodeId` fail with it: every edge of the walk down, plus
 * the grouped edges coming in from parents outside it, since a redundant parent elsewhere can keep a
 * child alive. (An ungrouped outside parent cannot save anything, and the implied edges of the view
 * carry no group, so Postgres answers that second query from the explicit edges alone.)
 */
export async function edgesIntoDescendants(db: DbOrTx, nodeId: string): Promise<KindedEdge[]> {
  const { nodes, edges } = await reachable(db, nodeId, "down");
  const known = new Set(edges.map((e) => `${e.parentId}>${e.childId}`));
  const incoming = await edgesWhere(db, "child", [...nodes.keys()], undefined, true);
  return [...edges, ...incoming.filter((e) => !known.has(`${e.parentId}>${e.childId}`))];
}

/** The edges from `nodeId` up to the roots: what it needs to run. */
export async function edgesAbove(db: DbOrTx, nodeId: string): Promise<KindedEdge[]> {
  return (await reachable(db, nodeId, "up")).edges;
}
