import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { orgs } from "@/db/schema";
import { notFound } from "@/server/errors";
import type { SnippetRow } from "./access";
import type { SnippetContext } from "./kind";
import { policyEnvironment, resolveTarget, scopeOf, type Target } from "./scope";

/** A snippet's target and the context its kind's policy and rendering need. */
export async function snippetSetting(db: DbOrTx, snippet: SnippetRow): Promise<{ target: Target; context: SnippetContext }> {
  const [org] = await db.select({ slug: orgs.slug }).from(orgs).where(eq(orgs.id, snippet.orgId));
  if (!org) throw notFound("That organisation");
  // A snippet outlives a retired VM or service: it stays readable, it just reaches no host.
  const target = await resolveTarget(db, snippet.orgId, snippet).catch((): Target => ({
    scope: scopeOf(snippet),
    vmId: snippet.vmId,
    serviceId: snippet.serviceId,
    environment: snippet.environment,
    label: "a retired host",
  }));
  return { target, context: { orgSlug: org.slug, snippetSlug: snippet.slug, environment: policyEnvironment(target) } };
}
