"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { TextAreaField } from "@/components/ui/text-area-field";

/** Hands the ticket to engineering with a note saying why (kept as an internal note). */
export function DeskEscalateForm({ ticketId }: { ticketId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const escalate = useMutation(trpc.helpdesk.escalate.mutationOptions({ onSuccess: () => router.refresh() }));
  const [note, setNote] = useState("");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    escalate.mutate({ ticketId, note });
  }

  return (
    <form aria-label="Escalate to engineering" onSubmit={onSubmit} className="space-y-2">
      <TextAreaField label="Why escalate?" rows={3} required maxLength={50_000} value={note} onChange={(e) => setNote(e.target.value)} hint="Engineering sees this first; say what you found." />
      <Button type="submit" size="sm" variant="secondary" disabled={!note.trim() || escalate.isPending}>
        {escalate.isPending ? "Escalating…" : "Escalate to engineering"}
      </Button>
      <ErrorNote error={escalate.error} />
    </form>
  );
}
