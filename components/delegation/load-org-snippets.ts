import "server-only";
import { serverCaller } from "@/components/trpc/server";
import { rolloutFinished, snippetStatus } from "./snippet-words";

/**
 * An org's snippets with each one's state in plain words. Reads each snippet's detail (and its
 * running rollout): customer orgs have a handful of snippets, and the words need the whole story.
 */
export async function loadOrgSnippets(orgId: string) {
  const caller = await serverCaller();
  const [list, grants, kinds] = await Promise.all([caller.delegation.snippets.list({ orgId }), caller.delegation.grants.list({ orgId }), caller.delegation.kinds()]);
  const snippets = await Promise.all(
    list.slice(0, 100).map(async (row) => {
      const detail = await caller.delegation.snippets.get({ snippetId: row.id });
      const running = detail.rollouts.find((r) => !rolloutFinished(r));
      const rollout = running ? await caller.delegation.rollout.get({ rolloutId: running.id }) : null;
      return { ...row, kindTitle: detail.kindTitle, status: snippetStatus(detail, rollout) };
    }),
  );
  const titles = Object.fromEntries(kinds.map((k) => [k.name, k.title]));
  return { snippets, grants: grants.map((g) => ({ ...g, kindTitle: titles[g.kind] ?? g.kind })), total: list.length };
}

export type OrgSnippet = Awaited<ReturnType<typeof loadOrgSnippets>>["snippets"][number];
export type OrgGrant = Awaited<ReturnType<typeof loadOrgSnippets>>["grants"][number];
