import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { OrgSnippet } from "./load-org-snippets";

/** The org's snippets as a calm list: name, what and where, and where it stands in plain words. */
export function PortalSnippetList({ snippets }: { snippets: readonly OrgSnippet[] }) {
  return (
    <ul aria-label="Your snippets" className="divide-y divide-slate-100">
      {snippets.map((s) => (
        <li key={s.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-3">
          <div className="min-w-0">
            <Link href={`/portal/config/${s.id}`} className="font-medium text-brand-700 hover:underline">
              {s.name}
            </Link>
            <p className="text-xs text-slate-500">
              {s.kindTitle} · {s.target}
            </p>
          </div>
          <Badge tone={s.status.tone}>{s.status.words}</Badge>
        </li>
      ))}
    </ul>
  );
}
