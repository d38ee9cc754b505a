"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useDeferredValue, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { ErrorNote } from "@/components/ui/error-note";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { environmentLabels, formatMemory } from "./format";
import { RejectedHypervisors } from "./rejected-hypervisors";

type Option = { id: string; name: string };

/**
 * Creating a VM: the form asks the placement rules as the sizes are typed and offers the hypervisors
 * that fit, least loaded first, with the reasons the others were passed over.
 */
export function NewVmForm({ orgs, pools }: { orgs: Option[]; pools: (Option & { deviceName: string })[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [orgId, setOrgId] = useState(orgs[0]?.id ?? "");
  const [vcpus, setVcpus] = useState(2);
  const [memoryGiB, setMemoryGiB] = useState(4);
  const [group, setGroup] = useState("");
  const [hypervisorId, setHypervisorId] = useState("");
  const request = useDeferredValue({ orgId, vcpus, memoryMb: Math.round(memoryGiB * 1024), redundancyGroup: group.trim() || null });
  const placement = useQuery({
    ...trpc.inventory.placement.queryOptions(request),
    enabled: Boolean(orgId) && request.vcpus > 0 && request.memoryMb >= 256,
  });
  const chosen = hypervisorId || placement.data?.candidates[0]?.id || "";
  const create = useMutation(trpc.inventory.createVm.mutationOptions({ onSuccess: (vm) => router.push(`/desk/inventory/vms/${vm.id}`) }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      orgId,
      name: String(form.get("name") ?? ""),
      environment: String(form.get("environment")) as keyof typeof environmentLabels,
      role: String(form.get("role") ?? "app"),
      vcpus,
      memoryMb: Math.round(memoryGiB * 1024),
      diskGb: Number(form.get("diskGb")),
      storagePoolId: String(form.get("storagePoolId")),
      hypervisorId: chosen,
      redundancyGroup: group.trim() || null,
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-label="New VM">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField label="Customer" value={orgId} onChange={(e) => setOrgId(e.target.value)}>
          {orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Name" name="name" required placeholder="acme-web04" />
        <SelectField label="Environment" name="environment" defaultValue="production">
          {Object.entries(environmentLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField label="Role" name="role" defaultValue="app" hint="web, db, cache… production and staging are compared by role" />
        <TextField label="vCPUs" type="number" min={1} max={256} value={vcpus} onChange={(e) => setVcpus(Number(e.target.value))} required />
        <TextField label="Memory (GiB)" type="number" min={0.25} step={0.25} value={memoryGiB} onChange={(e) => setMemoryGiB(Number(e.target.value))} required />
        <TextField label="Disk (GB)" name="diskGb" type="number" min={1} defaultValue={40} required />
        <TextField label="Redundancy group" value={group} onChange={(e) => setGroup(e.target.value)} hint="VMs of one group go on different hypervisors" />
        <SelectField label="Storage pool" name="storagePoolId">
          {pools.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.deviceName})
            </option>
          ))}
        </SelectField>
        <SelectField label="Hypervisor" value={chosen} onChange={(e) => setHypervisorId(e.target.value)} hint="Only hypervisors that fit are offered">
          {placement.data?.candidates.map((c, i) => (
            <option key={c.id} value={c.id}>
              {c.name} — {formatMemory(c.after.freeMemoryMb)} free after{i === 0 ? " (least loaded)" : ""}
            </option>
          ))}
        </SelectField>
      </div>
      <RejectedHypervisors rejected={placement.data?.rejected ?? []} />
      {placement.data && placement.data.candidates.length === 0 && (
        <p role="alert" className="text-sm text-red-700">
          No hypervisor fits a VM of this size. Make it smaller or add hardware.
        </p>
      )}
      <ErrorNote error={create.error} />
      <Button type="submit" disabled={create.isPending || !chosen}>
        {create.isPending ? "Creating…" : "Create VM"}
      </Button>
    </form>
  );
}
