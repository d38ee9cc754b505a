"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorNote } from "@/components/ui/error-note";
import { ContentEditor } from "./content-editor";
import { RevisionCompare } from "./revision-compare";
import { RevisionList } from "./revision-list";
import { RolloutProgress } from "./rollout-progress";
import { revisionStatusWords, serversWord, snippetStatus } from "./snippet-words";
import type { RolloutDetail, SnippetDetail } from "./types";
import { useDraftValidation } from "./use-draft-validation";
import { ValidationList } from "./validation-list";

const ISSUES_ID = "snippet-issues";
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The customer's snippet page: the editor with findings as they type, save and submit (or apply,
 * under an auto grant), the rollout as it happens, and every earlier version to compare or restore.
 */
export function SnippetEditor({ initial, autoApplies, initialRollout }: { initial: SnippetDetail; autoApplies: boolean; initialRollout: RolloutDetail | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: snippet } = useQuery({ ...trpc.delegation.snippets.get.queryOptions({ snippetId: initial.id }), initialData: initial });
  const current = snippet.revisions[0];
  const [content, setContent] = useState<unknown>(current?.content ?? null);
  const [message, setMessage] = useState("");
  const latestRollout = snippet.rollouts[0];
  const rollout = useQuery({
    ...trpc.delegation.rollout.get.queryOptions({ rolloutId: latestRollout?.id ?? "" }),
    enabled: Boolean(latestRollout),
    initialData: initialRollout && initialRollout.id === latestRollout?.id ? initialRollout : undefined,
  });

  const validation = useDraftValidation(snippet.id, content, snippet.canEdit);
  const issues = validation.result?.issues ?? current?.validation.issues ?? [];
  const explain = validation.result?.explain ?? current?.explain ?? [];
  const errors = issues.filter((i) => i.severity === "error").length;
  const dirty = !same(content, current?.content);

  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: trpc.delegation.snippets.get.queryKey({ snippetId: snippet.id }) }), [queryClient, trpc, snippet.id]);
  const save = useMutation(trpc.delegation.saveDraft.mutationOptions());
  const submit = useMutation(trpc.delegation.submit.mutationOptions());
  const busy = save.isPending || submit.isPending;

  async function saveDraft() {
    const saved = await save.mutateAsync({ snippetId: snippet.id, content });
    await refresh();
    return saved;
  }

  async function onSave() {
    setMessage("");
    const saved = await saveDraft();
    setMessage(saved.unchanged ? `Nothing changed since version ${saved.number}.` : `Saved as version ${saved.number} (a draft: not sent yet).`);
  }

  async function onSubmit() {
    setMessage("");
    const draft = dirty || current?.status !== "draft" ? await saveDraft() : { revisionId: current.id, number: current.number };
    const outcome = await submit.mutateAsync({ revisionId: draft.revisionId });
    await refresh();
    setMessage(
      outcome.mode === "auto"
        ? `Version ${outcome.number} passed the checks and is being applied.`
        : `Version ${outcome.number} was sent for review. We will tell you here${outcome.ticketId ? " and on its support ticket" : ""} when it is decided.`,
    );
  }

  const status = snippetStatus(snippet, rollout.data ?? null);
  const waiting = current?.status === "submitted" && !dirty;
  const submitLabel = autoApplies ? "Apply" : "Submit for review";

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card title="Content" actions={<Badge tone={status.tone}>{status.words}</Badge>}>
          <div className="space-y-3">
            {!snippet.canEdit && (
              <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
                You can read this snippet but not change it: there is no grant for it any more. Ask support if you need to change it.
              </p>
            )}
            {current && (
              <p className="text-xs text-slate-500">
                Editing from version {current.number} ({revisionStatusWords[current.status].toLowerCase()}){dirty ? " · unsaved changes" : ""}.
              </p>
            )}
            <ContentEditor snippet={snippet} content={content} onChange={setContent} issues={issues} explain={explain} issuesId={ISSUES_ID} disabled={!snippet.canEdit || busy} />
            <ValidationList id={ISSUES_ID} issues={issues} checking={validation.checking} />
            <ErrorNote error={validation.error} />
            {snippet.editor === "text" && explain.length > 0 && (
              <ul aria-label="What this does" className="list-disc pl-5 text-sm text-slate-700">
                {explain.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
            {snippet.editor === "form" && snippet.kind !== "cron" && explain.length > 0 && (
              <ul aria-label="What this does" className="list-disc pl-5 text-sm text-slate-700">
                {explain.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
            {snippet.canEdit && (
              <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-3">
                <Button variant="secondary" onClick={() => void onSave().catch(() => undefined)} disabled={busy || !dirty}>
                  {save.isPending && !submit.isPending ? "Saving…" : "Save draft"}
                </Button>
                <Button onClick={() => void onSubmit().catch(() => undefined)} disabled={busy || errors > 0 || waiting || validation.checking}>
                  {submit.isPending ? (autoApplies ? "Applying…" : "Sending…") : submitLabel}
                </Button>
                <span className="text-xs text-slate-500">
                  {errors > 0
                    ? "Fix the problems above first."
                    : waiting
                      ? "This version is waiting for review."
                      : autoApplies
                        ? "Changes that pass the checks are applied at once."
                        : "Support reviews every change before it reaches your servers."}
                </span>
              </div>
            )}
            <p role="status" aria-live="polite" className="text-sm text-emerald-700">
              {message}
            </p>
            <ErrorNote error={save.error ?? submit.error} />
          </div>
        </Card>
        <Card title="Versions">
          <div className="space-y-4">
            <RevisionList
              revisions={snippet.revisions}
              canEdit={snippet.canEdit}
              autoApplies={autoApplies}
              onRestored={(words) => {
                setMessage(words);
                void refresh().then(() => {
                  const fresh = queryClient.getQueryData(trpc.delegation.snippets.get.queryKey({ snippetId: snippet.id }));
                  if (fresh?.revisions[0]) setContent(fresh.revisions[0].content);
                });
              }}
            />
            <RevisionCompare key={snippet.revisions.length} revisions={snippet.revisions} />
          </div>
        </Card>
      </div>
      <div className="space-y-6">
        {latestRollout && (
          <Card title="Rollout">
            <p className="mb-2 text-xs text-slate-500">
              Version {snippet.revisions.find((r) => r.id === latestRollout.revisionId)?.number ?? "?"} · rollout {latestRollout.generation}
            </p>
            <RolloutProgress key={latestRollout.id} rolloutId={latestRollout.id} initial={rollout.data} onFinished={refresh} />
          </Card>
        )}
        <Card title="Where it goes">
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-xs text-slate-500">Kind</dt>
              <dd>{snippet.kindTitle}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Target</dt>
              <dd>{snippet.target}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Servers ({serversWord(snippet.hosts.length)})</dt>
              <dd>{snippet.hosts.map((h) => h.name).join(", ") || "None right now"}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">After a change</dt>
              <dd>{snippet.reload ? <code className="text-xs">{snippet.reload.join(" ")}</code> : "Read as it runs; nothing restarts."}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Changes</dt>
              <dd>{autoApplies ? "Apply at once when they pass the checks" : "Need review by support"}</dd>
            </div>
            {snippet.ticket && (
              <div>
                <dt className="text-xs text-slate-500">Discussed on</dt>
                <dd>
                  <Link href={`/portal/tickets/${snippet.ticket.id}`} className="text-brand-700 underline">
                    ticket #{snippet.ticket.number}
                  </Link>
                </dd>
              </div>
            )}
          </dl>
        </Card>
      </div>
    </div>
  );
}
