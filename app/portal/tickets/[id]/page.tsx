import type { Metadata } from "next";
import Link from "next/link";
import { loadPortalTicket } from "@/components/helpdesk/load-portal-ticket";
import { PortalCloseTicket } from "@/components/helpdesk/portal-close-ticket";
import { EarlierMessages } from "@/components/helpdesk/earlier-messages";
import { LiveTicketRefresh } from "@/components/helpdesk/live-ticket-refresh";
import { PortalRatingForm } from "@/components/helpdesk/portal-rating-form";
import { PortalReplyForm } from "@/components/helpdesk/portal-reply-form";
import { portalSupportTerms } from "@/components/helpdesk/portal-support-terms";
import { PortalThread } from "@/components/helpdesk/portal-thread";
import { customerStatusTone, customerStatusWords, priorityWords, slaSentence } from "@/components/helpdesk/portal-ticket-words";
import { currentPortalOrg } from "@/components/portal/current-org";
import { serverCaller } from "@/components/trpc/server";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Your ticket" };

export default async function PortalTicketPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ thread?: string }> }) {
  const [{ id }, { thread }] = await Promise.all([params, searchParams]);
  const ticket = await loadPortalTicket(id, thread === "all" ? "all" : "latest");
  const [me, terms, { orgs }] = await Promise.all([(await serverCaller()).session.me(), portalSupportTerms(ticket.orgId), currentPortalOrg(undefined)]);
  const now = new Date();
  // The portal shows what customers see, even to an admin looking in: public messages and their files only.
  const messages = ticket.messages.filter((m) => m.visibility === "public");
  const attachments = ticket.attachments.filter((a) => messages.some((m) => m.id === a.messageId));
  const sentence = slaSentence(ticket, now, terms.timeZone);
  const slug = orgs.find((o) => o.id === ticket.orgId)?.slug;
  const closed = ticket.status === "closed" || ticket.mergedInto !== null;
  const solved = ticket.status === "solved" || ticket.status === "closed";

  return (
    <>
      <LiveTicketRefresh ticketId={ticket.id} />
      <PageHeader
        title={ticket.subject}
        description={
          <>
            #{ticket.number} for {ticket.orgName} · {priorityWords[ticket.priority].label} priority ·{" "}
            <Link href={`/portal/tickets${slug ? `?org=${encodeURIComponent(slug)}` : ""}`} className="text-brand-700 underline">
              All tickets
            </Link>
          </>
        }
        actions={<Badge tone={customerStatusTone[ticket.status]}>{customerStatusWords[ticket.status]}</Badge>}
      />
      <div className="space-y-6">
        {sentence && (
          <p className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-800" data-testid="ticket-sla">
            {sentence}
          </p>
        )}
        {ticket.mergedInto && (
          <p className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-800">
            We merged this ticket into{" "}
            <Link href={`/portal/tickets/${ticket.mergedInto.id}`} className="text-brand-700 underline">
              ticket #{ticket.mergedInto.number}
            </Link>
            ; the conversation goes on there.
          </p>
        )}
        {ticket.links.length > 0 && (
          <p className="text-sm text-slate-700">
            About:{" "}
            {ticket.links.map((node, i) => (
              <span key={node.id}>
                {i > 0 && ", "}
                {node.kind === "vm" ? (
                  <Link href={`/portal/vms/${node.id}`} className="text-brand-700 underline">
                    {node.name}
                  </Link>
                ) : (
                  node.name
                )}
              </span>
            ))}
          </p>
        )}
        <EarlierMessages count={ticket.earlierMessages} href={`/portal/tickets/${ticket.id}?thread=all`} />
        <PortalThread messages={messages} attachments={attachments} myName={me.name} now={now} />
        {closed ? (
          <p className="text-sm text-slate-600">
            This ticket is closed.{" "}
            <Link href={`/portal/tickets/new${slug ? `?org=${encodeURIComponent(slug)}` : ""}`} className="text-brand-700 underline">
              Open a new ticket
            </Link>{" "}
            and mention #{ticket.number} if you need more help.
          </p>
        ) : (
          <Card title="Reply">
            <PortalReplyForm ticketId={ticket.id} />
          </Card>
        )}
        {solved && !ticket.mergedInto && (
          <Card title="Rate our help">
            <PortalRatingForm ticketId={ticket.id} current={ticket.satisfaction} />
          </Card>
        )}
        {!closed && (
          <Card title="Done with this?">
            <p className="mb-3 text-sm text-slate-600">If you need nothing more, close the ticket. {ticket.status === "solved" ? "" : "We will stop working on it."}</p>
            <PortalCloseTicket ticketId={ticket.id} />
          </Card>
        )}
      </div>
    </>
  );
}
