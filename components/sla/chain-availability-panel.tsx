"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { ErrorNote } from "@/components/ui/error-note";
import { Table, Td, Th } from "@/components/ui/table";
import { componentKinds, DEFAULT_KIND_AVAILABILITY, type ComponentKind } from "@/server/sla/chain-availability";
import type { ScenarioInput } from "@/server/sla/schemas";
import { windowSeconds } from "@/server/sla/windows";
import { CompactSelect } from "./compact-field";
import { duration } from "./format";
import { formatPercent, fractionToPercentText, parsePercentText } from "./number-text";
import { useDebounced } from "./use-debounced";

const KIND_LABELS: Record<ComponentKind, string> = {
  router: "Router",
  switch: "Switch",
  storage: "Storage server",
  hypervisor: "Hypervisor",
  backup: "Backup server",
  storage_pool: "Storage pool",
  vm: "VM (guest OS)",
  service: "Service software",
};

const defaultFigures = () => Object.fromEntries(componentKinds.map((kind) => [kind, fractionToPercentText(DEFAULT_KIND_AVAILABILITY[kind])])) as Record<ComponentKind, string>;

/**
 * What the infrastructure behind one of the customer's VMs or services can deliver: its dependency
 * chain up to the routers, each part at its kind's availability. The account manager can change
 * the per-kind figures; the server recomputes the chain.
 */
export function ChainAvailabilityPanel({ customers, scenario }: { customers: { id: string; name: string }[]; scenario: ScenarioInput }) {
  const trpc = useTRPC();
  const [orgId, setOrgId] = useState("");
  const [vmId, setVmId] = useState("");
  const [serviceId, setServiceId] = useState("");
  const [figures, setFigures] = useState(defaultFigures);

  const vms = useQuery({ ...trpc.inventory.vms.queryOptions({ orgId, pageSize: 200 }), enabled: Boolean(orgId) });
  const vm = useQuery({ ...trpc.inventory.vm.queryOptions({ id: vmId }), enabled: Boolean(vmId) });

  const parsedFigures = useMemo(() => {
    const errors: Partial<Record<ComponentKind, string>> = {};
    const valid: Partial<Record<ComponentKind, number>> = {};
    for (const kind of componentKinds) {
      const parsed = parsePercentText(figures[kind]);
      if (!parsed.ok) errors[kind] = parsed.message;
      else if (!(parsed.value > 0 && parsed.value < 1)) errors[kind] = "Enter a percentage above 0 and below 100.";
      else if (parsed.value !== DEFAULT_KIND_AVAILABILITY[kind]) valid[kind] = parsed.value;
    }
    return { errors, valid };
  }, [figures]);
  const kindAvailability = useDebounced(parsedFigures.valid, 400);

  const nodeId = serviceId || vmId;
  const chain = useQuery({
    ...trpc.sla.chainAvailability.queryOptions({ nodeId, kindAvailability }),
    enabled: Boolean(nodeId),
    placeholderData: keepPreviousData,
  });

  const conventions = { month: scenario.target.monthConvention, year: scenario.target.yearConvention };
  const data = nodeId ? chain.data : undefined;
  const partsByKind = new Map<ComponentKind, number>();
  for (const part of data?.parts ?? []) partsByKind.set(part.kind, (partsByKind.get(part.kind) ?? 0) + 1);
  const shownKinds = data ? componentKinds.filter((kind) => partsByKind.has(kind)) : [];

  return (
    <form aria-label="Composite availability" onSubmit={(e) => e.preventDefault()} className="space-y-3">
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        <CompactSelect
          label="Customer"
          value={orgId}
          onChange={(e) => {
            setOrgId(e.target.value);
            setVmId("");
            setServiceId("");
          }}
        >
          <option value="">Choose a customer…</option>
          {customers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </CompactSelect>
        <CompactSelect
          label="VM"
          value={vmId}
          disabled={!orgId || !vms.data}
          onChange={(e) => {
            setVmId(e.target.value);
            setServiceId("");
          }}
          hint={vms.data && vms.data.rows.length === 0 ? "This customer has no VMs." : undefined}
        >
          <option value="">{orgId && vms.isPending ? "Loading…" : "Choose a VM…"}</option>
          {vms.data?.rows.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name} ({v.environment}, {v.role})
            </option>
          ))}
        </CompactSelect>
        <CompactSelect label="Service" value={serviceId} disabled={!vm.data} onChange={(e) => setServiceId(e.target.value)}>
          <option value="">The VM itself</option>
          {vm.data?.services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.kind})
            </option>
          ))}
        </CompactSelect>
      </div>
      <ErrorNote error={vms.error ?? vm.error ?? chain.error} />

      {data && (
        <div className="space-y-3" aria-live="polite">
          <p className="text-sm text-slate-800" data-testid="chain-availability">
            <strong>{data.target.name}</strong> can deliver <strong>{formatPercent(data.availability)}</strong>: about {duration((1 - data.availability) * windowSeconds("month", conventions))} of
            downtime a month, {duration((1 - data.availability) * windowSeconds("year", conventions))} a year.{" "}
            {data.availability >= scenario.target.availability
              ? `The target of ${formatPercent(scenario.target.availability, 4)} is within reach.`
              : `The target of ${formatPercent(scenario.target.availability, 4)} is more than this chain delivers.`}
            {!data.exact && " Many shared parts: the figure is an approximation."}
          </p>
          {data.weakest && (
            <p className="text-sm text-slate-700">
              Weakest part: <strong>{data.weakest.name}</strong> ({KIND_LABELS[data.weakest.kind].toLowerCase()}, {formatPercent(data.weakest.availability)}). Were it never down, the chain would
              lose about {duration(data.weakest.gainIfPerfect * windowSeconds("year", conventions))} less a year.
            </p>
          )}
          <Table caption="Availability assumed for each kind of part in the chain">
            <thead>
              <tr>
                <Th>Kind</Th>
                <Th className="text-right">Parts</Th>
                <Th className="w-40">Availability (%)</Th>
              </tr>
            </thead>
            <tbody>
              {shownKinds.map((kind) => (
                <KindFigureRow
                  key={kind}
                  kind={kind}
                  parts={partsByKind.get(kind) ?? 0}
                  value={figures[kind]}
                  error={parsedFigures.errors[kind]}
                  onChange={(value) => setFigures((f) => ({ ...f, [kind]: value }))}
                />
              ))}
            </tbody>
          </Table>
          {chain.isFetching && <p className="text-xs text-slate-500">Recalculating…</p>}
        </div>
      )}
    </form>
  );
}

/** One kind's figure; the kind's name in the first column is the input's label. */
function KindFigureRow({ kind, parts, value, error, onChange }: { kind: ComponentKind; parts: number; value: string; error?: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <tr>
      <Td>
        <label htmlFor={id}>{KIND_LABELS[kind]}</label>
      </Td>
      <Td className="text-right tabular-nums">{parts}</Td>
      <Td className="w-40">
        <div className="flex items-center gap-1">
          <input
            id={id}
            type="text"
            inputMode="decimal"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? `${id}-error` : undefined}
            className="block w-24 rounded border border-slate-300 px-2 py-1 text-sm tabular-nums shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500 aria-[invalid=true]:bg-red-50"
          />
          <span className="text-xs text-slate-500">%</span>
        </div>
        {error && (
          <p id={`${id}-error`} className="mt-0.5 text-xs text-red-700">
            {error}
          </p>
        )}
      </Td>
    </tr>
  );
}
