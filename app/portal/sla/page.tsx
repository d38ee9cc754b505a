import type { Metadata } from "next";
import { TermsView } from "@/components/contracts/terms-view";
import { ComplianceReport } from "@/components/helpdesk/compliance-report";
import { currentPortalOrg } from "@/components/portal/current-org";
import { OrgSwitcher } from "@/components/portal/org-switcher";
import { serverCaller } from "@/components/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Your service level" };

/** What the customer's contract promises, first in one plain sentence, then term by term; then how it was kept. */
export default async function PortalSlaPage({ searchParams }: { searchParams: Promise<{ org?: string }> }) {
  const { orgs, current } = await currentPortalOrg((await searchParams).org);
  const caller = await serverCaller();
  const [contract, compliance] = current ? await Promise.all([caller.sla.contract({ orgId: current.id }), caller.helpdesk.compliance({ orgId: current.id, months: 6 })]) : [null, null];
  const terms = contract?.current;
  const upcoming = contract?.upcoming;
  const calendars = new Map(
    [terms, upcoming].flatMap((c) => (c ? [c.calendars.support, ...(c.calendars.service ? [c.calendars.service] : [])] : [])).map((c) => [c.id, c]),
  );
  return (
    <>
      <PageHeader title="Your service level" description={current ? `What ${current.name}'s contract with us promises.` : undefined} />
      <OrgSwitcher orgs={orgs} currentId={current?.id} basePath="/portal/sla" />
      {upcoming && (
        <Card title={`New terms from ${upcoming.startsOn}`} className="mb-6">
          <p className="text-base text-slate-800">{upcoming.plain.en}</p>
          <p className="mt-2 text-sm text-slate-600" lang="de">
            {upcoming.plain.de}
          </p>
          <details className="mt-3">
            <summary className="cursor-pointer text-sm text-brand-700">All new terms</summary>
            <div className="mt-3">
              <TermsView terms={upcoming.terms} calendars={calendars} />
            </div>
          </details>
        </Card>
      )}
      {terms ? (
        <div className="space-y-6">
          <Card title="In short">
            <p className="text-base text-slate-800">{terms.plain.en}</p>
            <p className="mt-2 text-sm text-slate-600" lang="de">
              {terms.plain.de}
            </p>
          </Card>
          <Card title={`The terms (version ${terms.version})`}>
            <TermsView terms={terms.terms} calendars={calendars} />
          </Card>
        </div>
      ) : upcoming ? null : (
        <Card>
          <p className="text-sm text-slate-700">
            {current ? "There is no service-level contract for your organisation yet. Your account manager can set one up with you." : "You are not a member of any customer organisation yet."}
          </p>
        </Card>
      )}
      {compliance && (
        <Card title="How it was kept" className="mt-6">
          <ComplianceReport months={compliance} hasContract={Boolean(terms)} />
        </Card>
      )}
    </>
  );
}
