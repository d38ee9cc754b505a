"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { SelectField } from "@/components/ui/field";
import type { Scope } from "@/server/delegation/schemas";
import type { KindInfo } from "./types";

type ScopeType = Scope["type"];
type Environment = "production" | "staging" | "development";

/** Grants one snippet kind on one scope of the org's hosts, reviewed or applied at once. */
export function GrantForm({ orgId, kinds, onGranted }: { orgId: string; kinds: readonly KindInfo[]; onGranted: (message: string) => void }) {
  const trpc = useTRPC();
  const grant = useMutation(trpc.delegation.grants.grant.mutationOptions());
  const [kind, setKind] = useState<KindInfo["name"]>(kinds[0]?.name ?? "nginx");
  const [mode, setMode] = useState<"review" | "auto">(kinds[0]?.defaultMode ?? "review");
  const [scopeType, setScopeType] = useState<ScopeType>("vm");
  const [vmId, setVmId] = useState("");
  const [serviceId, setServiceId] = useState("");
  const [environment, setEnvironment] = useState<Environment>("production");
  const vms = useQuery(trpc.inventory.vms.queryOptions({ orgId, pageSize: 200 }));
  const vm = useQuery({ ...trpc.inventory.vm.queryOptions({ id: vmId }), enabled: scopeType === "service" && Boolean(vmId) });

  const scope: Scope | null =
    scopeType === "org"
      ? { type: "org" }
      : scopeType === "environment"
        ? { type: "environment", environment }
        : scopeType === "vm"
          ? vmId
            ? { type: "vm", vmId }
            : null
          : serviceId
            ? { type: "service", serviceId }
            : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!scope) return;
    grant.mutate(
      { orgId, kind, scope, mode, userId: null },
      { onSuccess: (out) => onGranted(`Granted ${kinds.find((k) => k.name === kind)?.title ?? kind} on ${out.target}.`) },
    );
  }

  return (
    <form aria-label="New grant" onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
      <SelectField
        label="Kind"
        value={kind}
        onChange={(e) => {
          const next = kinds.find((k) => k.name === e.target.value);
          if (!next) return;
          setKind(next.name);
          setMode(next.defaultMode);
        }}
      >
        {kinds.map((k) => (
          <option key={k.name} value={k.name}>
            {k.title}
          </option>
        ))}
      </SelectField>
      <SelectField label="Reaches" value={scopeType} onChange={(e) => setScopeType(e.target.value as ScopeType)}>
        <option value="vm">One VM</option>
        <option value="service">One service</option>
        <option value="environment">Every VM of an environment</option>
        <option value="org">Every VM of the organisation</option>
      </SelectField>
      {(scopeType === "vm" || scopeType === "service") && (
        <SelectField label="VM" value={vmId} onChange={(e) => (setVmId(e.target.value), setServiceId(""))} required>
          <option value="">Choose a VM…</option>
          {vms.data?.rows.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name} ({v.environment})
            </option>
          ))}
        </SelectField>
      )}
      {scopeType === "service" && (
        <SelectField label="Service" value={serviceId} onChange={(e) => setServiceId(e.target.value)} required disabled={!vmId}>
          <option value="">Choose a service…</option>
          {vm.data?.services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
      )}
      {scopeType === "environment" && (
        <SelectField label="Environment" value={environment} onChange={(e) => setEnvironment(e.target.value as Environment)}>
          <option value="production">Production</option>
          <option value="staging">Staging</option>
          <option value="development">Development</option>
        </SelectField>
      )}
      <SelectField label="Changes" value={mode} onChange={(e) => setMode(e.target.value as "review" | "auto")}>
        <option value="review">Need review</option>
        <option value="auto">Apply at once when they pass the checks</option>
      </SelectField>
      <div>
        <Button type="submit" disabled={!scope || grant.isPending}>
          {grant.isPending ? "Granting…" : "Grant"}
        </Button>
      </div>
      <ErrorNote error={grant.error ?? vms.error} className="sm:col-span-2 lg:col-span-5" />
    </form>
  );
}
