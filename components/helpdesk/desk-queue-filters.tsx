"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { ticketPriorities } from "@/server/contracts/terms";
import { statusWords, ticketStatuses } from "@/server/helpdesk/statuses";
import { QUEUE_SEARCH_ID, queueFilters, queueHref, type QueueFilters, type QueueSearchParams } from "./desk-queue-params";
import { priorityLabels } from "./desk-words";

const control = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/**
 * The queue's filters and search as a plain GET form: the URL carries them, so a filtered view can
 * be shared, and the form works before any script has loaded. The customer is found by name (there
 * may be thousands); the VM list is the chosen customer's.
 */
export function DeskQueueFilters({
  filters,
  view,
  customer,
  vms,
}: {
  filters: QueueFilters;
  /** The view shown, kept when filtering. */
  view?: string;
  customer: { id: string; name: string } | null;
  vms: readonly { id: string; name: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [find, setFind] = useState("");
  const found = useQuery({ ...trpc.orgs.directory.queryOptions({ search: find || undefined, pageSize: 20 }), enabled: find.trim().length > 0 });
  const choices = [...(customer ? [customer] : []), ...(found.data?.rows ?? []).filter((o) => o.id !== customer?.id)];
  const filtered = Boolean(filters.orgId || filters.priority || filters.status || filters.tag || filters.nodeId || filters.search);

  // With scripts, the same GET navigates in place and leaves empty filters out of the URL.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = Object.fromEntries([...new FormData(event.currentTarget)].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    router.push(queueHref(queueFilters(params as QueueSearchParams)));
  }

  return (
    <form method="get" action="/desk" role="search" aria-label="Filter the queue" onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      {view && <input type="hidden" name="view" value={view} />}
      <input
        id={QUEUE_SEARCH_ID}
        type="search"
        name="q"
        defaultValue={filters.search}
        placeholder="Search subjects and messages"
        aria-label="Search tickets"
        className={`${control} w-64`}
      />
      <span className="inline-flex items-center gap-1">
        <input type="search" value={find} onChange={(e) => setFind(e.target.value)} placeholder="Find customer…" aria-label="Find a customer" className={`${control} w-32`} />
        <select name="org" defaultValue={filters.orgId ?? ""} key={choices.map((c) => c.id).join()} aria-label="Customer" className={`${control} max-w-44`}>
          <option value="">Any customer</option>
          {choices.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
      </span>
      <select name="priority" defaultValue={filters.priority ?? ""} aria-label="Priority" className={control}>
        <option value="">Any priority</option>
        {ticketPriorities.map((p) => (
          <option key={p} value={p}>
            {priorityLabels[p]}
          </option>
        ))}
      </select>
      <select name="status" defaultValue={filters.status ?? ""} aria-label="Status" className={control}>
        <option value="">Any status</option>
        {ticketStatuses.map((s) => (
          <option key={s} value={s}>
            {statusWords[s]}
          </option>
        ))}
      </select>
      <input name="tag" defaultValue={filters.tag} placeholder="Tag" aria-label="Tag" className={`${control} w-24`} />
      {vms.length > 0 ? (
        <select name="vm" defaultValue={filters.nodeId ?? ""} aria-label="Linked VM" className={control}>
          <option value="">Any VM</option>
          {vms.map((vm) => (
            <option key={vm.id} value={vm.id}>
              {vm.name}
            </option>
          ))}
        </select>
      ) : (
        filters.nodeId && <input type="hidden" name="vm" value={filters.nodeId} />
      )}
      <button type="submit" className={`${control} font-medium text-slate-800 hover:bg-slate-50`}>
        Filter
      </button>
      {filtered && (
        <Link href={queueHref({ page: 1, ...(filters.view ? { view: filters.view } : {}) })} className="px-1 py-1.5 text-sm text-brand-700 hover:underline">
          Clear filters
        </Link>
      )}
    </form>
  );
}
