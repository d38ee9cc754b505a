"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { ErrorNote } from "@/components/ui/error-note";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { splitList } from "./comma-list";

type Vm = { id: string; name: string; vcpus: number; memoryMb: number; diskGb: number; status: string };

/** Staff changes to a VM: resize, add a service, retire. Each is validated and audited server-side. */
export function VmActions({ vm }: { vm: Vm }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = () => router.refresh();
  const update = useMutation(trpc.inventory.updateVm.mutationOptions({ onSuccess: refresh }));
  const addService = useMutation(trpc.inventory.createService.mutationOptions({ onSuccess: refresh }));
  const retire = useMutation(trpc.inventory.retireVm.mutationOptions({ onSuccess: () => router.push("/desk/inventory") }));
  const [confirming, setConfirming] = useState(false);
  const failure = update.error ?? addService.error ?? retire.error;

  function onResize(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.mutate({ vmId: vm.id, vcpus: Number(form.get("vcpus")), memoryMb: Math.round(Number(form.get("memoryGiB")) * 1024), diskGb: Number(form.get("diskGb")) });
  }

  function onAddService(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const ports = splitList(form.get("ports")).map(Number);
    addService.mutate({ vmId: vm.id, kind: String(form.get("kind") ?? ""), name: String(form.get("name") ?? ""), ports }, { onSuccess: () => formElement.reset() });
  }

  return (
    <div className="space-y-5">
      <form onSubmit={onResize} aria-label="Resize VM" className="flex flex-wrap items-end gap-3">
        <TextField label="vCPUs" name="vcpus" type="number" min={1} defaultValue={vm.vcpus} className="w-24" />
        <TextField label="Memory (GiB)" name="memoryGiB" type="number" min={0.25} step={0.25} defaultValue={vm.memoryMb / 1024} className="w-32" />
        <TextField label="Disk (GB)" name="diskGb" type="number" min={1} defaultValue={vm.diskGb} className="w-28" />
        <Button type="submit" variant="secondary" disabled={update.isPending}>
          Resize
        </Button>
      </form>
      <form onSubmit={onAddService} aria-label="Add service" className="flex flex-wrap items-end gap-3">
        <TextField label="Service kind" name="kind" placeholder="nginx" required className="w-32" />
        <TextField label="Service name" name="name" placeholder="nginx" required className="w-40" />
        <TextField label="Ports" name="ports" placeholder="80, 443" className="w-32" />
        <Button type="submit" variant="secondary" disabled={addService.isPending}>
          Add service
        </Button>
      </form>
      <div className="flex items-center gap-3">
        {confirming ? (
          <>
            <span className="text-sm">Retire {vm.name} and its services? Its history stays.</span>
            <Button variant="danger" onClick={() => retire.mutate({ id: vm.id })} disabled={retire.isPending}>
              Yes, retire
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </>
        ) : (
          <Button variant="danger" onClick={() => setConfirming(true)} disabled={vm.status === "retired"}>
            Retire VM
          </Button>
        )}
      </div>
      <ErrorNote error={failure} />
    </div>
  );
}
