import { Badge } from "@/components/ui/badge";
import type { OrgGrant } from "./load-org-snippets";
import { modeWords } from "./snippet-words";

/** What the org may configure: each grant's kind, where it reaches, and whether changes wait for review. */
export function PortalGrantList({ grants }: { grants: readonly OrgGrant[] }) {
  if (grants.length === 0) return <p className="text-sm text-slate-600">Nothing yet. If you need to change a setting on your servers, ask support in a ticket.</p>;
  return (
    <ul aria-label="What you may configure" className="space-y-2 text-sm">
      {grants.map((g) => (
        <li key={g.id} className="flex flex-wrap items-center justify-between gap-2">
          <span>
            <span className="font-medium text-slate-800">{g.kindTitle}</span> <span className="text-slate-600">on {g.target}</span>
            {g.userEmail && <span className="text-xs text-slate-500"> · only {g.userEmail}</span>}
          </span>
          <Badge tone={g.mode === "auto" ? "good" : "info"}>{modeWords[g.mode]}</Badge>
        </li>
      ))}
    </ul>
  );
}
