"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ErrorNote } from "@/components/ui/error-note";
import { Pager } from "@/components/ui/pager";
import { Table, Td, Th } from "@/components/ui/table";
import { statusWords } from "@/server/helpdesk/statuses";
import { DeskBulkBar } from "./desk-bulk-bar";
import { QUEUE_SEARCH_ID, queueHref, type QueueFilters } from "./desk-queue-params";
import { deadlineClass, deadlineStateAt, dueWords, priorityLabels, priorityTone } from "./desk-words";
import { agoWords } from "./portal-ticket-words";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { useNow } from "./use-now";
import { useLiveQueue } from "./use-live-queue";
import { useQueueKeys } from "./use-queue-keys";

type Person = { id: string; name: string };

/**
 * The triage table: one page of a view, soonest deadline first, with checkboxes for bulk changes
 * and single-key shortcuts. It reads the queue through the query cache (prefetched by the page),
 * so anything that invalidates `helpdesk.queue` (a change here, a live event from any desk or the
 * portal) refreshes it.
 */
export function DeskQueue({ filters, people, me, serverNow }: { filters: QueueFilters; people: readonly Person[]; me: Person; serverNow: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const now = useNow(serverNow);
  const queue = useQuery({ ...trpc.helpdesk.queue.queryOptions(filters), placeholderData: keepPreviousData });
  const data = queue.data;
  const rows = data?.rows ?? [];
  const [cursor, setCursor] = useState<number | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState("");
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);
  const dialog = useRef<HTMLDialogElement>(null);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.helpdesk.queue.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.helpdesk.queueCounts.queryKey() }),
    ]);
  const assign = useMutation(trpc.helpdesk.update.mutationOptions({ onSettled: refresh }));
  useLiveQueue(refresh);

  // Checked tickets that left the page (another view, a refresh) are no longer selected.
  const selected = rows.filter((r) => checked.has(r.id)).map((r) => r.id);
  const current = cursor !== null && cursor < rows.length ? cursor : null;
  const currentRow = current !== null ? rows[current] : undefined;

  function moveTo(index: number) {
    if (rows.length === 0) return;
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setCursor(next);
    rowRefs.current[next]?.querySelector<HTMLAnchorElement>("a[data-ticket-link]")?.focus();
    const row = rows[next]!;
    setAnnouncement(`#${row.number} ${row.subject}, ${row.orgName}, ${priorityLabels[row.priority]}, ${dueWords(deadlineStateAt(row, now), row.nextDueAt, now)}. ${next + 1} of ${rows.length}.`);
  }

  function toggle(id: string) {
    const next = new Set(checked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChecked(next);
    const row = rows.find((r) => r.id === id);
    if (row) setAnnouncement(`#${row.number} ${next.has(id) ? "selected" : "unselected"}. ${rows.filter((r) => next.has(r.id)).length} selected.`);
  }

  useQueueKeys({
    next: () => moveTo(current === null ? 0 : current + 1),
    previous: () => moveTo(current === null ? 0 : current - 1),
    toggle: () => currentRow && toggle(currentRow.id),
    open: () => currentRow && router.push(`/desk/tickets/${currentRow.number}`),
    reply: () => currentRow && router.push(`/desk/tickets/${currentRow.number}?reply=1`),
    assign: () => {
      if (!currentRow) return;
      assign.mutate({ ticketId: currentRow.id, assigneeId: me.id }, { onSuccess: () => setAnnouncement(`Assigned #${currentRow.number} to you.`) });
    },
    search: () => document.getElementById(QUEUE_SEARCH_ID)?.focus(),
    help: () => dialog.current?.showModal(),
  });

  const allChecked = rows.length > 0 && selected.length === rows.length;
  return (
    <div className="space-y-3">
      <DeskBulkBar
        ticketIds={selected}
        people={people}
        meId={me.id}
        onDone={(message) => {
          setChecked(new Set());
          setAnnouncement(message);
          void refresh();
        }}
      />
      <ErrorNote error={queue.error ?? assign.error} />
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <Table caption="Tickets, soonest deadline first">
        <thead>
          <tr>
            <Th className="w-8">
              <input
                type="checkbox"
                aria-label="Select every ticket on this page"
                checked={allChecked}
                onChange={() => setChecked(allChecked ? new Set() : new Set(rows.map((r) => r.id)))}
              />
            </Th>
            <Th>#</Th>
            <Th>Subject</Th>
            <Th>Customer</Th>
            <Th>Priority</Th>
            <Th>Status</Th>
            <Th>Assignee</Th>
            <Th>Tags</Th>
            <Th>Due</Th>
            <Th>Updated</Th>
          </tr>
        </thead>
        <tbody className={cn(queue.isPlaceholderData && "opacity-60")}>
          {rows.map((row, i) => {
            const state = deadlineStateAt(row, now);
            return (
              <tr
                key={row.id}
                ref={(el) => {
                  rowRefs.current[i] = el;
                }}
                onFocus={() => setCursor(i)}
                data-current={i === current ? "true" : undefined}
                className={cn("hover:bg-slate-50", i === current && "bg-brand-50 outline-2 -outline-offset-2 outline-brand-600", checked.has(row.id) && i !== current && "bg-amber-50/50")}
              >
                <Td>
                  <input type="checkbox" aria-label={`Select #${row.number}`} checked={checked.has(row.id)} onChange={() => toggle(row.id)} />
                </Td>
                <Td className="tabular-nums text-slate-500">{row.number}</Td>
                <Td className="max-w-md">
                  <Link href={`/desk/tickets/${row.number}`} data-ticket-link className="font-medium text-brand-700 hover:underline">
                    {row.subject}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap">{row.orgName}</Td>
                <Td>
                  <Badge tone={priorityTone[row.priority]}>{priorityLabels[row.priority]}</Badge>
                </Td>
                <Td className="whitespace-nowrap">
                  {statusWords[row.status]}
                  {row.level === "engineering" && <span className="ml-1 text-xs text-slate-500">· engineering</span>}
                </Td>
                <Td className="whitespace-nowrap">{row.assigneeName ?? <span className="text-slate-400">Unassigned</span>}</Td>
                <Td className="text-xs text-slate-600">{row.tags.join(", ")}</Td>
                <Td className={cn("whitespace-nowrap", deadlineClass[state])}>
                  {state === "due_soon" && <span className="sr-only">Due soon: </span>}
                  {row.nextDueAt ? (
                    <time dateTime={row.nextDueAt} title={row.nextDueAt}>
                      {dueWords(state, row.nextDueAt, now)}
                    </time>
                  ) : (
                    dueWords(state, null, now)
                  )}
                </Td>
                <Td className="whitespace-nowrap text-slate-500">
                  <time dateTime={row.updatedAt} title={row.updatedAt}>
                    {agoWords(row.updatedAt, now)}
                  </time>
                </Td>
              </tr>
            );
          })}
          {data && rows.length === 0 && (
            <tr>
              <Td colSpan={10} className="py-6 text-center text-slate-500">
                {filters.search ? `No ticket in this view matches “${filters.search}”.` : "No tickets in this view."}
              </Td>
            </tr>
          )}
        </tbody>
      </Table>
      {data && (
        <Pager
          total={data.total}
          totalIsCapped={data.totalIsCapped}
          page={data.page}
          pageSize={data.pageSize}
          noun="ticket"
          hrefFor={(page) => queueHref({ ...filters, view: data.view }, { page })}
        />
      )}
      <p className="text-xs text-slate-500">
        Press <kbd className="rounded border border-slate-300 px-1 font-mono">?</kbd> for keyboard shortcuts.
      </p>
      <ShortcutsDialog ref={dialog} />
    </div>
  );
}
