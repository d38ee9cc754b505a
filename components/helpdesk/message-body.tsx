/**
 * A message body as the server rendered it (server/helpdesk/markdown.ts): raw HTML never passes
 * through, so setting it here inserts only markup markdown-it generated.
 */
export function MessageBody({ html }: { html: string }) {
  return <div className="prose-message text-sm leading-relaxed text-slate-800" dangerouslySetInnerHTML={{ __html: html }} />;
}
