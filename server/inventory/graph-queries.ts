import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { DependencyEdge } from "./graph";

type EdgeRow = { parent_id: string; child_id: string; redundancy_group: string | null };
const toEdge = (row: EdgeRow): DependencyEdge => ({ parentId: row.parent_id, childId: row.child_id, redundancyGroup: row.redundancy_group });

/**
 * Every edge leading into the nodes below `nodeId`: enough to decide which of them fail with it,
 * since a child with a redundant parent elsewhere needs that parent's edge too. UNION (not UNION
 * ALL) makes the walk stop at nodes already seen, so even a cycle cannot loop.
 */
export async function edgesIntoDescendants(db: DbOrTx, nodeId: string): Promise<DependencyEdge[]> {
  const result = await db.execute<EdgeRow>(sql`
    with recursive below(id) as (
      select child_id from dependency_edges where parent_id = ${nodeId}
      union
      select e.child_id from dependency_edges e join below b on e.parent_id = b.id
    )
    select e.parent_id, e.child_id, e.redundancy_group from dependency_edges e where e.child_id in (select id from below)`);
  return result.rows.map(toEdge);
}

/** The edges from `nodeId` up to the roots: what it needs to run. */
export async function edgesAbove(db: DbOrTx, nodeId: string): Promise<DependencyEdge[]> {
  const result = await db.execute<EdgeRow>(sql`
    with recursive above(id) as (
      select ${nodeId}::uuid
      union
      select e.parent_id from dependency_edges e join above a on e.child_id = a.id
    )
    select e.parent_id, e.child_id, e.redundancy_group from dependency_edges e where e.child_id in (select id from above)`);
  return result.rows.map(toEdge);
}

/** All edges, for whole-graph checks (cycles on import). */
export async function allEdges(db: DbOrTx): Promise<DependencyEdge[]> {
  const result = await db.execute<EdgeRow>(sql`select parent_id, child_id, redundancy_group from dependency_edges`);
  return result.rows.map(toEdge);
}
