import type { SnippetKind } from "./kind";

/**
 * The one place revision content crosses between people and storage. Kinds that hold secret values
 * (env_config, through `kind.secrets`) seal them on the way in and mask them on the way out, so no
 * read path returns a secret in clear; every other kind passes through unchanged. Only the rollout
 * reveals sealed values, in memory, just before rendering (kind.secrets.reveal).
 */

/**
 * Typed content to the form that is stored. `previous` is the stored content it was edited from, so
 * a mask left untouched keeps its sealed value. Content not in the kind's form passes through for the
 * schema check to report.
 */
export function contentToStore(kind: SnippetKind, content: unknown, previous: unknown): unknown {
  if (!kind.secrets) return content;
  const parsed = kind.schema.safeParse(content);
  if (!parsed.success) return content;
  const before = previous === undefined || previous === null ? null : kind.schema.safeParse(previous);
  return kind.secrets.seal(parsed.data, before?.success ? before.data : null);
}

/** Stored content to what any person may see. Stored content that no longer parses is withheld rather than risk showing a secret. */
export function contentToShow(kind: SnippetKind, content: unknown): unknown {
  if (!kind.secrets) return content;
  const parsed = kind.schema.safeParse(content);
  return parsed.success ? kind.secrets.mask(parsed.data) : null;
}
