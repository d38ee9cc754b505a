import type { Metadata } from "next";
import { environmentLabels } from "@/components/inventory/format";
import { VmTable } from "@/components/inventory/vm-table";
import { currentPortalOrg } from "@/components/portal/current-org";
import { OrgSwitcher } from "@/components/portal/org-switcher";
import { serverCaller } from "@/components/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Your servers" };

/** A customer's VMs by environment, with staging compared to production in plain words. */
export default async function PortalVmsPage({ searchParams }: { searchParams: Promise<{ org?: string }> }) {
  const { orgs, current } = await currentPortalOrg((await searchParams).org);
  if (!current) return <p className="text-slate-600">You are not a member of any customer organisation yet.</p>;
  const caller = await serverCaller();
  const [list, drift] = await Promise.all([
    caller.inventory.vms({ orgId: current.id, pageSize: 200 }),
    caller.inventory.environmentDrift({ orgId: current.id }),
  ]);
  const environments = (Object.keys(environmentLabels) as (keyof typeof environmentLabels)[]).filter((env) => list.rows.some((vm) => vm.environment === env));
  const missing = (side: "staging" | "production") => drift.drift.filter((d) => d.missingIn === side);
  const describe = (d: { role: string; serviceKinds: string[]; wholeRole: boolean }) =>
    d.wholeRole ? `${d.role} servers${d.serviceKinds.length ? ` (${d.serviceKinds.join(", ")})` : ""}` : `${d.serviceKinds.join(", ")} on the ${d.role} servers`;
  return (
    <>
      <PageHeader title="Your servers" description={`${list.total} virtual machine${list.total === 1 ? "" : "s"} of ${current.name}, and what runs on them.`} />
      <OrgSwitcher orgs={orgs} currentId={current.id} basePath="/portal/vms" />
      {drift.hasBoth && (
        <Card title="Staging compared to production" className="mb-6">
          {drift.drift.length === 0 ? (
            <p className="text-sm text-emerald-800">Staging has the same structure as production.</p>
          ) : (
            <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="environment-drift">
              {missing("staging").map((d) => (
                <li key={`s-${d.role}-${d.serviceKinds.join()}`}>
                  Production has {describe(d)}; <strong>staging does not</strong>, so changes to it cannot be tried out first.
                </li>
              ))}
              {missing("production").map((d) => (
                <li key={`p-${d.role}-${d.serviceKinds.join()}`}>Staging has {describe(d)}, which production does not.</li>
              ))}
            </ul>
          )}
        </Card>
      )}
      <div className="space-y-6">
        {environments.map((env) => (
          <Card key={env} title={environmentLabels[env]}>
            <VmTable rows={list.rows.filter((vm) => vm.environment === env)} hrefFor={(id) => `/portal/vms/${id}`} showOrg={false} showEnvironment={false} />
          </Card>
        ))}
        {list.rows.length === 0 && <p className="text-slate-600">No servers yet.</p>}
      </div>
    </>
  );
}
