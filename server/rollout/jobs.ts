import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/** Fans one rollout out to its hosts: payload `{ rolloutId }` (queued by request.ts and converge.ts). */
export const FAN_OUT_TASK = "rollout";
/** Brings one host to its desired state now: payload `{ vmId }`. */
export const APPLY_HOST_TASK = "apply_host";
/** Closes a rollout once all its hosts are done: payload `{ rolloutId }`. */
export const FINISH_ROLLOUT_TASK = "finish_rollout";
/** The periodic safety net: a converge rollout over every managed host. */
export const CONVERGE_TASK = "converge_hosts";

/**
 * One pending apply per host: a newer request replaces a queued older one (the apply reads the
 * desired state when it starts, so it carries every generation approved until then). A request that
 * arrives while the host's apply runs gets a new job, which waits on the host's advisory lock
 * (host-lock.ts) until that ends. No named queue per host: ten thousand named queues made every
 * job fetch slower (measured in bench:rollout), and the lock gives the same one-apply-at-a-time.
 */
export const applyHostJobKey = (vmId: string) => `apply_host:${vmId}`;
export const finishRolloutJobKey = (rolloutId: string) => `finish_rollout:${rolloutId}`;

/** graphile_worker.job_spec, as add_jobs takes it. */
export type JobSpec = { identifier: string; payload: unknown; queue_name?: string | null; job_key?: string | null; max_attempts?: number | null; priority?: number | null };

/**
 * Queues jobs through graphile-worker's SQL API in the caller's transaction (so they exist only if
 * it commits), many in one statement. Keys must be distinct within one call.
 * `preserveRunAt`: a job already waiting under the same key keeps its place instead of moving back.
 */
export async function queueJobs(tx: DbOrTx, specs: JobSpec[], preserveRunAt = false): Promise<void> {
  if (specs.length === 0) return;
  await tx.execute(
    sql`select 1 from graphile_worker.add_jobs(array(select json_populate_recordset(null::graphile_worker.job_spec, ${JSON.stringify(specs)}::json)), ${preserveRunAt}::boolean)`,
  );
}

export const applyHostSpec = (vmId: string): JobSpec => ({ identifier: APPLY_HOST_TASK, payload: { vmId }, job_key: applyHostJobKey(vmId) });

/** Hosts per add_jobs statement: big enough to be fast, small enough that workers start while the rest are queued. */
export const FAN_OUT_BATCH = 1000;

/** Queues an apply for each host, in batches, each batch its own short transaction. */
export async function queueHostApplies(db: DbOrTx, vmIds: readonly string[]): Promise<void> {
  const unique = [...new Set(vmIds)];
  for (let i = 0; i < unique.length; i += FAN_OUT_BATCH) {
    await queueJobs(db, unique.slice(i, i + FAN_OUT_BATCH).map(applyHostSpec));
  }
}

/** Asks for a finishing check of each rollout; many hosts finishing at once share one waiting job. */
export async function queueFinishChecks(tx: DbOrTx, rolloutIds: readonly string[]): Promise<void> {
  const unique = [...new Set(rolloutIds)].sort();
  await queueJobs(
    tx,
    unique.map((rolloutId) => ({ identifier: FINISH_ROLLOUT_TASK, payload: { rolloutId }, job_key: finishRolloutJobKey(rolloutId) })),
    true,
  );
}
