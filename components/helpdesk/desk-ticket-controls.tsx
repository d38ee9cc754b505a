"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { SelectField, TextField } from "@/components/ui/field";
import { ticketPriorities, type TicketPriority } from "@/server/contracts/terms";
import { statusWords, ticketLevels, ticketStatuses, type TicketLevel, type TicketStatus } from "@/server/helpdesk/statuses";
import { priorityLabels } from "./desk-words";

type Editable = { status: TicketStatus; priority: TicketPriority; level: TicketLevel; assigneeId: string | null; category: string | null; tags: readonly string[] };

const levelWords: Record<TicketLevel, string> = { support: "Support (1st level)", engineering: "Engineering (2nd level)" };
const splitTags = (text: string) => [...new Set(text.split(/[\s,]+/).map((t) => t.trim().toLowerCase()).filter(Boolean))];

/**
 * The ticket's properties in one form; only what was changed is sent. The page re-renders the
 * ticket after a save, and remounts this form (keyed by the ticket's updatedAt) with the new values.
 */
export function DeskTicketControls({ ticketId, ticket, people }: { ticketId: string; ticket: Editable; people: readonly { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.helpdesk.update.mutationOptions());
  const [status, setStatus] = useState(ticket.status);
  const [priority, setPriority] = useState(ticket.priority);
  const [level, setLevel] = useState(ticket.level);
  const [assigneeId, setAssigneeId] = useState(ticket.assigneeId ?? "");
  const [category, setCategory] = useState(ticket.category ?? "");
  const [tags, setTags] = useState(ticket.tags.join(", "));

  const wanted = splitTags(tags);
  const changes = {
    ...(status !== ticket.status ? { status } : {}),
    ...(priority !== ticket.priority ? { priority } : {}),
    ...(level !== ticket.level ? { level } : {}),
    ...(assigneeId !== (ticket.assigneeId ?? "") ? { assigneeId: assigneeId || null } : {}),
    ...(category.trim() !== (ticket.category ?? "") ? { category: category.trim() || null } : {}),
    ...(wanted.some((t) => !ticket.tags.includes(t)) ? { addTags: wanted.filter((t) => !ticket.tags.includes(t)) } : {}),
    ...(ticket.tags.some((t) => !wanted.includes(t)) ? { removeTags: ticket.tags.filter((t) => !wanted.includes(t)) } : {}),
  };
  const dirty = Object.keys(changes).length > 0;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (dirty) update.mutate({ ticketId, ...changes }, { onSuccess: () => router.refresh() });
  }

  return (
    <form aria-label="Ticket properties" onSubmit={onSubmit} className="space-y-3">
      <SelectField label="Status" value={status} onChange={(e) => setStatus(e.target.value as TicketStatus)}>
        {ticketStatuses.map((s) => (
          <option key={s} value={s}>
            {statusWords[s]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Priority" value={priority} onChange={(e) => setPriority(e.target.value as TicketPriority)}>
        {ticketPriorities.map((p) => (
          <option key={p} value={p}>
            {priorityLabels[p]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Assignee" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
        <option value="">Unassigned</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Level" value={level} onChange={(e) => setLevel(e.target.value as TicketLevel)} hint="To hand over with a note, use Escalate below.">
        {ticketLevels.map((l) => (
          <option key={l} value={l}>
            {levelWords[l]}
          </option>
        ))}
      </SelectField>
      <TextField label="Category" value={category} onChange={(e) => setCategory(e.target.value)} maxLength={60} placeholder="e.g. network" />
      <TextField label="Tags" value={tags} onChange={(e) => setTags(e.target.value)} hint="One word each, separated by commas." />
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" disabled={!dirty || update.isPending}>
          {update.isPending ? "Saving…" : "Save changes"}
        </Button>
        {update.isSuccess && !dirty && (
          <span role="status" className="text-xs text-emerald-700">
            Saved.
          </span>
        )}
      </div>
      <ErrorNote error={update.error} />
    </form>
  );
}
