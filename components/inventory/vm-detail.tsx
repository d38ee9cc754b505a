import Link from "next/link";
import { DependencyGraph } from "@/components/inventory/dependency-graph";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { appRouter } from "@/server/routers/_app";
import { environmentLabels, formatDisk, formatMemory } from "./format";
import { ReadinessPanel } from "./readiness-panel";
import { RetireButton } from "./retire-button";
import { ServiceEditor } from "./service-editor";

type Caller = ReturnType<typeof appRouter.createCaller>;
type Vm = Awaited<ReturnType<Caller["inventory"]["vm"]>>;
type Chain = Awaited<ReturnType<Caller["inventory"]["chain"]>>;
type Readiness = Awaited<ReturnType<Caller["inventory"]["readiness"]>>;

/**
 * A VM as both staff and its customer see it: resources, services with their chains in plain words,
 * and the picture of what it depends on. Staff also get the way to its impact.
 */
export function VmDetail({
  vm,
  chain,
  readiness,
  serviceChains,
  forStaff,
}: {
  vm: Vm;
  chain: Chain;
  readiness: Readiness;
  serviceChains: Record<string, string | null>;
  forStaff: boolean;
}) {
  const facts: [string, string][] = [
    ["Environment", environmentLabels[vm.environment]],
    ["Role", vm.role],
    ["vCPUs", String(vm.vcpus)],
    ["Memory", formatMemory(vm.memoryMb)],
    ["Disk", `${formatDisk(vm.diskGb)} on ${vm.storagePoolName}`],
    ["Hypervisor", vm.hypervisorName],
    ["Addresses", vm.addresses.join(", ") || "—"],
  ];
  if (forStaff) facts.push(["Customer", vm.orgName], ["Platform driver", vm.driver], ["Redundancy group", vm.redundancyGroup ?? "—"]);
  return (
    <div className="space-y-6">
      <Card title="At a glance" actions={<Badge tone={vm.status === "running" ? "good" : "neutral"}>{vm.status}</Badge>}>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {chain.description && <p className="mt-4 text-sm text-slate-700">{chain.description}</p>}
        {forStaff && (
          <Link href={`/desk/inventory/impact/${vm.id}`} className="mt-3 inline-block text-sm text-brand-700 underline">
            What fails with {vm.name}?
          </Link>
        )}
      </Card>
      <Card title={`Services (${vm.services.length})`}>
        <ul className="divide-y divide-slate-100">
          {vm.services.map((s) => (
            <li key={s.id} className="py-2 text-sm">
              <span className="font-medium">{s.name}</span> <Badge>{s.kind}</Badge>
              {s.ports.length > 0 && <span className="ml-2 text-slate-500">ports {s.ports.join(", ")}</span>}
              {forStaff && (
                <>
                  <ServiceEditor service={s} />
                  <RetireButton what="service" id={s.id} name={s.name} />
                </>
              )}
              {serviceChains[s.id] && <p className="mt-0.5 text-slate-600">{serviceChains[s.id]}</p>}
            </li>
          ))}
          {vm.services.length === 0 && <li className="py-2 text-sm text-slate-500">No services recorded.</li>}
        </ul>
      </Card>
      <ReadinessPanel readiness={readiness} forStaff={forStaff} />
      <Card title="What it depends on">
        <DependencyGraph
          label={`What ${vm.name} depends on`}
          nodes={Object.values(chain.nodes).map((n) => ({ id: n.id, label: n.name, kind: n.kind, emphasis: n.id === vm.id ? ("root" as const) : ("normal" as const) }))}
          edges={chain.edges}
        />
      </Card>
    </div>
  );
}
