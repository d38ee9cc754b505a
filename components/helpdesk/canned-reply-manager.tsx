"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorNote } from "@/components/ui/error-note";
import { TextField } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { placeholderNames } from "@/server/helpdesk/placeholders";

type Canned = { id: string; title: string; body: string };

const placeholderHint = (
  <>
    Placeholders: {placeholderNames.map((n, i) => (
      <span key={n}>
        {i > 0 && ", "}
        <code>{`{{${n}}}`}</code>
      </span>
    ))}
    . Anything else in braces stays as typed.
  </>
);

/** A title and text, for a new canned reply or an edit of one. */
function CannedForm({ label, initial, submitLabel, pending, error, onSubmit, onCancel }: {
  label: string;
  initial?: Canned;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: { title: string; body: string }) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const [title, setTitle] = useState(initial?.title ?? "");
  const [body, setBody] = useState(initial?.body ?? "");
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void onSubmit({ title, body })
      .then(() => {
        if (!initial) {
          setTitle("");
          setBody("");
        }
      })
      .catch(() => undefined);
  }
  return (
    <form aria-label={label} onSubmit={submit} className="space-y-3">
      <TextField label="Title" required maxLength={120} value={title} onChange={(e) => setTitle(e.target.value)} />
      <TextAreaField label="Text" required rows={7} maxLength={20_000} value={body} onChange={(e) => setBody(e.target.value)} hint={placeholderHint} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending || !title.trim() || !body.trim()}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button size="sm" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
      <ErrorNote error={error} />
    </form>
  );
}

/** One canned reply: read, edit in place, or delete after a confirmation. */
function CannedItem({ reply, onChanged }: { reply: Canned; onChanged: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const update = useMutation(trpc.canned.update.mutationOptions({ onSuccess: onChanged }));
  const remove = useMutation(trpc.canned.delete.mutationOptions({ onSuccess: onChanged }));
  if (editing) {
    return (
      <CannedForm
        label={`Edit “${reply.title}”`}
        initial={reply}
        submitLabel="Save"
        pending={update.isPending}
        error={update.error}
        onSubmit={(values) => update.mutateAsync({ cannedReplyId: reply.id, ...values }).then(() => setEditing(false))}
        onCancel={() => setEditing(false)}
      />
    );
  }
  return (
    <article aria-label={reply.title} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{reply.title}</h3>
        <span className="flex gap-2">
          <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
            Edit
          </Button>
          {confirming ? (
            <>
              <Button size="sm" variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ cannedReplyId: reply.id })}>
                Delete for good
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
                Keep
              </Button>
            </>
          ) : (
            <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
              Delete
            </Button>
          )}
        </span>
      </div>
      <pre className="whitespace-pre-wrap rounded-md bg-slate-50 p-3 font-sans text-sm text-slate-700">{reply.body}</pre>
      <ErrorNote error={remove.error} />
    </article>
  );
}

export function CannedReplyManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.canned.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.canned.list.queryKey() });
  const create = useMutation(trpc.canned.create.mutationOptions({ onSuccess: refresh }));
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <Card title="Canned replies">
        <ErrorNote error={list.error} />
        {list.data?.length === 0 && <p className="text-sm text-slate-500">No canned replies yet.</p>}
        <ul className="divide-y divide-slate-100">
          {list.data?.map((reply) => (
            <li key={reply.id} className="py-3 first:pt-0">
              <CannedItem reply={reply} onChanged={refresh} />
            </li>
          ))}
        </ul>
      </Card>
      <Card title="New canned reply">
        <CannedForm label="New canned reply" submitLabel="Add canned reply" pending={create.isPending} error={create.error} onSubmit={(values) => create.mutateAsync(values)} />
      </Card>
    </div>
  );
}
