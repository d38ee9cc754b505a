"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { ErrorNote } from "@/components/ui/error-note";
import { hostsFinished, hostStateTone, hostStateWords, rolloutFinished, rolloutSentence } from "./snippet-words";
import type { RolloutDetail } from "./types";

/** Re-reads while the live feed is down; with the feed up, a slow re-read is only a safety net. */
const POLL_MS = 1000;
const SAFETY_POLL_MS = 10_000;

/**
 * A rollout's progress: a bar of hosts finished out of all, each host's state (and for staff its
 * log). It updates live from `rollout.progress` (server-sent events as the worker reports each
 * host), and falls back to re-reading every second while that feed is not connected.
 */
export function RolloutProgress({ rolloutId, initial, showLogs = false, onFinished }: { rolloutId: string; initial?: RolloutDetail; showLogs?: boolean; onFinished?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.delegation.rollout.get.queryKey({ rolloutId });
  const live = useSubscription(
    trpc.rollout.progress.subscriptionOptions(
      { rolloutId },
      // The feed sends the whole progress each time: it simply becomes the cached rollout.
      { enabled: !(initial && rolloutFinished(initial)), onData: (event) => queryClient.setQueryData(key, event.data) },
    ),
  );
  const connected = live.status === "pending";
  const query = useQuery({
    ...trpc.delegation.rollout.get.queryOptions({ rolloutId }),
    initialData: initial,
    refetchInterval: (q) => (q.state.data && rolloutFinished(q.state.data) ? false : connected ? SAFETY_POLL_MS : POLL_MS),
  });
  const rollout = query.data;
  const finished = rollout ? rolloutFinished(rollout) : false;
  // Pages around the bar (the snippet's status, its revisions) re-read once, when it ends.
  useEffect(() => {
    if (finished) onFinished?.();
  }, [finished, onFinished]);
  if (!rollout) return query.error ? <ErrorNote error={query.error} /> : <p className="text-sm text-slate-600">Loading the rollout…</p>;
  const done = hostsFinished(rollout.counts);
  const total = rollout.hostsTotal;
  const sentence = rolloutSentence(rollout);
  const failed = rollout.counts.failed > 0;
  return (
    <div className="space-y-3">
      <div>
        <p className="mb-1 flex justify-between text-sm">
          <span className="font-medium text-slate-800" role="status" aria-live="polite">
            {sentence}
          </span>
          <span className="tabular-nums text-slate-600">
            {done} of {total} servers
          </span>
        </p>
        <div
          role="progressbar"
          aria-label="Rollout progress"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
          aria-valuetext={`${done} of ${total} servers`}
          className="h-3 w-full overflow-hidden rounded bg-slate-100"
        >
          <div
            className={failed ? "h-full bg-red-500 transition-all" : rolloutFinished(rollout) ? "h-full bg-emerald-500 transition-all" : "h-full bg-brand-600 transition-all"}
            style={{ width: `${total ? (done / total) * 100 : 100}%` }}
          />
        </div>
      </div>
      <ul aria-label="Servers" className="divide-y divide-slate-100 text-sm">
        {rollout.hosts.map((host) => (
          <li key={host.vmId} className="py-2">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium text-slate-800">{host.vmName}</span>
              <Badge tone={hostStateTone[host.state]}>{hostStateWords[host.state]}</Badge>
            </div>
            {showLogs && host.log && (
              <details className="mt-1">
                <summary className="cursor-pointer text-xs text-slate-600">Log of {host.vmName}</summary>
                <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap rounded bg-slate-900 p-2 text-xs text-slate-100">{host.log}</pre>
              </details>
            )}
            {!showLogs && host.state === "failed" && <p className="mt-1 text-xs text-red-700">Nothing changed on this server: the old configuration keeps running.</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}
