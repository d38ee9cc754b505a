import type { SnippetContext, SnippetKind } from "./kind";

/** Sorted keys at every level, so the same content always reads the same. */
function stableJson(value: unknown): string {
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sortKeys) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sortKeys(x)])) : v;
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

const withFinalNewline = (text: string) => (text.endsWith("\n") || text === "" ? text : `${text}\n`);

/**
 * The text a person compares when two revisions differ: for text kinds the text they wrote (so the
 * diff's lines are the editor's lines); for form kinds the files the content renders to, since that
 * is what lands on the host. Content that no longer fits the kind's schema falls back to stable JSON.
 * Callers pass content with secret values already masked.
 */
export function canonicalText(kind: SnippetKind, content: unknown, context: SnippetContext): string {
  const parsed = kind.schema.safeParse(content);
  if (!parsed.success) return stableJson(content);
  const data: unknown = parsed.data;
  if (kind.editor === "text" && data && typeof data === "object" && typeof (data as { text?: unknown }).text === "string") {
    return withFinalNewline((data as { text: string }).text);
  }
  try {
    const files = [...kind.render(data, context)].sort((a, b) => a.path.localeCompare(b.path));
    return files.map((f) => `# ${f.path}\n${withFinalNewline(f.content)}`).join("\n");
  } catch {
    return stableJson(data);
  }
}
