"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { TextField } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/text-area-field";
import type { TicketPriority } from "@/server/contracts/terms";
import { problemsWithFiles } from "@/server/helpdesk/attachment-rules";
import { AttachmentPicker, uploadAttachments } from "./attachment-upload";
import { priorityWords } from "./portal-ticket-words";

export type NodeChoice = { id: string; name: string; environment: string; services: { id: string; name: string; kind: string }[] };

const MAX_NODES = 20;
const priorities: TicketPriority[] = ["low", "normal", "high", "urgent"];

/**
 * Files a ticket for the org: subject, description, priority (each explained, with what we
 * promise for it), the servers it is about and files. The ticket is created first, then the files
 * are uploaded to it; a failed upload leaves the ticket filed and says so.
 */
export function PortalNewTicketForm({ org, nodes, promises }: { org: { id: string; name: string }; nodes: NodeChoice[]; promises: Record<TicketPriority, string> }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.helpdesk.create.mutationOptions());
  const [files, setFiles] = useState<File[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<number | null>(null);
  const [filed, setFiled] = useState<{ ticketId: string; number: number; uploadError: string } | null>(null);
  const busy = create.isPending || progress !== null || filed !== null;
  const tooMany = chosen.size > MAX_NODES;

  const toggle = (id: string, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (tooMany || problemsWithFiles(files).length) return;
    const form = new FormData(event.currentTarget);
    const ticket = await create.mutateAsync({
      orgId: org.id,
      subject: String(form.get("subject") ?? ""),
      body: String(form.get("body") ?? ""),
      priority: String(form.get("priority") ?? "normal") as TicketPriority,
      nodeIds: [...chosen],
    });
    if (files.length) {
      setProgress(0);
      try {
        // No message id: a customer's files go with their latest message, the one just written.
        await uploadAttachments({ ticketId: ticket.ticketId, files, onProgress: setProgress });
      } catch (error) {
        setProgress(null);
        setFiled({ ...ticket, uploadError: error instanceof Error ? error.message : "The upload failed." });
        return;
      }
    }
    router.push(`/portal/tickets/${ticket.ticketId}`);
  }

  return (
    <form aria-label="New ticket" onSubmit={(e) => void onSubmit(e).catch(() => undefined)} className="space-y-6">
      <TextField label="Subject" name="subject" required minLength={3} maxLength={200} placeholder="e.g. Checkout page times out" disabled={busy} />
      <TextAreaField
        label="What happened?"
        name="body"
        required
        rows={8}
        maxLength={50_000}
        disabled={busy}
        hint="You can use Markdown: **bold**, `code`, lists and links. Error messages, what you tried and since when it happens all help us answer faster."
      />

      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">How urgent is it?</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {priorities.map((p) => (
            <label key={p} className="flex cursor-pointer gap-3 rounded-md border border-slate-300 p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" name="priority" value={p} defaultChecked={p === "normal"} disabled={busy} className="mt-0.5" aria-describedby={`priority-${p}-note`} />
              <span>
                <span className="font-medium text-slate-900">{priorityWords[p].label}</span>
                <span id={`priority-${p}-note`} className="block text-slate-600">
                  {priorityWords[p].when} {promises[p]}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">
          Which servers or services is it about? <span className="font-normal text-slate-500">(optional)</span>
        </legend>
        {nodes.length === 0 ? (
          <p className="text-sm text-slate-600">{org.name} has no servers with us yet.</p>
        ) : (
          <ul className="max-h-80 space-y-2 overflow-y-auto rounded-md border border-slate-200 p-3">
            {nodes.map((vm) => (
              <li key={vm.id}>
                <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
                  <input type="checkbox" checked={chosen.has(vm.id)} onChange={(e) => toggle(vm.id, e.target.checked)} disabled={busy} />
                  {vm.name} <span className="font-normal text-slate-500">{vm.environment}</span>
                </label>
                {vm.services.length > 0 && (
                  <ul aria-label={`Services on ${vm.name}`} className="mt-1 ml-6 flex flex-wrap gap-x-4 gap-y-1">
                    {vm.services.map((s) => (
                      <li key={s.id}>
                        <label className="flex items-center gap-2 text-sm text-slate-700">
                          <input type="checkbox" checked={chosen.has(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} disabled={busy} />
                          {s.name}
                          <span className="sr-only"> on {vm.name}</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
        {tooMany && (
          <p role="alert" className="mt-1 text-sm text-red-700">
            Pick at most {MAX_NODES}; if more are affected, say so in the description.
          </p>
        )}
      </fieldset>

      <AttachmentPicker files={files} onChange={setFiles} progress={progress} disabled={busy} />

      {filed ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          Your ticket #{filed.number} was sent, but the files were not attached: {filed.uploadError}{" "}
          <Link href={`/portal/tickets/${filed.ticketId}`} className="font-medium underline">
            Open the ticket
          </Link>{" "}
          to attach them with a reply.
        </div>
      ) : (
        <Button type="submit" disabled={busy || tooMany || problemsWithFiles(files).length > 0}>
          {create.isPending ? "Sending…" : progress !== null ? "Uploading files…" : "Send ticket"}
        </Button>
      )}
      <ErrorNote error={create.error} />
    </form>
  );
}
