import type { Metadata } from "next";
import Link from "next/link";
import { DeskQueue } from "@/components/helpdesk/desk-queue";
import { DeskQueueFilters } from "@/components/helpdesk/desk-queue-filters";
import { queueFilters, type QueueSearchParams } from "@/components/helpdesk/desk-queue-params";
import { DeskQueueTabs } from "@/components/helpdesk/desk-queue-tabs";
import { getQueryClient, HydrateClient, serverCaller, trpc } from "@/components/trpc/server";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Queue" };

/**
 * The triage queue. The view and filters live in the URL; the table and the view counts are
 * prefetched here and read by client components from the query cache, so they can refetch on
 * their own (after a change, or on a live event) without reloading the page.
 */
export default async function DeskQueuePage({ searchParams }: { searchParams: Promise<QueueSearchParams> }) {
  const filters = queueFilters(await searchParams);
  // Relative times ("due in 5 min") start from the render, so the browser's first paint agrees with it.
  const renderedAt = new Date();
  const caller = await serverCaller();
  const queryClient = getQueryClient();
  const [, , people, me, customer, vms] = await Promise.all([
    queryClient.prefetchQuery(trpc.helpdesk.queue.queryOptions(filters)),
    queryClient.prefetchQuery(trpc.helpdesk.queueCounts.queryOptions()),
    caller.helpdesk.people(),
    caller.session.me(),
    filters.orgId ? caller.orgs.get({ orgId: filters.orgId }).catch(() => null) : null,
    filters.orgId ? caller.helpdesk.nodeChoices({ orgId: filters.orgId }).catch(() => []) : [],
  ]);
  return (
    <HydrateClient>
      <PageHeader
        title="Help desk"
        description="Tickets by their next SLA deadline."
        actions={
          <Link href="/desk/canned-replies" className="text-sm text-brand-700 hover:underline">
            Canned replies
          </Link>
        }
      />
      <div className="space-y-3">
        <DeskQueueTabs filters={filters} />
        <DeskQueueFilters filters={filters} view={filters.view} customer={customer ? { id: customer.id, name: customer.name } : null} vms={vms.map(({ id, name }) => ({ id, name }))} />
        <DeskQueue
          filters={filters}
          people={people.map(({ id, name }) => ({ id, name }))}
          me={{ id: me.userId, name: me.name }}
          serverNow={renderedAt.getTime()}
        />
      </div>
    </HydrateClient>
  );
}
