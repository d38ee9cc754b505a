import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { rolloutHosts, rollouts, snippetRevisions, snippets, vms } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { notFound } from "@/server/errors";
import { isDelegationStaff } from "./access";
import { rolloutIdInput } from "./schemas";

/**
 * One rollout and where each of its hosts stands, for progress pages. Customers see their own org's
 * rollouts; converge passes (no revision, no org) are the provider's business only.
 */
export async function getRollout(db: DbOrTx, actor: Actor, input: z.input<typeof rolloutIdInput>) {
  const { rolloutId } = rolloutIdInput.parse(input);
  const [row] = await db
    .select({ rollout: rollouts, revisionNumber: snippetRevisions.number, snippetId: snippets.id, snippetSlug: snippets.slug, snippetName: snippets.name, kind: snippets.kind })
    .from(rollouts)
    .leftJoin(snippetRevisions, eq(snippetRevisions.id, rollouts.revisionId))
    .leftJoin(snippets, eq(snippets.id, snippetRevisions.snippetId))
    .where(eq(rollouts.id, rolloutId));
  const visible = row && (isDelegationStaff(actor) || (row.rollout.orgId !== null && actor.customerOrgIds.includes(row.rollout.orgId)));
  if (!row || !visible) throw notFound("That rollout");
  const hosts = await db
    .select({
      vmId: rolloutHosts.vmId,
      vmName: vms.name,
      state: rolloutHosts.state,
      log: rolloutHosts.log,
      filesWritten: rolloutHosts.filesWritten,
      startedAt: rolloutHosts.startedAt,
      finishedAt: rolloutHosts.finishedAt,
    })
    .from(rolloutHosts)
    .innerJoin(vms, eq(vms.id, rolloutHosts.vmId))
    .where(eq(rolloutHosts.rolloutId, rolloutId))
    .orderBy(asc(vms.name));
  const counts = { pending: 0, applying: 0, applied: 0, unchanged: 0, failed: 0 };
  for (const host of hosts) counts[host.state] += 1;
  return {
    ...row.rollout,
    snippet: row.snippetId ? { id: row.snippetId, slug: row.snippetSlug!, name: row.snippetName!, kind: row.kind!, revisionNumber: row.revisionNumber! } : null,
    hosts,
    counts,
  };
}
