"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { SelectField, TextField } from "@/components/ui/field";
import { deviceKinds, deviceStatuses } from "@/server/inventory/schemas";

type Kind = (typeof deviceKinds)[number];
type Status = (typeof deviceStatuses)[number];
type Device = {
  id: string;
  name: string;
  kind: Kind;
  status: Status;
  rackId: string | null;
  rackUnit: number | null;
  heightUnits: number;
  cores: number;
  memoryMb: number;
  diskGb: number;
  managementAddress: string | null;
};
export type RackChoice = { id: string; name: string; units: number; siteName: string };

/** Retiring has its own button, because it first checks that nothing still runs on the device. */
const editableStatuses = deviceStatuses.filter((s) => s !== "retired");

/** Everything staff record about a piece of hardware, in one form; the server refuses taken rack units and shrinking below what runs on it. */
export function DeviceForm({ device, racks }: { device: Device; racks: RackChoice[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.inventory.updateDevice.mutationOptions({ onSuccess: () => router.refresh() }));
  const sites = [...new Set(racks.map((r) => r.siteName))];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const unit = String(form.get("rackUnit") ?? "").trim();
    update.mutate({
      deviceId: device.id,
      name: String(form.get("name") ?? ""),
      kind: String(form.get("kind")) as Kind,
      status: String(form.get("status")) as Status,
      rackId: String(form.get("rackId") ?? "") || null,
      rackUnit: unit ? Number(unit) : null,
      heightUnits: Number(form.get("heightUnits")),
      cores: Number(form.get("cores") || 0),
      memoryMb: Math.round(Number(form.get("memoryGiB") || 0) * 1024),
      diskGb: Number(form.get("diskGb") || 0),
      managementAddress: String(form.get("managementAddress") ?? "").trim() || null,
    });
  }

  return (
    <form onSubmit={onSubmit} aria-label="Edit device" className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label="Name" name="name" required defaultValue={device.name} />
        <SelectField label="Kind" name="kind" defaultValue={device.kind}>
          {deviceKinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </SelectField>
        <SelectField label="Status" name="status" defaultValue={device.status} hint="Maintenance keeps new VMs off it">
          {editableStatuses.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
        <TextField label="Management address" name="managementAddress" defaultValue={device.managementAddress ?? ""} placeholder="10.0.3.20" />
        <SelectField label="Rack" name="rackId" defaultValue={device.rackId ?? ""}>
          <option value="">Not in a rack</option>
          {sites.map((site) => (
            <optgroup key={site} label={site}>
              {racks
                .filter((r) => r.siteName === site)
                .map((r) => (
                  <option key={r.id} value={r.id}>
                    {site} · {r.name} ({r.units} U)
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
        <TextField label="Lowest unit" name="rackUnit" type="number" min={1} max={60} defaultValue={device.rackUnit ?? ""} hint="Counted from 1 at the bottom" />
        <TextField label="Height (units)" name="heightUnits" type="number" min={1} max={16} required defaultValue={device.heightUnits} />
        <TextField label="Cores" name="cores" type="number" min={0} defaultValue={device.cores} />
        <TextField label="Memory (GiB)" name="memoryGiB" type="number" min={0} step="any" defaultValue={device.memoryMb / 1024} />
        <TextField label="Disk (GB)" name="diskGb" type="number" min={0} defaultValue={device.diskGb} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save device"}
        </Button>
        {update.isSuccess && !update.isPending && (
          <p role="status" className="text-sm text-emerald-800">
            Saved.
          </p>
        )}
      </div>
      <ErrorNote error={update.error} />
    </form>
  );
}
