import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DependencyGraph } from "@/components/inventory/dependency-graph";
import { NodeList } from "@/components/inventory/node-list";
import { serverCaller } from "@/components/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { isUuid } from "@/components/inventory/is-uuid";

export const metadata: Metadata = { title: "Impact" };

const plural = (n: number, noun: string) => `${n.toLocaleString("en")} ${noun}${n === 1 ? "" : "s"}`;

export default async function ImpactPage({ params, searchParams }: { params: Promise<{ nodeId: string }>; searchParams: Promise<{ page?: string }> }) {
  const [{ nodeId }, query] = await Promise.all([params, searchParams]);
  if (!isUuid(nodeId)) notFound();
  const page = Math.min(10_000, Math.max(1, Math.trunc(Number(query.page)) || 1));
  const impact = await (await serverCaller()).inventory.impact({ nodeId, page });
  const { counts } = impact;
  // The picture shows hardware, pools and VMs; services are listed below it, or it would be a hairball.
  const drawn = (impact.picture?.nodes ?? [])
    .filter((n) => n.kind !== "service")
    .map((n) => ({ id: n.id, label: n.name, kind: n.kind, emphasis: n.id === impact.node.id ? ("root" as const) : ("affected" as const) }));
  const drawnIds = new Set(drawn.map((n) => n.id));
  const summary =
    counts.total === 0
      ? `If ${impact.node.name} fails, nothing else goes down: everything that depends on it has a redundant path.`
      : `If ${impact.node.name} fails, ${plural(counts.vms, "VM")} and ${plural(counts.services, "service")} of ${plural(impact.customers.length, "customer")} go down${counts.devices ? `, with ${plural(counts.devices, "more device")}` : ""}.`;
  return (
    <>
      <PageHeader title={`What fails with ${impact.node.name}`} description={summary} />
      <div className="space-y-6">
        {impact.customers.length > 0 && (
          <Card title="Customers affected">
            <ul className="space-y-1 text-sm">
              {impact.customers.map((c) => (
                <li key={c.orgId}>
                  <span className="font-medium">{c.orgName}</span>: {plural(c.vmCount, "VM")}
                  {c.vmNames.length > 0 && ` (${c.vmNames.join(", ")}${c.vmCount > c.vmNames.length ? `, and ${c.vmCount - c.vmNames.length} more` : ""})`},{" "}
                  {plural(c.serviceCount, "service")}
                </li>
              ))}
            </ul>
          </Card>
        )}
        {impact.picture && drawn.length > 1 && (
          <Card title="Picture">
            <DependencyGraph
              label={`Dependency graph of what fails with ${impact.node.name}`}
              nodes={drawn}
              edges={impact.picture.edges.filter((e) => drawnIds.has(e.parentId) && drawnIds.has(e.childId))}
            />
          </Card>
        )}
        <Card title="What goes down">
          {impact.affected.length ? <NodeList nodes={impact.affected} /> : <p className="text-sm text-slate-600">Nothing.</p>}
          {counts.total > impact.pageSize && (
            <div className="mt-3">
              <Pager total={counts.total} page={impact.page} pageSize={impact.pageSize} noun="item" hrefFor={(p) => `/desk/inventory/impact/${nodeId}?page=${p}`} />
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
