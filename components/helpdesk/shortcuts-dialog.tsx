"use client";

import type { Ref } from "react";
import { Button } from "@/components/ui/button";

const shortcuts: readonly [string, string][] = [
  ["j / k", "Next / previous ticket"],
  ["x", "Select or unselect the ticket"],
  ["Enter or o", "Open the ticket"],
  ["a", "Assign the ticket to me"],
  ["r", "Open the ticket and start a reply"],
  ["/", "Search"],
  ["?", "Show these shortcuts"],
];

/** The queue's keyboard shortcuts, in a native modal dialog (Escape closes it, focus returns). */
export function ShortcutsDialog({ ref }: { ref: Ref<HTMLDialogElement> }) {
  return (
    <dialog ref={ref} aria-labelledby="shortcuts-title" className="m-auto w-full max-w-sm rounded-lg border border-slate-200 p-0 shadow-lg backdrop:bg-slate-900/30">
      <div className="p-4">
        <h2 id="shortcuts-title" className="mb-3 text-sm font-semibold text-slate-900">
          Keyboard shortcuts
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          {shortcuts.map(([keys, what]) => (
            <div key={keys} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">{keys}</kbd>
              </dt>
              <dd className="text-slate-700">{what}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-xs text-slate-500">Shortcuts are off while you type in a field.</p>
        <form method="dialog" className="mt-4 text-right">
          <Button type="submit" variant="secondary" size="sm">
            Close
          </Button>
        </form>
      </div>
    </dialog>
  );
}
