"use client";

import { Button } from "@/components/ui/button";
import type { CronContent } from "@/server/delegation/kinds/cron";
import { patchAt, RowGroup, RowInput, RowSelect } from "./form-parts";

const runAsChoices = ["app", "www-data"] as const;

/** Scheduled jobs, one row each; under each row its schedule in words (the server's explanation). */
export function CronForm({ content, onChange, explain, disabled }: { content: CronContent; onChange: (next: CronContent) => void; explain: readonly string[]; disabled?: boolean }) {
  const entries = content.entries;
  const set = (next: CronContent["entries"]) => onChange({ entries: next });
  return (
    <div className="space-y-3">
      {entries.map((entry, i) => (
        <RowGroup key={i} legend={`Job ${i + 1}`} removeLabel={`Remove job ${i + 1}`} onRemove={disabled ? undefined : () => set(entries.filter((_, j) => j !== i))} note={explain[i]}>
          <RowInput
            label={`Schedule of job ${i + 1}`}
            value={entry.schedule}
            onChange={(e) => set(patchAt(entries, i, { schedule: e.target.value }))}
            placeholder="15 3 * * *"
            className="w-40 font-mono"
            disabled={disabled}
          />
          <RowInput label={`Command of job ${i + 1}`} value={entry.command} onChange={(e) => set(patchAt(entries, i, { command: e.target.value }))} className="min-w-64 flex-1 font-mono" disabled={disabled} />
          <RowSelect label={`Run job ${i + 1} as`} value={entry.runAs} onChange={(e) => set(patchAt(entries, i, { runAs: e.target.value }))} disabled={disabled}>
            {runAsChoices.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
            {!(runAsChoices as readonly string[]).includes(entry.runAs) && <option value={entry.runAs}>{entry.runAs}</option>}
          </RowSelect>
        </RowGroup>
      ))}
      {entries.length === 0 && <p className="text-sm text-slate-600">No jobs yet.</p>}
      <Button variant="secondary" size="sm" disabled={disabled} onClick={() => set([...entries, { schedule: "0 4 * * *", command: "", runAs: "app" }])}>
        Add a job
      </Button>
      <p className="text-xs text-slate-500">Schedules use the five cron fields: minute, hour, day of month, month, day of week.</p>
    </div>
  );
}
