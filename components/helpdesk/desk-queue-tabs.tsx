"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { cn } from "@/components/ui/cn";
import { queueHref, type QueueFilters } from "./desk-queue-params";
import { countWords, viewTabs } from "./desk-words";

/**
 * The queue's views as links (each keeps the filters), the current one marked; counts come from
 * their own cached query so a refresh of the counts never waits on the table, or the other way round.
 */
export function DeskQueueTabs({ filters }: { filters: QueueFilters }) {
  const trpc = useTRPC();
  const queue = useQuery(trpc.helpdesk.queue.queryOptions(filters));
  const counts = useQuery(trpc.helpdesk.queueCounts.queryOptions());
  const currentView = queue.data?.view ?? filters.view;
  return (
    <nav aria-label="Queue views" className="flex flex-wrap gap-1 border-b border-slate-200">
      {viewTabs.map(({ view, label }) => {
        const count = counts.data && view in counts.data ? countWords(counts.data[view as keyof typeof counts.data]) : null;
        const active = view === currentView;
        return (
          <Link
            key={view}
            href={queueHref(filters, { view })}
            aria-current={active ? "page" : undefined}
            aria-label={count === null ? label : `${label}, ${count} ticket${count === "1" ? "" : "s"}`}
            className={cn(
              "-mb-px inline-flex items-center gap-1.5 border-b-2 px-2.5 py-1.5 text-sm",
              active ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
              view === "breached" && count !== null && count !== "0" && !active && "text-red-700",
            )}
          >
            {label}
            {count !== null && (
              <span aria-hidden="true" className={cn("rounded-full px-1.5 text-xs tabular-nums", active ? "bg-brand-100" : "bg-slate-100")}>
                {count}
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
