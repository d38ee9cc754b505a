"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { SelectField, TextField } from "@/components/ui/field";
import type { OrgGrant } from "./load-org-snippets";
import { modeWords } from "./snippet-words";

/** A file-name-safe short name from the human one: "Cache rules!" → "cache-rules". */
const slugFrom = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);

/** Starts a snippet under one of the org's grants: its kind and target come from the grant. */
export function NewSnippetForm({ orgId, grants }: { orgId: string; grants: readonly OrgGrant[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.delegation.snippets.create.mutationOptions());
  const [grantId, setGrantId] = useState(grants[0]?.id ?? "");
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugTouched, setSlugTouched] = useState(false);
  const grant = grants.find((g) => g.id === grantId);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!grant) return;
    create.mutate(
      { orgId, kind: grant.kind, scope: grant.scope, name, slug: slugTouched ? slug : slugFrom(name) },
      { onSuccess: ({ snippetId }) => router.push(`/portal/config/${snippetId}`) },
    );
  }

  if (grants.length === 0) return <p className="text-sm text-slate-600">You need a grant before you can add a snippet.</p>;
  return (
    <form aria-label="New snippet" onSubmit={onSubmit} className="space-y-3">
      <SelectField label="What and where" value={grantId} onChange={(e) => setGrantId(e.target.value)}>
        {grants.map((g) => (
          <option key={g.id} value={g.id}>
            {g.kindTitle} on {g.target} ({modeWords[g.mode].toLowerCase()})
          </option>
        ))}
      </SelectField>
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} placeholder="Cache rules for the shop" />
      <TextField
        label="Short name"
        hint="Letters, digits and dashes; it becomes part of file names and cannot change later."
        value={slugTouched ? slug : slugFrom(name)}
        onChange={(e) => {
          setSlugTouched(true);
          setSlug(e.target.value);
        }}
        required
        maxLength={48}
      />
      <Button type="submit" disabled={create.isPending || !name.trim()}>
        {create.isPending ? "Creating…" : "Create snippet"}
      </Button>
      <ErrorNote error={create.error} />
    </form>
  );
}
