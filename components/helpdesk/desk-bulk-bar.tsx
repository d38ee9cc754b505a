"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { ticketPriorities, type TicketPriority } from "@/server/contracts/terms";
import { statusWords, ticketStatuses, type TicketStatus } from "@/server/helpdesk/statuses";
import { priorityLabels } from "./desk-words";

type Person = { id: string; name: string };
const control = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

/**
 * Changes the checked tickets together (all or nothing, server-side): "Assign to me" at once, or
 * any of assignee, priority, status and a tag chosen and applied in one step.
 */
export function DeskBulkBar({ ticketIds, people, meId, onDone }: { ticketIds: readonly string[]; people: readonly Person[]; meId: string; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const bulk = useMutation(trpc.helpdesk.bulkUpdate.mutationOptions());
  const [assigneeId, setAssigneeId] = useState("");
  const [priority, setPriority] = useState<TicketPriority | "">("");
  const [status, setStatus] = useState<TicketStatus | "">("");
  const [tag, setTag] = useState("");
  const count = ticketIds.length;
  const noun = `${count} ticket${count === 1 ? "" : "s"}`;
  const chosen = assigneeId || priority || status || tag.trim();

  async function apply(changes: { assigneeId?: string | null; priority?: TicketPriority; status?: TicketStatus; addTags?: string[] }, message: string) {
    const { updated } = await bulk.mutateAsync({ ticketIds: [...ticketIds], ...changes });
    setAssigneeId("");
    setPriority("");
    setStatus("");
    setTag("");
    onDone(`${message} ${updated === count ? "" : `${count - updated} already had it.`}`.trim());
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) return;
    const name = people.find((p) => p.id === assigneeId)?.name;
    void apply(
      {
        ...(assigneeId ? { assigneeId: assigneeId === "none" ? null : assigneeId } : {}),
        ...(priority ? { priority } : {}),
        ...(status ? { status } : {}),
        ...(tag.trim() ? { addTags: [tag.trim()] } : {}),
      },
      `Changed ${noun}${name ? `: assigned to ${name}` : ""}.`,
    ).catch(() => undefined);
  }

  return (
    <div className="space-y-1">
      <form aria-label="Change selected tickets" onSubmit={onSubmit} className="flex flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
        <span className="font-medium text-slate-800" aria-live="polite">
          {count ? `${noun} selected` : "Select tickets to change them together"}
        </span>
        <Button size="sm" variant="secondary" disabled={!count || bulk.isPending} onClick={() => void apply({ assigneeId: meId }, `Assigned ${noun} to you.`).catch(() => undefined)}>
          Assign to me
        </Button>
        <select aria-label="Assign to" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)} disabled={!count} className={control}>
          <option value="">Assign to…</option>
          <option value="none">Nobody (unassign)</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <select aria-label="Set priority" value={priority} onChange={(e) => setPriority(e.target.value as TicketPriority | "")} disabled={!count} className={control}>
          <option value="">Priority…</option>
          {ticketPriorities.map((p) => (
            <option key={p} value={p}>
              {priorityLabels[p]}
            </option>
          ))}
        </select>
        <select aria-label="Set status" value={status} onChange={(e) => setStatus(e.target.value as TicketStatus | "")} disabled={!count} className={control}>
          <option value="">Status…</option>
          {ticketStatuses.map((s) => (
            <option key={s} value={s}>
              {statusWords[s]}
            </option>
          ))}
        </select>
        <input aria-label="Add tag" placeholder="Add tag" value={tag} onChange={(e) => setTag(e.target.value)} disabled={!count} maxLength={32} className={`${control} w-28`} />
        <Button type="submit" size="sm" disabled={!count || !chosen || bulk.isPending}>
          {bulk.isPending ? "Applying…" : `Apply to ${noun}`}
        </Button>
      </form>
      <ErrorNote error={bulk.error} />
    </div>
  );
}
