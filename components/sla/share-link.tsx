"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Copies the calculator's link with the current scenario. Where the clipboard is refused (an
 * embedded browser, a denied permission) the link is shown selected, ready to copy by hand.
 */
export function CopyLinkButton({ linkFor }: { linkFor: () => string }) {
  const [state, setState] = useState<{ kind: "idle" } | { kind: "copied" } | { kind: "manual"; link: string }>({ kind: "idle" });
  async function copy() {
    const link = linkFor();
    try {
      await navigator.clipboard.writeText(link);
      setState({ kind: "copied" });
    } catch {
      setState({ kind: "manual", link });
    }
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="secondary" onClick={copy}>
        Copy link
      </Button>
      <span role="status" className="text-sm text-slate-600">
        {state.kind === "copied" && "Link copied: it opens this scenario."}
      </span>
      {state.kind === "manual" && (
        <input
          aria-label="Link to this scenario"
          readOnly
          value={state.link}
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          className="w-72 rounded border border-slate-300 px-2 py-1 text-xs"
        />
      )}
    </div>
  );
}
