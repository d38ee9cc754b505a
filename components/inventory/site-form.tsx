"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { TextField } from "@/components/ui/field";

type Site = { id: string; name: string; city: string };

/** A new data centre, or an existing one renamed or its city corrected. */
export function SiteForm({ site }: { site?: Site }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = () => router.refresh();
  const create = useMutation(trpc.inventory.createSite.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.inventory.updateSite.mutationOptions({ onSuccess: refresh }));
  const mutation = site ? update : create;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const fields = { name: String(form.get("name") ?? ""), city: String(form.get("city") ?? "") };
    if (site) update.mutate({ siteId: site.id, ...fields });
    else create.mutate(fields, { onSuccess: () => formElement.reset() });
  }

  return (
    <form onSubmit={onSubmit} aria-label={site ? `Edit site ${site.name}` : "New site"} className="space-y-2">
      <div className="flex flex-wrap items-end gap-3">
        <TextField label="Site code" name="name" required defaultValue={site?.name} placeholder="FRA2" className="w-32" />
        <TextField label="City" name="city" required defaultValue={site?.city} placeholder="Frankfurt am Main" className="w-56" />
        <Button type="submit" variant={site ? "secondary" : "primary"} disabled={mutation.isPending}>
          {site ? "Save site" : "Add site"}
        </Button>
      </div>
      <ErrorNote error={mutation.error} />
    </form>
  );
}
