import type { Metadata } from "next";
import Link from "next/link";
import { PortalTicketList, type PortalTicketRow } from "@/components/helpdesk/portal-ticket-list";
import { currentPortalOrg } from "@/components/portal/current-org";
import { OrgSwitcher } from "@/components/portal/org-switcher";
import { serverCaller } from "@/components/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";

export const metadata: Metadata = { title: "Support" };

const DONE_PAGE_SIZE = 20;
const newest = (a: PortalTicketRow, b: PortalTicketRow) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt);

/** The org's tickets: open ones first (those waiting for the customer at the top), then solved ones. */
export default async function PortalTicketsPage({ searchParams }: { searchParams: Promise<{ org?: string; page?: string }> }) {
  const params = await searchParams;
  const { orgs, current } = await currentPortalOrg(params.org);
  if (!current) return <p className="text-slate-600">You are not a member of any customer organisation yet.</p>;
  const page = Math.min(10_000, Math.max(1, Math.floor(Number(params.page)) || 1));
  const caller = await serverCaller();
  const [open, done] = await Promise.all([
    caller.helpdesk.queue({ orgId: current.id, view: "open", pageSize: 200 }),
    caller.helpdesk.queue({ orgId: current.id, view: "done", pageSize: DONE_PAGE_SIZE, page }),
  ]);
  const now = new Date();
  const waitingOnYou = open.rows.filter((t) => t.status === "waiting_on_customer").sort(newest);
  const withUs = open.rows.filter((t) => t.status !== "waiting_on_customer").sort(newest);
  const newTicket = `/portal/tickets/new?org=${encodeURIComponent(current.slug)}`;

  return (
    <>
      <PageHeader
        title="Support"
        description={`Questions and problems ${current.name} has asked us about.`}
        actions={
          <Link href={newTicket} className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
            New ticket
          </Link>
        }
      />
      <OrgSwitcher orgs={orgs} currentId={current.id} basePath="/portal/tickets" />
      <div className="space-y-6">
        <Card title="Open tickets">
          {open.total === 0 ? (
            <p className="text-sm text-slate-600">
              Nothing open. If something is not right, <Link href={newTicket} className="text-brand-700 underline">tell us in a new ticket</Link>.
            </p>
          ) : (
            <PortalTicketList rows={[...waitingOnYou, ...withUs]} label="Open tickets" now={now} />
          )}
          {open.total > open.rows.length && <p className="mt-2 text-xs text-slate-500">Showing the first {open.rows.length} of {open.total} open tickets.</p>}
        </Card>
        {done.total > 0 && (
          <Card title="Solved and closed">
            <PortalTicketList rows={[...done.rows].sort(newest)} label="Solved and closed tickets" now={now} />
            {done.total > DONE_PAGE_SIZE && (
              <div className="mt-3">
                <Pager
                  total={done.total}
                  totalIsCapped={done.totalIsCapped}
                  page={page}
                  pageSize={DONE_PAGE_SIZE}
                  noun="solved ticket"
                  hrefFor={(p) => `/portal/tickets?org=${encodeURIComponent(current.slug)}&page=${p}`}
                />
              </div>
            )}
          </Card>
        )}
      </div>
    </>
  );
}
