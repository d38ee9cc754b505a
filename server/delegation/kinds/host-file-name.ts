import type { SnippetContext } from "../kind";

const slugPattern = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/**
 * `<orgSlug>-<snippetSlug>`, the stem of every file a snippet renders. Slugs come from the database,
 * but they end up in host paths and in daemon config, so a slug that could climb out of a directory
 * or break a config line stops the render instead of reaching a host.
 */
export function snippetFileStem(context: SnippetContext): string {
  for (const [what, slug] of [
    ["organisation", context.orgSlug],
    ["snippet", context.snippetSlug],
  ] as const) {
    if (!slugPattern.test(slug)) throw new Error(`The ${what} slug "${slug}" cannot name a file on a host: use lowercase letters, digits and inner hyphens.`);
  }
  return `${context.orgSlug}-${context.snippetSlug}`;
}
