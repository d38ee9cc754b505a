import type { Metadata } from "next";
import Link from "next/link";
import { DeskComposer } from "@/components/helpdesk/desk-composer";
import { DeskEscalateForm } from "@/components/helpdesk/desk-escalate-form";
import { DeskHistory } from "@/components/helpdesk/desk-history";
import { DeskMergeForm } from "@/components/helpdesk/desk-merge-form";
import { queueHref } from "@/components/helpdesk/desk-queue-params";
import { DeskSlaPanel } from "@/components/helpdesk/desk-sla-panel";
import { EarlierMessages } from "@/components/helpdesk/earlier-messages";
import { DeskThread } from "@/components/helpdesk/desk-thread";
import { DeskTicketControls } from "@/components/helpdesk/desk-ticket-controls";
import { LiveTicketRefresh } from "@/components/helpdesk/live-ticket-refresh";
import { priorityLabels, priorityTone } from "@/components/helpdesk/desk-words";
import { loadDeskTicket } from "@/components/helpdesk/load-desk-ticket";
import { agoWords } from "@/components/helpdesk/portal-ticket-words";
import { serverCaller } from "@/components/trpc/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { placeholderValuesFor } from "@/server/helpdesk/placeholders";
import { statusWords } from "@/server/helpdesk/statuses";

export async function generateMetadata({ params }: { params: Promise<{ ref: string }> }): Promise<Metadata> {
  const { ref } = await params;
  return { title: /^\d+$/.test(ref) ? `#${ref}` : "Ticket" };
}

/**
 * One ticket for the desk: who and what it is about, its SLA, the whole thread with internal notes,
 * the history, and everything staff change. Server-rendered; every change, here or anywhere else
 * (a customer's reply, another agent), re-reads it through router.refresh().
 */
export default async function DeskTicketPage({ params, searchParams }: { params: Promise<{ ref: string }>; searchParams: Promise<{ reply?: string; thread?: string }> }) {
  const [{ ref }, { reply, thread }] = await Promise.all([params, searchParams]);
  const { ticket, deadlines } = await loadDeskTicket(ref, thread === "all" ? "all" : "latest");
  const caller = await serverCaller();
  const [people, canned, me] = await Promise.all([caller.helpdesk.people(), caller.canned.list(), caller.session.me()]);
  const now = new Date();
  const merged = ticket.mergedInto !== null;
  const customerTickets = queueHref({ view: "all", orgId: ticket.orgId, page: 1 });

  return (
    <>
      <LiveTicketRefresh ticketId={ticket.id} />
      <div className="mb-5 space-y-1">
        <Link href="/desk" className="text-sm text-brand-700 hover:underline">
          ← Queue
        </Link>
        <h1 className="text-xl font-semibold text-slate-900">
          <span className="text-slate-500">#{ticket.number}</span> {ticket.subject}
        </h1>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
          <Link href={customerTickets} className="font-medium text-brand-700 hover:underline">
            {ticket.orgName}
          </Link>
          <span>
            · requested by {ticket.requesterName ? `${ticket.requesterName} <${ticket.requesterEmail}>` : ticket.requesterEmail} · opened{" "}
            <time dateTime={ticket.createdAt.toISOString()} title={ticket.createdAt.toISOString()}>
              {agoWords(ticket.createdAt, now)}
            </time>
          </span>
          <Badge tone={priorityTone[ticket.priority]}>{priorityLabels[ticket.priority]}</Badge>
          <Badge>{statusWords[ticket.status]}</Badge>
          {ticket.level === "engineering" && <Badge tone="warn">Engineering</Badge>}
          <span>{ticket.assigneeName ? `Assigned to ${ticket.assigneeName}` : "Unassigned"}</span>
        </p>
        {ticket.mergedInto && (
          <p role="note" className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
            Merged into{" "}
            <Link href={`/desk/tickets/${ticket.mergedInto.number}`} className="text-brand-700 underline">
              ticket #{ticket.mergedInto.number}
            </Link>
            ; carry on there.
          </p>
        )}
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <EarlierMessages count={ticket.earlierMessages} href={`/desk/tickets/${ticket.number}?thread=all`} />
          <DeskThread messages={ticket.messages} attachments={ticket.attachments} now={now} />
          {!merged && (
            <DeskComposer ticketId={ticket.id} canned={canned} values={placeholderValuesFor(ticket, me.name)} autoFocus={reply === "1"} />
          )}
          <DeskHistory history={ticket.history} people={people} />
        </div>
        <aside aria-label="Ticket details" className="space-y-4">
          <DeskSlaPanel deadlines={deadlines} now={now} />
          {!merged && (
            <Card title="Properties">
              <DeskTicketControls
                key={ticket.updatedAt.toISOString()}
                ticketId={ticket.id}
                ticket={ticket}
                people={people.map(({ id, name }) => ({ id, name }))}
              />
            </Card>
          )}
          <Card title="About">
            {ticket.links.length === 0 ? (
              <p className="text-sm text-slate-500">No VM or service linked.</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {ticket.links.map((node) => (
                  <li key={node.id}>
                    {node.kind === "vm" ? (
                      <>
                        <Link href={`/desk/inventory/vms/${node.id}`} className="font-medium text-brand-700 hover:underline">
                          {node.name}
                        </Link>{" "}
                        <Link href={queueHref({ view: "all", orgId: ticket.orgId, nodeId: node.id, page: 1 })} className="text-xs text-slate-500 hover:underline">
                          (its tickets)
                        </Link>
                      </>
                    ) : (
                      <span>{node.name}</span>
                    )}
                    {node.detail && <span className="text-xs text-slate-500"> · {node.detail}</span>}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {!merged && ticket.level !== "engineering" && (
            <Card title="Escalate">
              <DeskEscalateForm ticketId={ticket.id} />
            </Card>
          )}
          {!merged && (
            <Card title="Merge">
              <DeskMergeForm ticketId={ticket.id} number={ticket.number} />
            </Card>
          )}
        </aside>
      </div>
    </>
  );
}
