import type { Metadata } from "next";
import Link from "next/link";
import { PortalNewTicketForm } from "@/components/helpdesk/portal-new-ticket-form";
import { portalSupportTerms } from "@/components/helpdesk/portal-support-terms";
import { withinWords } from "@/components/helpdesk/portal-ticket-words";
import { currentPortalOrg } from "@/components/portal/current-org";
import { OrgSwitcher } from "@/components/portal/org-switcher";
import { serverCaller } from "@/components/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";
import type { TicketPriority } from "@/server/contracts/terms";

export const metadata: Metadata = { title: "New ticket" };

export default async function PortalNewTicketPage({ searchParams }: { searchParams: Promise<{ org?: string }> }) {
  const { orgs, current } = await currentPortalOrg((await searchParams).org);
  if (!current) return <p className="text-slate-600">You are not a member of any customer organisation yet.</p>;
  const [nodes, terms] = await Promise.all([(await serverCaller()).helpdesk.nodeChoices({ orgId: current.id }), portalSupportTerms(current.id)]);
  // What each priority buys, in the words of the org's own terms.
  const promises = Object.fromEntries(
    terms.targets.map((t) => [t.priority, `We answer ${withinWords(t.firstResponseMinutes, t.clock)}.`]),
  ) as Record<TicketPriority, string>;
  return (
    <>
      <PageHeader
        title="New ticket"
        description={
          <>
            Tell us what is wrong or what you need; we answer here and by e-mail.{" "}
            <Link href={`/portal/tickets?org=${encodeURIComponent(current.slug)}`} className="text-brand-700 underline">
              Back to your tickets
            </Link>
          </>
        }
      />
      <OrgSwitcher orgs={orgs} currentId={current.id} basePath="/portal/tickets/new" />
      <Card title={`A ticket for ${current.name}`}>
        <PortalNewTicketForm key={current.id} org={{ id: current.id, name: current.name }} nodes={nodes} promises={promises} />
      </Card>
    </>
  );
}
