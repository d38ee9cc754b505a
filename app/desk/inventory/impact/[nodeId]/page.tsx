import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DependencyGraph } from "@/components/inventory/dependency-graph";
import { NodeList } from "@/components/inventory/node-list";
import { serverCaller } from "@/components/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";
import { isUuid } from "@/components/inventory/is-uuid";

export const metadata: Metadata = { title: "Impact" };

export default async function ImpactPage({ params }: { params: Promise<{ nodeId: string }> }) {
  const { nodeId } = await params;
  if (!isUuid(nodeId)) notFound();
  const impact = await (await serverCaller()).inventory.impact({ nodeId });
  const { counts } = impact;
  // The picture shows hardware, pools and VMs; services are listed below it, or it would be a hairball.
  const drawn = [
    { id: impact.node.id, label: impact.node.name, kind: impact.node.kind, emphasis: "root" as const },
    ...impact.affected.filter((n) => n.kind !== "service").map((n) => ({ id: n.id, label: n.name, kind: n.kind, emphasis: "affected" as const })),
  ];
  const drawnIds = new Set(drawn.map((n) => n.id));
  const summary =
    impact.affected.length === 0
      ? `If ${impact.node.name} fails, nothing else goes down: everything that depends on it has a redundant path.`
      : `If ${impact.node.name} fails, ${counts.vms} VM${counts.vms === 1 ? "" : "s"} and ${counts.services} service${counts.services === 1 ? "" : "s"} of ${impact.customers.length} customer${impact.customers.length === 1 ? "" : "s"} go down${counts.devices ? `, with ${counts.devices} more device${counts.devices === 1 ? "" : "s"}` : ""}.`;
  return (
    <>
      <PageHeader title={`What fails with ${impact.node.name}`} description={summary} />
      <div className="space-y-6">
        {impact.customers.length > 0 && (
          <Card title="Customers affected">
            <ul className="space-y-1 text-sm">
              {impact.customers.map((c) => (
                <li key={c.orgId}>
                  <span className="font-medium">{c.orgName}</span>: {c.vms.length} VM{c.vms.length === 1 ? "" : "s"} ({c.vms.join(", ")}), {c.services.length} service
                  {c.services.length === 1 ? "" : "s"}
                </li>
              ))}
            </ul>
          </Card>
        )}
        {impact.edges.length > 0 && (
          <Card title="Picture">
            <DependencyGraph
              label={`Dependency graph of what fails with ${impact.node.name}`}
              nodes={drawn}
              edges={impact.edges.filter((e) => drawnIds.has(e.parentId) && drawnIds.has(e.childId))}
            />
          </Card>
        )}
        <Card title={impact.counts.total > impact.affected.length ? `What goes down (first ${impact.affected.length} of ${impact.counts.total})` : "Everything that goes down"}>
          {impact.affected.length ? <NodeList nodes={impact.affected} /> : <p className="text-sm text-slate-600">Nothing.</p>}
        </Card>
      </div>
    </>
  );
}
