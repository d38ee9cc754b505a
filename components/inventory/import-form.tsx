"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ChangeEvent } from "react";
import { errorMessage } from "@/components/ui/error-message";
import { useTRPC } from "@/components/trpc/client";

/** Loads an inventory document; nothing changes unless the whole document is valid. */
export function ImportForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [parseError, setParseError] = useState<string>();
  const run = useMutation(trpc.inventory.import.mutationOptions({ onSuccess: () => router.refresh() }));

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setParseError(undefined);
    run.reset();
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      setParseError(`${file.name} is not valid JSON.`);
      return;
    }
    run.mutate(document as Parameters<typeof run.mutate>[0]);
  }

  const summary = run.data;
  const total = (group: Record<string, number> | undefined) => Object.values(group ?? {}).reduce((a, b) => a + b, 0);
  return (
    <div className="space-y-2 text-sm">
      <label className="block">
        <span className="mb-1 block font-medium">Import a JSON document</span>
        <input type="file" accept="application/json,.json" onChange={onFile} disabled={run.isPending} />
      </label>
      {run.isPending && <p role="status">Importing… large data centres take a few seconds.</p>}
      {(parseError ?? run.error) && (
        <p role="alert" className="whitespace-pre-line text-red-700">
          {parseError ?? errorMessage(run.error)}
        </p>
      )}
      {summary && (
        <p role="status" className="text-emerald-800">
          Imported: {total(summary.created)} created, {total(summary.updated)} updated, {total(summary.unchanged)} unchanged.
        </p>
      )}
    </div>
  );
}
