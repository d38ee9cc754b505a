import pg from "pg";
import type { Db } from "@/db/client";

/** The advisory lock key of one host's applies (a 64-bit hash of the key text, computed by Postgres). */
export const hostLockKey = (vmId: string) => `apply_host:${vmId}`;

/** What the locked work returns: its value, and the rollouts it answered (to ask after it which are done). */
export type LockedWork<T> = { value: T; answered: readonly string[] };

/**
 * The release of the lock also asks which of the answered rollouts no longer has an open host (one
 * round trip instead of two). It runs after the answer committed, in a fresh snapshot: whichever host
 * commits last sees every other host's answer. Asking inside the answer's transaction would let two
 * last hosts each miss the other's uncommitted answer. Each rollout's rows are scanned from the
 * highest host id down (a scalar subquery keeps its order and limit; EXISTS would drop them): hosts
 * are fanned out and run in id order, so while a rollout is under way an open row sits at the top.
 */
const releaseText = `
  select pg_advisory_unlock(hashtextextended($1, 0)) as unlocked,
         array(select r::text from unnest($2::uuid[]) r
               where (select 1 from rollout_hosts h where h.rollout_id = r and h.state in ('pending', 'applying')
                      order by h.rollout_id desc, h.vm_id desc limit 1) is null) as done`;

/**
 * Runs `fn` holding a per-host Postgres advisory lock (session level, on one connection taken from
 * `db`'s pool), so two applies for one host never run at the same time: a second job for the host,
 * queued while the first runs (one job key per host replaces only a job still waiting), waits here
 * until the first has committed its result. `fn` gets that connection and should do all its queries
 * on it: a job then holds one connection, never waits for a second while holding the lock, and
 * cannot starve the pool. A worker that dies drops its connection and with it the lock.
 *
 * Returns `fn`'s value and which of the rollouts it answered have no open host left.
 */
export async function withHostLock<T>(db: Db, vmId: string, fn: (client: pg.PoolClient) => Promise<LockedWork<T>>): Promise<{ value: T; rolloutsDone: string[] }> {
  const pool = (db as Db & { $client?: unknown }).$client;
  if (!(pool instanceof pg.Pool)) throw new Error("withHostLock needs a Db on a pg.Pool");
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query({ name: "rollout_lock_host", text: "select pg_advisory_lock(hashtextextended($1, 0))", values: [hostLockKey(vmId)] }).catch((error: unknown) => {
      broken = true;
      throw error;
    });
    let work: LockedWork<T>;
    try {
      work = await fn(client);
    } catch (error) {
      // A connection that cannot say it unlocked is thrown away, which unlocks it.
      await release(client, vmId, []).catch(() => (broken = true));
      throw error;
    }
    try {
      return { value: work.value, rolloutsDone: await release(client, vmId, work.answered) };
    } catch (error) {
      broken = true;
      throw error;
    }
  } finally {
    client.release(broken);
  }
}

async function release(client: pg.PoolClient, vmId: string, answered: readonly string[]): Promise<string[]> {
  const result = await client.query<{ unlocked: boolean; done: string[] }>({ name: "rollout_release_host", text: releaseText, values: [hostLockKey(vmId), answered] });
  return result.rows[0]!.done;
}
