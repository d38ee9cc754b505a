"use client";

import { Background, Controls, ReactFlow, type Edge, type Node } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo } from "react";
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH, type GraphEdgeInput, type GraphNodeInput } from "./graph-layout";

const tone: Record<NonNullable<GraphNodeInput["emphasis"]>, string> = {
  root: "#1f5fbf",
  affected: "#b91c1c",
  normal: "#475569",
};

/**
 * The dependency picture: parents above children, redundancy groups drawn dashed. Read-only; the
 * list beside it carries the same facts for keyboards and screen readers.
 */
export function DependencyGraph({ nodes, edges, label }: { nodes: GraphNodeInput[]; edges: GraphEdgeInput[]; label: string }) {
  const { flowNodes, flowEdges } = useMemo(() => {
    const placed = layoutGraph(nodes, edges);
    const flowNodes: Node[] = placed.map((n) => ({
      id: n.id,
      position: { x: n.x, y: n.y },
      data: { label: `${n.label}` },
      draggable: false,
      connectable: false,
      style: {
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        fontSize: 12,
        borderColor: tone[n.emphasis ?? "normal"],
        color: tone[n.emphasis ?? "normal"],
        fontWeight: n.emphasis === "root" ? 600 : 400,
      },
    }));
    const flowEdges: Edge[] = edges.map((e) => ({
      id: `${e.parentId}-${e.childId}`,
      source: e.parentId,
      target: e.childId,
      style: e.redundancyGroup ? { strokeDasharray: "4 3" } : undefined,
      label: e.redundancyGroup ?? undefined,
    }));
    return { flowNodes, flowEdges };
  }, [nodes, edges]);

  return (
    <div className="h-[480px] w-full rounded-md border border-slate-200 bg-white" role="img" aria-label={label}>
      <ReactFlow nodes={flowNodes} edges={flowEdges} fitView nodesDraggable={false} nodesConnectable={false} proOptions={{ hideAttribution: true }}>
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
