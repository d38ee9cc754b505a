"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { TextAreaField } from "@/components/ui/text-area-field";
import { DiffView } from "./diff-view";
import type { QueueItem } from "./types";
import { ValidationList } from "./validation-list";

export type Decision = { revisionId: string; title: string; approved: boolean; rolloutId?: string; hostsTotal?: number; reason?: string };

/**
 * One change opened for review: the diff against what runs now (or the whole content when the
 * snippet is new), every finding, and approve or reject with a reason the customer reads.
 */
export function ReviewPanel({ item, onDecided }: { item: QueueItem; onDecided: (decision: Decision) => void }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.delegation.snippets.get.queryOptions({ snippetId: item.snippetId }));
  const revision = detail.data?.revisions.find((r) => r.id === item.revisionId);
  // Compared with what the hosts run now; failing that, with what this change was based on.
  const baseId = detail.data ? (detail.data.appliedRevisionId ?? detail.data.approvedRevisionId ?? item.basedOnRevisionId) : null;
  const base = detail.data?.revisions.find((r) => r.id === baseId);
  const diff = useQuery({ ...trpc.delegation.diff.queryOptions({ fromRevisionId: baseId ?? "", toRevisionId: item.revisionId }), enabled: Boolean(baseId && baseId !== item.revisionId) });
  const approve = useMutation(trpc.delegation.approve.mutationOptions());
  const reject = useMutation(trpc.delegation.reject.mutationOptions());
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  const [rejecting, setRejecting] = useState(false);
  const title = `${item.name} version ${item.number}`;
  const busy = approve.isPending || reject.isPending;

  function onApprove() {
    approve.mutate(
      { revisionId: item.revisionId, note: note.trim() || undefined },
      { onSuccess: (out) => onDecided({ revisionId: item.revisionId, title, approved: true, rolloutId: out.rolloutId, hostsTotal: out.hostsTotal }) },
    );
  }

  function onReject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reject.mutate({ revisionId: item.revisionId, reason }, { onSuccess: () => onDecided({ revisionId: item.revisionId, title, approved: false, reason }) });
  }

  const text = revision && typeof (revision.content as { text?: unknown }).text === "string" ? (revision.content as { text: string }).text : null;
  return (
    <div className="space-y-4" role="region" aria-label={`Review of ${title}`}>
      <ErrorNote error={detail.error ?? diff.error} />
      {detail.isLoading && <p className="text-sm text-slate-600">Loading the change…</p>}
      {diff.data && (
        <DiffView
          patch={diff.data.patch}
          additions={diff.data.additions}
          deletions={diff.data.deletions}
          identical={diff.data.identical}
          label={`Changes from version ${base?.number ?? "?"} (${detail.data?.appliedRevisionId === baseId ? "live now" : "earlier"}) to version ${item.number}`}
        />
      )}
      {detail.data && !baseId && (
        <div className="space-y-1">
          <p className="text-sm text-slate-700">A new snippet: all of it is new.</p>
          {text !== null && <pre className="max-h-96 overflow-auto rounded-md border border-slate-200 bg-emerald-50 p-2 text-xs text-emerald-900">{text}</pre>}
        </div>
      )}
      {revision && revision.explain.length > 0 && (
        <ul aria-label="What it does" className="list-disc pl-5 text-sm text-slate-700">
          {revision.explain.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      <div>
        <h3 className="mb-1 text-sm font-medium text-slate-800">Validation report</h3>
        <ValidationList issues={item.validation.issues} label="Findings" />
      </div>
      <div className="flex flex-wrap items-end gap-3 border-t border-slate-100 pt-3">
        <label className="min-w-64 flex-1 text-sm">
          <span className="mb-1 block text-xs font-medium text-slate-600">Note for the customer (optional)</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        </label>
        <Button onClick={onApprove} disabled={busy}>
          {approve.isPending ? "Approving…" : "Approve and roll out"}
        </Button>
        <Button variant="danger" onClick={() => setRejecting((v) => !v)} aria-expanded={rejecting} disabled={busy}>
          Reject…
        </Button>
      </div>
      {rejecting && (
        <form aria-label={`Reject ${title}`} onSubmit={onReject} className="space-y-2">
          <TextAreaField label="Why? The customer reads this." rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} maxLength={2000} />
          <Button type="submit" variant="danger" disabled={busy || reason.trim().length < 3}>
            {reject.isPending ? "Rejecting…" : "Reject this change"}
          </Button>
        </form>
      )}
      <ErrorNote error={approve.error ?? reject.error} />
    </div>
  );
}
