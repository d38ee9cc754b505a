import { cn } from "@/components/ui/cn";

type DiffLine = { kind: "added" | "removed" | "context" | "hunk"; text: string };

/** The lines of a unified diff that matter to a reader: the file headers are dropped, hunks kept as separators. */
export function diffLines(patch: string): DiffLine[] {
  const lines: DiffLine[] = [];
  let inHunk = false;
  for (const line of patch.split("\n")) {
    if (line.startsWith("@@")) {
      inHunk = true;
      lines.push({ kind: "hunk", text: line });
    } else if (!inHunk || line === "\\ No newline at end of file") continue;
    else if (line.startsWith("+")) lines.push({ kind: "added", text: line.slice(1) });
    else if (line.startsWith("-")) lines.push({ kind: "removed", text: line.slice(1) });
    else if (line.startsWith(" ")) lines.push({ kind: "context", text: line.slice(1) });
  }
  return lines;
}

const marks = { added: "+", removed: "−", context: " ", hunk: "" } as const;
const spoken = { added: "Added: ", removed: "Removed: ", context: "", hunk: "" } as const;

/**
 * A unified diff with added lines green and removed lines red, each also marked with a sign and
 * (for screen readers) a word, since colour alone says nothing to some readers.
 */
export function DiffView({ patch, label, additions, deletions, identical }: { patch: string; label: string; additions: number; deletions: number; identical: boolean }) {
  if (identical) return <p className="text-sm text-slate-600">{label}: the two versions are the same.</p>;
  const lines = diffLines(patch);
  return (
    <figure className="space-y-1">
      <figcaption className="text-sm text-slate-700">
        {label}: <span className="text-emerald-700">{additions} line{additions === 1 ? "" : "s"} added</span>,{" "}
        <span className="text-red-700">{deletions} removed</span>
      </figcaption>
      <div role="list" aria-label={label} className="overflow-x-auto rounded-md border border-slate-200 bg-slate-50 font-mono text-xs leading-5">
        {lines.map((line, i) => (
          <div
            key={i}
            role="listitem"
            data-diff={line.kind}
            className={cn(
              "whitespace-pre px-2",
              line.kind === "added" && "bg-emerald-50 text-emerald-900",
              line.kind === "removed" && "bg-red-50 text-red-900",
              line.kind === "hunk" && "bg-slate-100 text-slate-500",
            )}
          >
            <span aria-hidden="true" className="inline-block w-4 select-none">
              {marks[line.kind]}
            </span>
            <span className="sr-only">{spoken[line.kind]}</span>
            {line.text || " "}
          </div>
        ))}
      </div>
    </figure>
  );
}
