import type { Metadata } from "next";
import { loadOrgSnippets } from "@/components/delegation/load-org-snippets";
import { NewSnippetForm } from "@/components/delegation/new-snippet-form";
import { PortalGrantList } from "@/components/delegation/portal-grant-list";
import { PortalSnippetList } from "@/components/delegation/portal-snippet-list";
import { currentPortalOrg } from "@/components/portal/current-org";
import { OrgSwitcher } from "@/components/portal/org-switcher";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Configuration" };

/** The org's configuration snippets, what it may configure, and a way to start a new snippet. */
export default async function PortalConfigPage({ searchParams }: { searchParams: Promise<{ org?: string }> }) {
  const { orgs, current } = await currentPortalOrg((await searchParams).org);
  if (!current) return <p className="text-slate-600">You are not a member of any customer organisation yet.</p>;
  const { snippets, grants } = await loadOrgSnippets(current.id);
  return (
    <>
      <PageHeader title="Configuration" description={`Settings ${current.name} may change on its servers: web server rules, scheduled jobs, firewall openings and more.`} />
      <OrgSwitcher orgs={orgs} currentId={current.id} basePath="/portal/config" />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title="Your snippets">
            {snippets.length === 0 ? <p className="text-sm text-slate-600">No snippets yet. Start one from what you may configure.</p> : <PortalSnippetList snippets={snippets} />}
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="What you may configure">
            <PortalGrantList grants={grants} />
          </Card>
          {grants.length > 0 && (
            <Card title="New snippet">
              <NewSnippetForm orgId={current.id} grants={grants} />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
