"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { TextField } from "@/components/ui/field";
import { splitList } from "./comma-list";

type Service = { id: string; name: string; kind: string; ports: number[] };

/** Staff correct a service's name, kind or ports in place; the form opens on demand to keep the list readable. */
export function ServiceEditor({ service }: { service: Service }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const update = useMutation(
    trpc.inventory.updateService.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        router.refresh();
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.mutate({
      serviceId: service.id,
      name: String(form.get("name") ?? ""),
      kind: String(form.get("kind") ?? ""),
      ports: splitList(form.get("ports")).map(Number),
    });
  }

  if (!open)
    return (
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)} aria-label={`Edit service ${service.name}`}>
        Edit
      </Button>
    );
  return (
    <form onSubmit={onSubmit} aria-label={`Edit service ${service.name}`} className="mt-2 space-y-2">
      <div className="flex flex-wrap items-end gap-3">
        <TextField label="Service name" name="name" required defaultValue={service.name} className="w-40" />
        <TextField label="Service kind" name="kind" required defaultValue={service.kind} className="w-32" />
        <TextField label="Ports" name="ports" defaultValue={service.ports.join(", ")} hint="Separated by commas" className="w-40" />
        <Button type="submit" size="sm" disabled={update.isPending}>
          Save service
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      <ErrorNote error={update.error} />
    </form>
  );
}
