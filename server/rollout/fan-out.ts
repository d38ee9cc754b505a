import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rolloutHosts, rollouts } from "@/db/schema";
import { queueFinishChecks, queueHostApplies } from "./jobs";

/**
 * The `rollout` job: one `apply_host` job per host still pending in the rollout, in batches (ten
 * thousand hosts are ten add_jobs statements, not ten thousand). Each job is keyed and queued per
 * host (jobs.ts), so hosts already waiting for an apply just keep one. Safe to run twice.
 */
export async function fanOutRollout(db: Db, rolloutId: string): Promise<{ hosts: number }> {
  const pending = await db
    .select({ vmId: rolloutHosts.vmId })
    .from(rolloutHosts)
    .where(and(eq(rolloutHosts.rolloutId, rolloutId), eq(rolloutHosts.state, "pending")))
    .orderBy(asc(rolloutHosts.vmId));
  await db.update(rollouts).set({ status: "running" }).where(and(eq(rollouts.id, rolloutId), eq(rollouts.status, "pending")));
  await queueHostApplies(db, pending.map((p) => p.vmId));
  // A rollout with no host (or whose hosts another rollout's applies already answered) closes now.
  await queueFinishChecks(db, [rolloutId]);
  return { hosts: pending.length };
}
