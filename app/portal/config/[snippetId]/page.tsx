import type { Metadata } from "next";
import Link from "next/link";
import { loadSnippetPage } from "@/components/delegation/load-snippet";
import { SnippetEditor } from "@/components/delegation/snippet-editor";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Configuration snippet" };

export default async function PortalSnippetPage({ params }: { params: Promise<{ snippetId: string }> }) {
  const { snippetId } = await params;
  const { snippet, autoApplies, rollout } = await loadSnippetPage(snippetId);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/portal/config" className="text-brand-700 hover:underline">
          ← Configuration
        </Link>
      </p>
      <PageHeader title={snippet.name} description={`${snippet.kindTitle} on ${snippet.target}`} />
      <SnippetEditor initial={snippet} autoApplies={autoApplies} initialRollout={rollout} />
    </>
  );
}
