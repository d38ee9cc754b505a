"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import type { Decision } from "./review-panel";

const control = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

/** Decides the checked changes together (all or nothing, server-side): approve them, or reject them with one reason. */
export function ApprovalsBulkBar({ selected, titles, onDone }: { selected: readonly string[]; titles: ReadonlyMap<string, string>; onDone: (decisions: Decision[], message: string) => void }) {
  const trpc = useTRPC();
  const approveMany = useMutation(trpc.delegation.approveMany.mutationOptions());
  const rejectMany = useMutation(trpc.delegation.rejectMany.mutationOptions());
  const [reason, setReason] = useState("");
  const count = selected.length;
  const noun = `${count} change${count === 1 ? "" : "s"}`;
  const busy = approveMany.isPending || rejectMany.isPending;
  const title = (id: string) => titles.get(id) ?? "A change";

  function onApprove() {
    approveMany.mutate(
      { revisionIds: [...selected] },
      {
        onSuccess: (out) =>
          onDone(
            out.rollouts.map((r) => ({ revisionId: r.revisionId, title: title(r.revisionId), approved: true, rolloutId: r.rolloutId, hostsTotal: r.hostsTotal })),
            `Approved ${out.approved} of ${noun}${out.approved < count ? "; the rest were replaced by newer versions in the same batch" : ""}.`,
          ),
      },
    );
  }

  function onReject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ids = [...selected];
    rejectMany.mutate(
      { revisionIds: ids, reason },
      {
        onSuccess: () => {
          setReason("");
          onDone(
            ids.map((id) => ({ revisionId: id, title: title(id), approved: false, reason })),
            `Rejected ${noun}.`,
          );
        },
      },
    );
  }

  return (
    <div className="space-y-1">
      <form aria-label="Decide selected changes" onSubmit={onReject} className="flex flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
        <span className="font-medium text-slate-800" aria-live="polite">
          {count ? `${noun} selected` : "Select changes to decide them together"}
        </span>
        <Button size="sm" disabled={!count || busy} onClick={onApprove}>
          {approveMany.isPending ? "Approving…" : `Approve ${noun}`}
        </Button>
        <input aria-label="Reason for rejecting" placeholder="Reason (the customers read it)" value={reason} onChange={(e) => setReason(e.target.value)} disabled={!count} maxLength={2000} className={`${control} min-w-64 flex-1`} />
        <Button type="submit" size="sm" variant="danger" disabled={!count || busy || reason.trim().length < 3}>
          {rejectMany.isPending ? "Rejecting…" : `Reject ${noun}`}
        </Button>
      </form>
      <ErrorNote error={approveMany.error ?? rejectMany.error} />
    </div>
  );
}
