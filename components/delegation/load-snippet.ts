import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { isUuid } from "@/components/inventory/is-uuid";
import { serverCaller } from "@/components/trpc/server";
import { grantCoversSnippet } from "./grant-cover";

/** Runs a read, and turns "not yours or not there" into the page's 404 (another org's snippet looks missing). */
export async function orNotFound<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/**
 * A snippet for its editor page, with whether changes apply at once (a live auto grant reaches it)
 * and its newest rollout's progress. The server decides the mode on submit; this only picks the
 * button's words.
 */
export async function loadSnippetPage(snippetId: string) {
  if (!isUuid(snippetId)) notFound();
  const caller = await serverCaller();
  const snippet = await orNotFound(() => caller.delegation.snippets.get({ snippetId }));
  const [grants, rollout] = await Promise.all([
    caller.delegation.grants.list({ orgId: snippet.orgId }).catch(() => []),
    snippet.rollouts[0] ? caller.delegation.rollout.get({ rolloutId: snippet.rollouts[0].id }).catch(() => null) : Promise.resolve(null),
  ]);
  const autoApplies = grants.some((g) => g.kind === snippet.kind && g.mode === "auto" && grantCoversSnippet(g, snippet));
  return { snippet, autoApplies, rollout };
}
