"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { SelectField, TextField } from "@/components/ui/field";
import { vmStatuses } from "@/server/inventory/schemas";
import { splitList } from "./comma-list";
import { environmentLabels } from "./format";

type Status = (typeof vmStatuses)[number];
type Vm = {
  id: string;
  name: string;
  environment: keyof typeof environmentLabels;
  role: string;
  status: Status;
  addresses: string[];
  redundancyGroup: string | null;
};

/** Retiring has its own button, because it retires the VM's services with it. */
const editableStatuses = vmStatuses.filter((s) => s !== "retired");

/** What a VM is called and what it is for; where it runs is the move form's business. */
export function VmEditForm({ vm }: { vm: Vm }) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.inventory.updateVm.mutationOptions({ onSuccess: () => router.refresh() }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.mutate({
      vmId: vm.id,
      name: String(form.get("name") ?? ""),
      environment: String(form.get("environment")) as Vm["environment"],
      role: String(form.get("role") ?? ""),
      status: String(form.get("status")) as Status,
      addresses: splitList(form.get("addresses")),
      redundancyGroup: String(form.get("redundancyGroup") ?? "").trim() || null,
    });
  }

  return (
    <form onSubmit={onSubmit} aria-label="Edit VM" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <TextField label="Name" name="name" required defaultValue={vm.name} />
        <SelectField label="Environment" name="environment" defaultValue={vm.environment}>
          {Object.entries(environmentLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField label="Role" name="role" required defaultValue={vm.role} hint="web, db, cache… production and staging are compared by role" />
        <SelectField label="Status" name="status" defaultValue={vm.status}>
          {editableStatuses.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
        <TextField label="Addresses" name="addresses" defaultValue={vm.addresses.join(", ")} hint="IP addresses, separated by commas" />
        <TextField label="Redundancy group" name="redundancyGroup" defaultValue={vm.redundancyGroup ?? ""} hint="VMs of one group go on different hypervisors" />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={update.isPending}>
          Save VM
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
