"use client";

import { Button } from "@/components/ui/button";
import type { FeaturesContent } from "@/server/delegation/kinds/features";
import { RowGroup, RowInput } from "./form-parts";

type Row = { name: string; enabled: boolean; description: string };

const toRows = (content: FeaturesContent): Row[] => Object.entries(content.switches).map(([name, s]) => ({ name, enabled: s.enabled, description: s.description ?? "" }));
const fromRows = (rows: readonly Row[]): FeaturesContent => ({
  switches: Object.fromEntries(rows.map((r) => [r.name, r.description ? { enabled: r.enabled, description: r.description } : { enabled: r.enabled }])),
});

/** Feature switches: a name, on or off, and what it does. Stored as an object keyed by name. */
export function FeaturesForm({ content, onChange, disabled }: { content: FeaturesContent; onChange: (next: FeaturesContent) => void; disabled?: boolean }) {
  const rows = toRows(content);
  const set = (next: Row[]) => onChange(fromRows(next));
  const patch = (i: number, p: Partial<Row>) => set(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
  return (
    <div className="space-y-3">
      {rows.map((row, i) => (
        <RowGroup key={i} legend={row.name || `Switch ${i + 1}`} removeLabel={`Remove switch ${row.name || i + 1}`} onRemove={disabled ? undefined : () => set(rows.filter((_, j) => j !== i))}>
          <RowInput label={`Name of switch ${i + 1}`} value={row.name} onChange={(e) => patch(i, { name: e.target.value })} className="w-48 font-mono" disabled={disabled} />
          <label className="flex items-center gap-2 pb-2 text-sm">
            <input type="checkbox" checked={row.enabled} onChange={(e) => patch(i, { enabled: e.target.checked })} disabled={disabled} />
            On
          </label>
          <RowInput label={`What switch ${i + 1} does`} value={row.description} onChange={(e) => patch(i, { description: e.target.value })} className="min-w-64 flex-1" disabled={disabled} />
        </RowGroup>
      ))}
      <Button
        variant="secondary"
        size="sm"
        disabled={disabled || rows.some((r) => r.name === "")}
        onClick={() => set([...rows, { name: "", enabled: false, description: "" }])}
      >
        Add a switch
      </Button>
    </div>
  );
}
