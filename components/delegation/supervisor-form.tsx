"use client";

import { Button } from "@/components/ui/button";
import type { SupervisorContent } from "@/server/delegation/kinds/supervisor";
import { RowGroup, RowInput, RowSelect } from "./form-parts";

/** One supervised program: what runs, as whom, how it restarts, its environment and its watchdogs. */
export function SupervisorForm({ content, onChange, disabled }: { content: SupervisorContent; onChange: (next: SupervisorContent) => void; disabled?: boolean }) {
  const set = (patch: Partial<SupervisorContent>) => onChange({ ...content, ...patch });
  const env = Object.entries(content.environment);
  const setEnv = (rows: [string, string][]) => set({ environment: Object.fromEntries(rows) });
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <RowInput label="Program name" value={content.name} onChange={(e) => set({ name: e.target.value })} className="font-mono" disabled={disabled} />
        <RowInput label="Command" value={content.command} onChange={(e) => set({ command: e.target.value })} className="font-mono" disabled={disabled} />
        <RowSelect label="Run as" value={content.user} onChange={(e) => set({ user: e.target.value })} disabled={disabled}>
          {["app", "www-data", ...(["app", "www-data"].includes(content.user) ? [] : [content.user])].map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </RowSelect>
        <RowSelect label="Restart it" value={content.autorestart} onChange={(e) => set({ autorestart: e.target.value as SupervisorContent["autorestart"] })} disabled={disabled}>
          <option value="unexpected">When it stops unexpectedly</option>
          <option value="true">Whenever it stops</option>
          <option value="false">Never</option>
        </RowSelect>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={content.autostart} onChange={(e) => set({ autostart: e.target.checked })} disabled={disabled} />
          Start it when the server starts
        </label>
        <RowInput
          label="Memory limit in MB (empty: none)"
          type="number"
          min={1}
          value={content.memoryLimitMb ?? ""}
          onChange={(e) => set({ memoryLimitMb: e.target.value === "" ? null : Math.round(Number(e.target.value)) })}
          disabled={disabled}
        />
        <RowInput label="Health check URL (empty: none)" value={content.healthUrl ?? ""} onChange={(e) => set({ healthUrl: e.target.value === "" ? null : e.target.value })} disabled={disabled} />
        <RowInput
          label="Health check timeout in seconds"
          type="number"
          min={1}
          value={content.healthTimeoutSeconds}
          onChange={(e) => set({ healthTimeoutSeconds: Math.round(Number(e.target.value) || 0) })}
          disabled={disabled}
        />
      </div>
      <h3 className="text-sm font-medium text-slate-800">Environment variables</h3>
      {env.map(([name, value], i) => (
        <RowGroup key={i} legend={name || `Variable ${i + 1}`} removeLabel={`Remove variable ${name || i + 1}`} onRemove={disabled ? undefined : () => setEnv(env.filter((_, j) => j !== i))}>
          <RowInput label={`Name of variable ${i + 1}`} value={name} onChange={(e) => setEnv(env.map((r, j) => (j === i ? [e.target.value, r[1]] : r)))} className="w-48 font-mono" disabled={disabled} />
          <RowInput label={`Value of variable ${i + 1}`} value={value} onChange={(e) => setEnv(env.map((r, j) => (j === i ? [r[0], e.target.value] : r)))} className="min-w-64 flex-1 font-mono" disabled={disabled} />
        </RowGroup>
      ))}
      <Button variant="secondary" size="sm" disabled={disabled || env.some(([n]) => n === "")} onClick={() => setEnv([...env, ["", ""]])}>
        Add a variable
      </Button>
    </div>
  );
}
