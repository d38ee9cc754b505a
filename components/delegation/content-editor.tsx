"use client";

import dynamic from "next/dynamic";
import type { CronContent } from "@/server/delegation/kinds/cron";
import type { FeaturesContent } from "@/server/delegation/kinds/features";
import type { FirewallContent } from "@/server/delegation/kinds/firewall";
import type { SupervisorContent } from "@/server/delegation/kinds/supervisor";
import type { CodeLanguage } from "./code-editor";
import { CronForm } from "./cron-form";
import { FeaturesForm } from "./features-form";
import { FirewallForm } from "./firewall-form";
import { SupervisorForm } from "./supervisor-form";
import type { SnippetDetail, ValidationIssue } from "./types";

// CodeMirror is big; only the snippet editor's page loads it, and only in the browser.
const CodeEditor = dynamic(() => import("./code-editor"), {
  ssr: false,
  loading: () => <p className="h-64 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-500">Loading the editor…</p>,
});

/** The editor a kind declares: CodeMirror for text kinds, a form for the structured ones. */
export function ContentEditor({
  snippet,
  content,
  onChange,
  issues,
  explain,
  issuesId,
  disabled,
}: {
  snippet: Pick<SnippetDetail, "kind" | "kindTitle" | "editor" | "language">;
  content: unknown;
  onChange: (next: unknown) => void;
  issues: readonly ValidationIssue[];
  explain: readonly string[];
  issuesId: string;
  disabled: boolean;
}) {
  if (snippet.editor === "text") {
    const text = (content as { text?: unknown } | null)?.text;
    return (
      <CodeEditor
        value={typeof text === "string" ? text : ""}
        onChange={(next) => onChange({ text: next })}
        language={snippet.language as CodeLanguage}
        issues={issues}
        label={`${snippet.kindTitle} text`}
        describedBy={issuesId}
        readOnly={disabled}
      />
    );
  }
  switch (snippet.kind) {
    case "cron":
      return <CronForm content={content as CronContent} onChange={onChange} explain={explain} disabled={disabled} />;
    case "firewall":
      return <FirewallForm content={content as FirewallContent} onChange={onChange} disabled={disabled} />;
    case "features":
      return <FeaturesForm content={content as FeaturesContent} onChange={onChange} disabled={disabled} />;
    case "supervisor":
      return <SupervisorForm content={content as SupervisorContent} onChange={onChange} disabled={disabled} />;
    default:
      return <p className="text-sm text-slate-600">This kind of snippet has no editor here yet; ask support to change it.</p>;
  }
}
