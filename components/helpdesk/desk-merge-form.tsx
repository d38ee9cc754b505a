"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { TextField } from "@/components/ui/field";

type Target = { id: string; number: number; subject: string; orgName: string };

/**
 * Folds this ticket into another, named by its number. The target is looked up and shown first,
 * so a typo in the number cannot merge into the wrong customer's ticket unseen.
 */
export function DeskMergeForm({ ticketId, number }: { ticketId: string; number: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [into, setInto] = useState("");
  const [target, setTarget] = useState<Target | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const merge = useMutation(trpc.helpdesk.merge.mutationOptions({ onSuccess: ({ number: survivor }) => router.push(`/desk/tickets/${survivor}`) }));

  async function onFind(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTarget(null);
    setLookupError(null);
    const wanted = Number(into.replace(/^#/, ""));
    if (!Number.isInteger(wanted) || wanted < 1) return setLookupError(new Error("Enter a ticket number, like 42."));
    if (wanted === number) return setLookupError(new Error("That is this ticket. Enter the number of the ticket to keep."));
    try {
      setTarget(await queryClient.fetchQuery(trpc.helpdesk.lookup.queryOptions({ number: wanted })));
    } catch (error) {
      setLookupError(error);
    }
  }

  return (
    <div className="space-y-2">
      <form aria-label="Merge into another ticket" onSubmit={(e) => void onFind(e)} className="flex items-end gap-2">
        <TextField label="Merge into ticket #" inputMode="numeric" value={into} onChange={(e) => setInto(e.target.value)} className="w-36" />
        <Button type="submit" size="sm" variant="secondary" disabled={!into.trim()}>
          Find
        </Button>
      </form>
      {target && (
        <div className="rounded-md border border-slate-200 bg-slate-50 p-2 text-sm">
          <p>
            Merge #{number} into <strong>#{target.number}</strong> “{target.subject}” ({target.orgName})? Its messages and files move there and this ticket closes.
          </p>
          <Button size="sm" variant="danger" className="mt-2" disabled={merge.isPending} onClick={() => merge.mutate({ ticketId, intoTicketId: target.id })}>
            {merge.isPending ? "Merging…" : `Merge into #${target.number}`}
          </Button>
        </div>
      )}
      <ErrorNote error={lookupError ?? merge.error} />
    </div>
  );
}
