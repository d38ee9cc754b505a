import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { calendarMap } from "@/components/contracts/calendar-map";
import { AcceptVersionButton, WithdrawProposalButton } from "@/components/contracts/proposal-actions";
import { proposalStatusTone } from "@/components/contracts/status-tone";
import { TermsView } from "@/components/contracts/terms-view";
import { isUuid } from "@/components/inventory/is-uuid";
import { serverCaller } from "@/components/trpc/server";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { getActor } from "@/server/auth/session";
import { hasStaffRole } from "@/server/auth/actor";

export const metadata: Metadata = { title: "Proposal" };

/** One proposal with every version as offered; the open one can be accepted, which makes it the contract. */
export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const caller = await serverCaller();
  const [proposal, calendars, actor] = await Promise.all([caller.sla.proposal({ proposalId: id }), calendarMap(), getActor()]);
  const negotiates = actor !== null && hasStaffRole(actor, ["account_manager"]);
  const open = proposal.status === "open";
  return (
    <>
      <PageHeader
        title={proposal.title}
        description={
          <>
            For <Link href={`/accounts/orgs/${proposal.orgId}`} className="text-brand-700 hover:underline">{proposal.orgName}</Link> ·{" "}
            <Badge tone={proposalStatusTone[proposal.status]}>{proposal.status}</Badge> · {proposal.versions.length} version
            {proposal.versions.length === 1 ? "" : "s"}
          </>
        }
        actions={negotiates && open ? <WithdrawProposalButton proposalId={proposal.id} /> : undefined}
      />
      <div className="space-y-6">
        {proposal.versions.map((v) => (
          <Card
            key={v.id}
            className="break-inside-avoid"
            title={`Version ${v.version}${v.id === proposal.acceptedVersionId ? " — accepted" : ""}`}
            actions={<span className="text-xs text-slate-500">{`${v.createdBy ?? "someone"}, ${v.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC`}</span>}
          >
            {v.note && <p className="mb-3 text-sm text-slate-700">{v.note}</p>}
            <TermsView terms={v.terms} calendars={calendars} />
            {negotiates && open && (
              <div className="mt-4 print:hidden">
                <AcceptVersionButton versionId={v.id} version={v.version} orgName={proposal.orgName} startsOn={v.terms.startsOn} />
              </div>
            )}
          </Card>
        ))}
      </div>
    </>
  );
}
