"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { SelectField } from "@/components/ui/field";
import { formatMemory } from "./format";
import { RejectedHypervisors } from "./rejected-hypervisors";

type Vm = {
  id: string;
  orgId: string;
  vcpus: number;
  memoryMb: number;
  redundancyGroup: string | null;
  hypervisorId: string;
  hypervisorName: string;
  storagePoolId: string;
};
type Pool = { id: string; name: string; deviceName: string };

/**
 * Moving a VM: the placement rules offer the hypervisors it fits on, least loaded first. Its current
 * host is listed apart, because the rules count the VM there already and would pass it over.
 */
export function VmMoveForm({ vm, pools }: { vm: Vm; pools: Pool[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [hypervisorId, setHypervisorId] = useState(vm.hypervisorId);
  const [storagePoolId, setStoragePoolId] = useState(vm.storagePoolId);
  const placement = useQuery(
    trpc.inventory.placement.queryOptions({ orgId: vm.orgId, vcpus: vm.vcpus, memoryMb: vm.memoryMb, redundancyGroup: vm.redundancyGroup }),
  );
  const queryClient = useQueryClient();
  const move = useMutation(
    trpc.inventory.updateVm.mutationOptions({
      onSuccess: () => {
        // The hosts' loads changed with the move: the suggestions must be asked again.
        void queryClient.invalidateQueries(trpc.inventory.placement.queryFilter());
        router.refresh();
      },
    }),
  );
  const candidates = placement.data?.candidates.filter((c) => c.id !== vm.hypervisorId) ?? [];
  const rejected = placement.data?.rejected.filter((r) => r.id !== vm.hypervisorId) ?? [];
  const unchanged = hypervisorId === vm.hypervisorId && storagePoolId === vm.storagePoolId;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    move.mutate({ vmId: vm.id, hypervisorId, storagePoolId });
  }

  return (
    <form onSubmit={onSubmit} aria-label="Move VM" className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <SelectField label="Hypervisor" value={hypervisorId} onChange={(e) => setHypervisorId(e.target.value)} hint="Only hypervisors it fits on are offered" className="w-80">
          <option value={vm.hypervisorId}>{vm.hypervisorName} (where it runs now)</option>
          {candidates.map((c, i) => (
            <option key={c.id} value={c.id}>
              {c.name} — {formatMemory(c.after.freeMemoryMb)} free after{i === 0 ? " (least loaded)" : ""}
            </option>
          ))}
        </SelectField>
        <SelectField label="Storage pool" value={storagePoolId} onChange={(e) => setStoragePoolId(e.target.value)} className="w-56">
          {pools.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.deviceName})
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary" disabled={move.isPending || unchanged}>
          {move.isPending ? "Moving…" : "Move VM"}
        </Button>
      </div>
      <RejectedHypervisors rejected={rejected} />
      {placement.data && candidates.length === 0 && <p className="text-sm text-slate-600">No other hypervisor has room for this VM.</p>}
      <ErrorNote error={move.error ?? placement.error} />
    </form>
  );
}
