import { Graph, layout } from "@dagrejs/dagre";

export type GraphNodeInput = { id: string; label: string; kind: string; emphasis?: "root" | "affected" | "normal" };
export type GraphEdgeInput = { parentId: string; childId: string; redundancyGroup: string | null };
export type PositionedNode = GraphNodeInput & { x: number; y: number };

export const NODE_WIDTH = 150;
export const NODE_HEIGHT = 40;

/** Lays the graph out top-down: what something depends on sits above it. */
export function layoutGraph(nodes: GraphNodeInput[], edges: GraphEdgeInput[]): PositionedNode[] {
  const graph = new Graph();
  graph.setGraph({ rankdir: "TB", nodesep: 24, ranksep: 56 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const known = new Set(nodes.map((n) => n.id));
  for (const edge of edges) if (known.has(edge.parentId) && known.has(edge.childId)) graph.setEdge(edge.parentId, edge.childId);
  layout(graph);
  return nodes.map((node) => {
    const placed = graph.node(node.id);
    return { ...node, x: (placed?.x ?? 0) - NODE_WIDTH / 2, y: (placed?.y ?? 0) - NODE_HEIGHT / 2 };
  });
}
