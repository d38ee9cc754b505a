"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { TextAreaField } from "@/components/ui/text-area-field";

const scale = [
  { value: 1, words: "Poor" },
  { value: 2, words: "Not good" },
  { value: 3, words: "OK" },
  { value: 4, words: "Good" },
  { value: 5, words: "Excellent" },
] as const;

/** Once a ticket is solved: how we did, 1 to 5, with an optional comment. A second rating replaces the first. */
export function PortalRatingForm({ ticketId, current }: { ticketId: string; current: { rating: number; comment: string | null } | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [editing, setEditing] = useState(current === null);
  const rate = useMutation(
    trpc.helpdesk.rate.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        router.refresh();
      },
    }),
  );

  if (!editing && current) {
    return (
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <p role="status">
          You rated our help {current.rating} out of 5{current.comment ? `: “${current.comment}”` : ""}. Thank you!
        </p>
        <Button variant="ghost" size="sm" onClick={() => setEditing(true)}>
          Change your rating
        </Button>
      </div>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const comment = String(form.get("comment") ?? "").trim();
    rate.mutate({ ticketId, rating: Number(form.get("rating")), comment: comment || null });
  }

  return (
    <form aria-label="Rate our help" onSubmit={onSubmit} className="space-y-4">
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">How did we do?</legend>
        <div className="flex flex-wrap gap-2">
          {scale.map((s) => (
            <label key={s.value} className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" name="rating" value={s.value} required defaultChecked={current?.rating === s.value} />
              {s.value} – {s.words}
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField label="Anything you want to tell us? (optional)" name="comment" rows={3} maxLength={2000} defaultValue={current?.comment ?? ""} />
      <Button type="submit" disabled={rate.isPending}>
        Send rating
      </Button>
      <ErrorNote error={rate.error} />
    </form>
  );
}
