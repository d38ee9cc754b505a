import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { calendarMap } from "@/components/contracts/calendar-map";
import { ProposalTable } from "@/components/contracts/proposal-table";
import { TermsView } from "@/components/contracts/terms-view";
import { ComplianceReport } from "@/components/helpdesk/compliance-report";
import { isUuid } from "@/components/inventory/is-uuid";
import { serverCaller } from "@/components/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";

export const metadata: Metadata = { title: "Customer" };

/** One customer as its account manager sees it: the contract in force, how it was kept, its history, and what is on offer. */
export default async function AccountOrgPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  if (!isUuid(orgId)) notFound();
  const caller = await serverCaller();
  const [org, contract, proposals, calendars, compliance] = await Promise.all([
    caller.orgs.get({ orgId }),
    caller.sla.contract({ orgId }),
    caller.sla.proposals({ orgId }),
    calendarMap(),
    caller.helpdesk.compliance({ orgId, months: 6 }),
  ]);
  return (
    <>
      <PageHeader
        title={org.name}
        description={contract.current ? contract.current.plain.en : "No contract in force: the help desk uses its default policy for this customer's tickets."}
        actions={
          <Link href="/accounts/calculator" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
            New proposal
          </Link>
        }
      />
      <div className="space-y-6">
        {contract.upcoming && (
          <Card title={`Agreed, starts ${contract.upcoming.startsOn} — version ${contract.upcoming.version}`}>
            <p className="mb-4 text-sm text-slate-700">{contract.upcoming.plain.en}</p>
            <TermsView terms={contract.upcoming.terms} calendars={calendars} />
          </Card>
        )}
        {contract.current && (
          <Card title={`Contract in force — version ${contract.current.version}`}>
            <p className="mb-4 text-sm text-slate-600" lang="de">
              {contract.current.plain.de}
            </p>
            <TermsView terms={contract.current.terms} calendars={calendars} />
          </Card>
        )}
        <Card title="How the service level was kept">
          <ComplianceReport months={compliance} hasContract={Boolean(contract.current)} />
        </Card>
        {contract.history.length > 0 && (
          <Card title="Contract history">
            <Table caption="Contract versions">
              <thead>
                <tr>
                  <Th>Version</Th>
                  <Th>Runs</Th>
                  <Th>Agreed</Th>
                </tr>
              </thead>
              <tbody>
                {contract.history.map((h) => (
                  <tr key={h.version}>
                    <Td className="tabular-nums">{h.version}</Td>
                    <Td className="tabular-nums">
                      {h.startsOn} – {h.endsOn ?? "open-ended"}
                    </Td>
                    <Td className="tabular-nums">{h.createdAt.toISOString().slice(0, 10)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </Card>
        )}
        <Card title="Proposals">
          <ProposalTable rows={proposals} showOrg={false} />
        </Card>
      </div>
    </>
  );
}
