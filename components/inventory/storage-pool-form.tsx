"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { TextField } from "@/components/ui/field";

type Pool = { id: string; name: string; capacityGb: number; reservedGb: number };

/** A new pool on a storage server, or an existing one renamed or resized; the server refuses more used space than capacity. */
export function StoragePoolForm({ deviceId, pool }: { deviceId: string; pool?: Pool }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = () => router.refresh();
  const create = useMutation(trpc.inventory.createStoragePool.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.inventory.updateStoragePool.mutationOptions({ onSuccess: refresh }));
  const mutation = pool ? update : create;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const fields = { name: String(form.get("name") ?? ""), capacityGb: Number(form.get("capacityGb")), reservedGb: Number(form.get("reservedGb") || 0) };
    if (pool) update.mutate({ poolId: pool.id, ...fields });
    else create.mutate({ deviceId, ...fields }, { onSuccess: () => formElement.reset() });
  }

  return (
    <form onSubmit={onSubmit} aria-label={pool ? `Edit pool ${pool.name}` : "New storage pool"} className="space-y-2">
      <div className="flex flex-wrap items-end gap-3">
        <TextField label="Pool name" name="name" required defaultValue={pool?.name} placeholder="st02-hdd" className="w-40" />
        <TextField label="Capacity (GB)" name="capacityGb" type="number" min={1} required defaultValue={pool?.capacityGb} className="w-32" />
        <TextField
          label="Used by other data (GB)"
          name="reservedGb"
          type="number"
          min={0}
          defaultValue={pool?.reservedGb ?? 0}
          hint="Snapshots, system; VM disks count on top"
          className="w-48"
        />
        <Button type="submit" variant={pool ? "secondary" : "primary"} disabled={mutation.isPending}>
          {pool ? "Save pool" : "Add pool"}
        </Button>
      </div>
      <ErrorNote error={mutation.error} />
    </form>
  );
}
