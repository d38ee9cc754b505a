"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { ErrorNote } from "@/components/ui/error-note";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { deviceKinds } from "@/server/inventory/schemas";

type Device = { id: string; name: string; kind: string };
type Dependency = { id: string; parent: string; child: string; redundancyGroup: string | null };

/** Adding hardware and wiring it up: new devices, and the explicit dependencies between devices. */
export function HardwareEditor({ devices, dependencies }: { devices: Device[]; dependencies: Dependency[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = () => router.refresh();
  const create = useMutation(trpc.inventory.createDevice.mutationOptions({ onSuccess: refresh }));
  const link = useMutation(trpc.inventory.addDependency.mutationOptions({ onSuccess: refresh }));
  const unlink = useMutation(trpc.inventory.removeDependency.mutationOptions({ onSuccess: refresh }));
  const failure = create.error ?? link.error ?? unlink.error;

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      {
        name: String(form.get("name") ?? ""),
        kind: String(form.get("kind")) as (typeof deviceKinds)[number],
        cores: Number(form.get("cores") || 0),
        memoryMb: Math.round(Number(form.get("memoryGiB") || 0) * 1024),
        diskGb: Number(form.get("diskGb") || 0),
        managementAddress: String(form.get("managementAddress") ?? "") || null,
      },
      { onSuccess: () => formElement.reset() },
    );
  }

  function onLink(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    link.mutate({
      parentKind: "device",
      parentId: String(form.get("parentId")),
      childKind: "device",
      childId: String(form.get("childId")),
      redundancyGroup: String(form.get("group") ?? "").trim() || null,
    });
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onCreate} aria-label="New device" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-7 lg:items-end">
        <TextField label="Name" name="name" required placeholder="kvm07" />
        <SelectField label="Kind" name="kind" defaultValue="hypervisor">
          {deviceKinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </SelectField>
        <TextField label="Cores" name="cores" type="number" min={0} />
        <TextField label="Memory (GiB)" name="memoryGiB" type="number" min={0} />
        <TextField label="Disk (GB)" name="diskGb" type="number" min={0} />
        <TextField label="Management address" name="managementAddress" placeholder="10.0.3.20" />
        <Button type="submit" disabled={create.isPending}>
          Add device
        </Button>
      </form>
      <div>
        <h3 className="mb-2 text-sm font-semibold">Dependencies between devices</h3>
        <form onSubmit={onLink} aria-label="New dependency" className="mb-3 flex flex-wrap items-end gap-3">
          <SelectField label="This device" name="childId">
            {devices.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.kind})
              </option>
            ))}
          </SelectField>
          <SelectField label="depends on" name="parentId">
            {devices.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.kind})
              </option>
            ))}
          </SelectField>
          <TextField label="Redundancy group" name="group" hint="Same group: any one parent is enough" />
          <Button type="submit" variant="secondary" disabled={link.isPending}>
            Add dependency
          </Button>
        </form>
        <ul className="grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {dependencies.map((d) => (
            <li key={d.id} className="flex items-center justify-between gap-2 rounded border border-slate-100 px-2 py-1">
              <span>
                {d.child} → {d.parent}
                {d.redundancyGroup && <span className="text-slate-500"> · group {d.redundancyGroup}</span>}
              </span>
              <Button size="sm" variant="ghost" onClick={() => unlink.mutate({ id: d.id })} aria-label={`Remove dependency of ${d.child} on ${d.parent}`}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      </div>
      <ErrorNote error={failure} />
    </div>
  );
}
