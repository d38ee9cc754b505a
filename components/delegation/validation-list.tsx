import { cn } from "@/components/ui/cn";
import { issueText } from "./snippet-words";
import type { ValidationIssue } from "./types";

/**
 * The findings as plain text, line numbers first. The editor marks them at their lines too, but a
 * screen reader (and a test) needs words, not squiggles.
 */
export function ValidationList({ id, issues, checking, label = "Problems found" }: { id?: string; issues: readonly ValidationIssue[]; checking?: boolean; label?: string }) {
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  const summary =
    issues.length === 0
      ? "No problems found."
      : [errors ? `${errors} problem${errors === 1 ? "" : "s"} to fix` : null, warnings ? `${warnings} warning${warnings === 1 ? "" : "s"}` : null].filter(Boolean).join(", ") + ".";
  return (
    <div id={id} className="space-y-1">
      <p role="status" aria-live="polite" className={cn("text-sm", errors ? "text-red-700" : warnings ? "text-amber-800" : "text-emerald-700")}>
        {checking ? "Checking…" : summary}
      </p>
      {issues.length > 0 && (
        <ul aria-label={label} className="space-y-1 text-sm">
          {issues.map((issue, i) => (
            <li key={i} className={cn("rounded border-l-4 px-2 py-1", issue.severity === "error" ? "border-red-500 bg-red-50 text-red-900" : "border-amber-400 bg-amber-50 text-amber-900")}>
              <span className="sr-only">{issue.severity === "error" ? "Error. " : "Warning. "}</span>
              {issueText(issue)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
