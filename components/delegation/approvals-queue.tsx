"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Fragment, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ErrorNote } from "@/components/ui/error-note";
import { Table, Td, Th } from "@/components/ui/table";
import { ApprovalsBulkBar } from "./approvals-bulk-bar";
import { ReviewPanel, type Decision } from "./review-panel";
import { RolloutProgress } from "./rollout-progress";
import { serversWord, stamp } from "./snippet-words";
import type { QueueItem } from "./types";

const COLUMNS = 10;

function checksWords(item: QueueItem) {
  const { errors, warnings } = item.validation;
  if (errors) return { words: `${errors} error${errors === 1 ? "" : "s"}`, tone: "bad" as const };
  if (warnings) return { words: `${warnings} warning${warnings === 1 ? "" : "s"}`, tone: "warn" as const };
  return { words: "Passed", tone: "good" as const };
}

/**
 * The review queue: every change waiting for a decision, oldest first. Open one to read its diff
 * and findings and decide; or check several and decide them together. Decisions made here stay
 * listed at the top with their rollouts' progress.
 */
export function ApprovalsQueue({ initial }: { initial: QueueItem[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queue = useQuery({ ...trpc.delegation.approvalsQueue.queryOptions({}), initialData: initial, refetchInterval: 30_000 });
  const rows = queue.data;
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<string | null>(null);
  const [decided, setDecided] = useState<Decision[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const selected = rows.filter((r) => checked.has(r.revisionId)).map((r) => r.revisionId);
  const titles = new Map(rows.map((r) => [r.revisionId, `${r.name} version ${r.number}`]));
  const allChecked = rows.length > 0 && selected.length === rows.length;

  function record(decisions: Decision[], message: string) {
    setDecided((before) => [...decisions, ...before]);
    setChecked(new Set());
    setOpen(null);
    setAnnouncement(message);
    void queryClient.invalidateQueries({ queryKey: trpc.delegation.approvalsQueue.queryKey() });
  }

  function toggle(id: string) {
    const next = new Set(checked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChecked(next);
  }

  return (
    <div className="space-y-4">
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {decided.length > 0 && (
        <Card title="Decided just now">
          <ul aria-label="Decided just now" className="space-y-4">
            {decided.map((d) => (
              <li key={d.revisionId} className="space-y-2">
                <p className="text-sm">
                  <span className="font-medium text-slate-800">{d.title}</span>{" "}
                  {d.approved ? (
                    <>
                      <Badge tone="good">Approved</Badge>{" "}
                      {d.rolloutId && (
                        <Link href={`/desk/rollouts/${d.rolloutId}`} className="text-brand-700 underline">
                          Rollout to {serversWord(d.hostsTotal ?? 0)}
                        </Link>
                      )}
                    </>
                  ) : (
                    <>
                      <Badge tone="bad">Rejected</Badge> <span className="text-slate-600">{d.reason}</span>
                    </>
                  )}
                </p>
                {d.rolloutId && <RolloutProgress rolloutId={d.rolloutId} showLogs />}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <ApprovalsBulkBar selected={selected} titles={titles} onDone={record} />
      <ErrorNote error={queue.error} />
      <Table caption="Changes waiting for review, oldest first">
        <thead>
          <tr>
            <Th className="w-8">
              <input type="checkbox" aria-label="Select every change" checked={allChecked} onChange={() => setChecked(allChecked ? new Set() : new Set(rows.map((r) => r.revisionId)))} />
            </Th>
            <Th>Change</Th>
            <Th>Customer</Th>
            <Th>Kind</Th>
            <Th>Target</Th>
            <Th>Author</Th>
            <Th>Submitted</Th>
            <Th>Hosts</Th>
            <Th>Reloads</Th>
            <Th>Checks</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const checks = checksWords(row);
            const isOpen = open === row.revisionId;
            const title = `${row.name} version ${row.number}`;
            return (
              <Fragment key={row.revisionId}>
                <tr className={cn("hover:bg-slate-50", checked.has(row.revisionId) && "bg-amber-50/50", isOpen && "bg-brand-50")}>
                  <Td>
                    <input type="checkbox" aria-label={`Select ${title}`} checked={checked.has(row.revisionId)} onChange={() => toggle(row.revisionId)} />
                  </Td>
                  <Td className="max-w-xs">
                    <Button
                      variant="ghost"
                      size="sm"
                      className="-ml-2 text-left font-medium text-brand-700"
                      aria-expanded={isOpen}
                      aria-controls={`review-${row.revisionId}`}
                      onClick={() => setOpen(isOpen ? null : row.revisionId)}
                    >
                      {title}
                    </Button>
                    {row.ticketNumber && (
                      <Link href={`/desk/tickets/${row.ticketNumber}`} className="ml-1 text-xs text-slate-500 hover:underline">
                        #{row.ticketNumber}
                      </Link>
                    )}
                  </Td>
                  <Td className="whitespace-nowrap">{row.orgName}</Td>
                  <Td className="whitespace-nowrap">{row.kindTitle}</Td>
                  <Td>{row.target}</Td>
                  <Td className="whitespace-nowrap" title={row.authorEmail}>
                    {row.authorName}
                  </Td>
                  <Td className="whitespace-nowrap text-slate-600">
                    <time dateTime={row.submittedAt ? new Date(row.submittedAt).toISOString() : undefined}>{stamp(row.submittedAt)}</time>
                  </Td>
                  <Td title={row.hosts.join(", ")} className="whitespace-nowrap tabular-nums">
                    {row.hostsCount}
                  </Td>
                  <Td className="text-xs">{row.reload ? <code>{row.reload.join(" ")}</code> : <span className="text-slate-500">nothing</span>}</Td>
                  <Td>
                    <Badge tone={checks.tone}>{checks.words}</Badge>
                  </Td>
                </tr>
                {isOpen && (
                  <tr id={`review-${row.revisionId}`}>
                    <Td colSpan={COLUMNS} className="bg-white px-4 py-4">
                      <ReviewPanel item={row} onDecided={(d) => record([d], d.approved ? `Approved ${d.title}.` : `Rejected ${d.title}.`)} />
                    </Td>
                  </tr>
                )}
              </Fragment>
            );
          })}
          {rows.length === 0 && (
            <tr>
              <Td colSpan={COLUMNS} className="py-6 text-center text-slate-500">
                Nothing waits for review.
              </Td>
            </tr>
          )}
        </tbody>
      </Table>
    </div>
  );
}
