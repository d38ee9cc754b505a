import { inArray, lt, sql } from "drizzle-orm";
import type { WorkerUtils } from "graphile-worker";
import type { Db } from "@/db/client";
import { workerHeartbeats } from "@/db/schema";
import { log } from "@/server/log";

export const HEARTBEAT_SECONDS = 5;
/**
 * Four missed beats: long enough for a GC pause or a slow host, short enough not to strand jobs.
 * A SIGKILLed worker's jobs must run elsewhere within a minute (rollouts promise it): declared dead
 * after 20 s, seen by a live worker's next beat (≤ 5 s later), picked up by its next poll (≤ 2 s).
 */
export const DEAD_AFTER_SECONDS = 20;

export type WorkerIdentity = { workerId: string; hostname: string; pid: number; queueWorkerIds: string[] };

/**
 * Records what a queue worker locks jobs with. graphile-worker 0.17 locks a job (and its named
 * queue) with the id of the worker's *pool*, not the worker's own id; unlocking only worker ids
 * would leave a dead process's jobs locked for graphile's four hours. Both are kept.
 */
export function rememberQueueWorker(me: WorkerIdentity, worker: { workerId: string; workerPool: { id: string } }): void {
  for (const id of [worker.workerPool.id, worker.workerId]) if (!me.queueWorkerIds.includes(id)) me.queueWorkerIds.push(id);
}

export async function beat(db: Db, me: WorkerIdentity): Promise<void> {
  await db
    .insert(workerHeartbeats)
    .values(me)
    .onConflictDoUpdate({ target: workerHeartbeats.workerId, set: { lastSeenAt: sql`now()`, queueWorkerIds: me.queueWorkerIds } });
}

export async function retire(db: Db, workerId: string): Promise<void> {
  await db.delete(workerHeartbeats).where(inArray(workerHeartbeats.workerId, [workerId]));
}

/**
 * graphile-worker keeps a crashed worker's jobs locked for four hours. Any live worker that sees
 * another's heartbeat stop unlocks that worker's jobs so they run again now.
 */
export async function reapDeadWorkers(db: Db, utils: Pick<WorkerUtils, "forceUnlockWorkers">): Promise<string[]> {
  return db.transaction(async (tx) => {
    const dead = await tx
      .select()
      .from(workerHeartbeats)
      .where(lt(workerHeartbeats.lastSeenAt, sql`now() - make_interval(secs => ${DEAD_AFTER_SECONDS})`))
      .for("update", { skipLocked: true });
    if (dead.length === 0) return [];
    const queueIds = dead.flatMap((row) => row.queueWorkerIds);
    if (queueIds.length) await utils.forceUnlockWorkers(queueIds);
    await tx.delete(workerHeartbeats).where(inArray(workerHeartbeats.workerId, dead.map((row) => row.workerId)));
    log.warn("worker.reaped_dead_workers", { workers: dead.map((row) => ({ id: row.workerId, host: row.hostname, pid: row.pid })), unlocked: queueIds });
    return dead.map((row) => row.workerId);
  });
}
