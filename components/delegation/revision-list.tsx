"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { revisionStatusTone, revisionStatusWords, stamp } from "./snippet-words";
import type { SnippetRevision } from "./types";

/**
 * Every version of a snippet, newest first, with who wrote it and when. Restoring an old one makes
 * a new version with its content and sends it through the same review as any change.
 */
export function RevisionList({ revisions, canEdit, autoApplies, onRestored }: { revisions: readonly SnippetRevision[]; canEdit: boolean; autoApplies: boolean; onRestored: (message: string) => void }) {
  const trpc = useTRPC();
  const rollback = useMutation(trpc.delegation.rollback.mutationOptions());
  const newest = revisions[0]?.id;
  return (
    <div className="space-y-2">
      <ErrorNote error={rollback.error} />
      <ul aria-label="Versions" className="divide-y divide-slate-100">
        {revisions.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            <div className="min-w-0">
              <p className="font-medium text-slate-800">
                Version {r.number} <Badge tone={revisionStatusTone[r.status]}>{revisionStatusWords[r.status]}</Badge>
              </p>
              <p className="text-xs text-slate-500">
                by {r.authorName} · <time dateTime={new Date(r.createdAt).toISOString()}>{stamp(r.createdAt)}</time>
                {r.decidedByName && ` · decided by ${r.decidedByName}`}
              </p>
              {r.status === "rejected" && r.rejectReason && <p className="text-xs text-red-700">Reason: {r.rejectReason}</p>}
            </div>
            {canEdit && r.id !== newest && (
              <Button
                size="sm"
                variant="secondary"
                aria-label={`Restore version ${r.number}`}
                disabled={rollback.isPending}
                onClick={() =>
                  rollback.mutate(
                    { revisionId: r.id, submit: true },
                    {
                      onSuccess: (out) =>
                        onRestored(
                          out.status === "draft"
                            ? `Version ${r.number} is back as a draft.`
                            : autoApplies || out.rolloutId
                              ? `Version ${r.number} is back as version ${out.number} and is being applied.`
                              : `Version ${r.number} is back as version ${out.number} and waits for review.`,
                        ),
                    },
                  )
                }
              >
                Restore this version
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
