"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { DiffView } from "./diff-view";
import type { SnippetRevision } from "./types";

/** Any two revisions side by side as a unified diff; the older one is "from". */
export function RevisionCompare({ revisions, initialFrom, initialTo }: { revisions: readonly SnippetRevision[]; initialFrom?: string; initialTo?: string }) {
  const trpc = useTRPC();
  const [from, setFrom] = useState(initialFrom ?? revisions[1]?.id ?? "");
  const [to, setTo] = useState(initialTo ?? revisions[0]?.id ?? "");
  const [asked, setAsked] = useState<{ fromRevisionId: string; toRevisionId: string } | null>(null);
  const diff = useQuery({ ...trpc.delegation.diff.queryOptions(asked ?? { fromRevisionId: "", toRevisionId: "" }), enabled: asked !== null });
  if (revisions.length < 2) return <p className="text-sm text-slate-600">There is only one version so far; nothing to compare yet.</p>;
  const numberOf = (id: string) => revisions.find((r) => r.id === id)?.number;
  const select = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";
  return (
    <div className="space-y-3">
      <form
        aria-label="Compare versions"
        className="flex flex-wrap items-center gap-2 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          // Older first, whichever way round they were picked, so additions read as what changed since.
          const [a, b] = [revisions.find((r) => r.id === from), revisions.find((r) => r.id === to)];
          if (a && b) setAsked(a.number <= b.number ? { fromRevisionId: a.id, toRevisionId: b.id } : { fromRevisionId: b.id, toRevisionId: a.id });
        }}
      >
        <label>
          Compare version{" "}
          <select aria-label="Older version" value={from} onChange={(e) => setFrom(e.target.value)} className={select}>
            {revisions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.number}
              </option>
            ))}
          </select>
        </label>
        <label>
          with{" "}
          <select aria-label="Newer version" value={to} onChange={(e) => setTo(e.target.value)} className={select}>
            {revisions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.number}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" size="sm" variant="secondary" disabled={from === to}>
          Compare
        </Button>
      </form>
      <ErrorNote error={diff.error} />
      {asked && diff.isLoading && <p className="text-sm text-slate-600">Comparing…</p>}
      {asked && diff.data && (
        <DiffView
          patch={diff.data.patch}
          additions={diff.data.additions}
          deletions={diff.data.deletions}
          identical={diff.data.identical}
          label={`Changes from version ${numberOf(asked.fromRevisionId)} to version ${numberOf(asked.toRevisionId)}`}
        />
      )}
    </div>
  );
}
