import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rolloutHosts, rollouts, snippetRevisions, snippets } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { hostsAffected } from "@/server/delegation/scope";
import { conflict, notFound } from "@/server/errors";

/** The graphile-worker task that pushes one rollout to its hosts. */
export const ROLLOUT_TASK = "rollout";
/** One job per rollout: queuing the same rollout twice leaves one job. */
export const rolloutJobKey = (rolloutId: string) => `rollout:${rolloutId}`;

export type RequestedRollout = { rolloutId: string; generation: number; hostsTotal: number; vmIds: string[] };

/**
 * Hands an approved revision to the rollout, inside the caller's transaction, so the approval and
 * the work it causes commit together or not at all:
 *
 * - one `rollouts` row (status `pending`, the next `generation`, the revision and its org, `hosts_total`),
 * - one `rollout_hosts` row per affected host (state `pending`): the snippet's scope resolved to active VMs now,
 * - the revision moves to `rolling_out` (from `approved`, or from `failed` for a retry),
 * - a `rollout` job with payload `{ rolloutId }` and job key `rollout:<id>`, via graphile-worker's SQL API.
 *
 * Only the affected hosts get work (event-driven). The worker marks hosts and the rollout as it goes.
 */
export async function requestRollout(tx: DbOrTx, revisionId: string): Promise<RequestedRollout> {
  const [row] = await tx
    .select({ revision: snippetRevisions, snippet: snippets })
    .from(snippetRevisions)
    .innerJoin(snippets, eq(snippets.id, snippetRevisions.snippetId))
    .where(eq(snippetRevisions.id, revisionId))
    .for("update");
  if (!row) throw notFound("That revision");
  const { revision, snippet } = row;
  if (revision.status !== "approved" && revision.status !== "failed") {
    throw conflict(`Revision ${revision.number} is ${revision.status.replace("_", " ")}; only an approved (or failed) revision can be rolled out.`);
  }
  const hosts = await hostsAffected(tx, snippet.orgId, snippet);
  const [rollout] = await tx.insert(rollouts).values({ revisionId, orgId: snippet.orgId, status: "pending", hostsTotal: hosts.length }).returning();
  if (hosts.length) await tx.insert(rolloutHosts).values(hosts.map((h) => ({ rolloutId: rollout!.id, vmId: h.vmId, state: "pending" as const })));
  await tx.update(snippetRevisions).set({ status: "rolling_out" }).where(eq(snippetRevisions.id, revisionId));
  await tx.execute(sql`select graphile_worker.add_job(${ROLLOUT_TASK}, json_build_object('rolloutId', ${rollout!.id}::uuid), job_key := ${rolloutJobKey(rollout!.id)})`);
  await recordAudit(tx, { system: "rollout" }, {
    action: "rollout.request",
    subjectType: "rollout",
    subjectId: rollout!.id,
    orgId: snippet.orgId,
    after: { revisionId, snippetId: snippet.id, generation: rollout!.generation, hosts: hosts.map((h) => h.name) },
  });
  return { rolloutId: rollout!.id, generation: rollout!.generation, hostsTotal: hosts.length, vmIds: hosts.map((h) => h.vmId) };
}
