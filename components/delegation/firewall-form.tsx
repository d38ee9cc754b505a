"use client";

import { Button } from "@/components/ui/button";
import type { FirewallContent } from "@/server/delegation/kinds/firewall";
import { patchAt, RowGroup, RowInput, RowSelect } from "./form-parts";

const splitSources = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** Inbound rules: which ports are open, over which protocol, to whom. */
export function FirewallForm({ content, onChange, disabled }: { content: FirewallContent; onChange: (next: FirewallContent) => void; disabled?: boolean }) {
  const rules = content.rules;
  const set = (next: FirewallContent["rules"]) => onChange({ rules: next });
  return (
    <div className="space-y-3">
      {rules.map((rule, i) => (
        <RowGroup key={i} legend={`Rule ${i + 1}`} removeLabel={`Remove rule ${i + 1}`} onRemove={disabled ? undefined : () => set(rules.filter((_, j) => j !== i))}>
          <RowInput label={`Ports of rule ${i + 1}`} value={rule.ports} onChange={(e) => set(patchAt(rules, i, { ports: e.target.value }))} placeholder="443 or 8000-8010" className="w-36" disabled={disabled} />
          <RowSelect label={`Protocol of rule ${i + 1}`} value={rule.protocol} onChange={(e) => set(patchAt(rules, i, { protocol: e.target.value as "tcp" | "udp" }))} disabled={disabled}>
            <option value="tcp">TCP</option>
            <option value="udp">UDP</option>
          </RowSelect>
          <RowInput
            key={rule.sources.join(",")}
            label={`Allowed from (rule ${i + 1})`}
            // Typed as text and split on commas or spaces, so a half-typed address is not lost.
            defaultValue={rule.sources.join(", ")}
            onBlur={(e) => set(patchAt(rules, i, { sources: splitSources(e.target.value) }))}
            placeholder="203.0.113.0/24, 0.0.0.0/0"
            className="min-w-64 flex-1 font-mono"
            disabled={disabled}
          />
          <RowInput label={`Note for rule ${i + 1}`} value={rule.note} onChange={(e) => set(patchAt(rules, i, { note: e.target.value }))} className="w-56" disabled={disabled} />
        </RowGroup>
      ))}
      {rules.length === 0 && <p className="text-sm text-slate-600">No rules: nothing extra is open.</p>}
      <Button variant="secondary" size="sm" disabled={disabled} onClick={() => set([...rules, { ports: "", protocol: "tcp", sources: [], note: "" }])}>
        Add a rule
      </Button>
    </div>
  );
}
