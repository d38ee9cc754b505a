"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { SelectField, TextField } from "@/components/ui/field";

/** A new rack standing in one of the sites. */
export function RackForm({ sites }: { sites: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.inventory.createRack.mutationOptions({ onSuccess: () => router.refresh() }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      { siteId: String(form.get("siteId") ?? ""), name: String(form.get("name") ?? ""), units: Number(form.get("units")) },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <form onSubmit={onSubmit} aria-label="New rack" className="space-y-2">
      <div className="flex flex-wrap items-end gap-3">
        <SelectField label="Site" name="siteId" className="w-40">
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Rack name" name="name" required placeholder="A03" className="w-32" />
        <TextField label="Height (units)" name="units" type="number" min={1} max={60} required defaultValue={42} className="w-32" />
        <Button type="submit" disabled={create.isPending || sites.length === 0}>
          Add rack
        </Button>
      </div>
      <ErrorNote error={create.error} />
    </form>
  );
}
