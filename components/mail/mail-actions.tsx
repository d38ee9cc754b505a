"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";

/** Another round of attempts for a mail that failed. */
export function RetryMailButton({ mailId, to }: { mailId: string; to: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const retry = useMutation(trpc.mail.retry.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button size="sm" variant="secondary" disabled={retry.isPending} onClick={() => retry.mutate({ mailId })} aria-label={`Retry the mail to ${to}`}>
        Retry
      </Button>
      <ErrorNote error={retry.error} className="text-xs" />
    </span>
  );
}

/**
 * Release a held mail into a new ticket of the customer staff pick (looked up by name, so it works
 * with thousands of customers), or drop it after a confirmation.
 */
export function QuarantineActions({ quarantineId, subject }: { quarantineId: string; subject: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [search, setSearch] = useState("");
  const [orgId, setOrgId] = useState("");
  const [confirmDrop, setConfirmDrop] = useState(false);
  const orgs = useQuery(trpc.orgs.directory.queryOptions({ search: search || undefined, pageSize: 20 }));
  const release = useMutation(trpc.mail.release.mutationOptions({ onSuccess: () => router.refresh() }));
  const drop = useMutation(trpc.mail.drop.mutationOptions({ onSuccess: () => router.refresh() }));
  const choices = orgs.data?.rows ?? [];
  const chosen = orgId && choices.some((o) => o.id === orgId) ? orgId : (choices[0]?.id ?? "");

  function onRelease(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen) release.mutate({ quarantineId, orgId: chosen });
  }

  return (
    <div className="space-y-2">
      <form onSubmit={onRelease} aria-label={`Release “${subject}”`} className="flex flex-wrap items-end gap-2">
        <input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="Find customer…"
          aria-label="Find the customer"
          className="w-40 rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
        <select value={chosen} onChange={(e) => setOrgId(e.target.value)} aria-label="Customer" className="w-44 rounded-md border border-slate-300 px-2 py-1 text-sm">
          {choices.length === 0 && <option value="">{orgs.isLoading ? "Loading…" : "No customer matches"}</option>}
          {choices.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
        <Button type="submit" size="sm" disabled={!chosen || release.isPending}>
          Open ticket
        </Button>
        {confirmDrop ? (
          <>
            <Button size="sm" variant="danger" disabled={drop.isPending} onClick={() => drop.mutate({ quarantineId })}>
              Drop for good
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirmDrop(false)}>
              Cancel
            </Button>
          </>
        ) : (
          <Button size="sm" variant="ghost" onClick={() => setConfirmDrop(true)}>
            Drop
          </Button>
        )}
      </form>
      <ErrorNote error={release.error ?? drop.error} className="text-xs" />
    </div>
  );
}
