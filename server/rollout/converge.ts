import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rollouts } from "@/db/schema";
import { type AuditActor, recordAudit } from "@/server/audit/record";
import { managedVmIds } from "./desired-state";
import { FAN_OUT_TASK, queueFinishChecks } from "./jobs";
import { rolloutJobKey } from "./request";

export type ConvergePass = { rolloutId: string; generation: number; hostsTotal: number; reused: boolean };

/**
 * A converge pass: a rollout without a revision over every host whose state Hostdesk manages (or
 * the given hosts), fanned out like any other. Each host re-applies its desired state: a host that
 * drifted (a hand edit, a deleted file, an apply killed half-way) is put right and the drift
 * recorded; the others answer `unchanged` and write nothing. The periodic safety net, and what staff
 * trigger when they want every host checked now.
 *
 * `skipIfRunning`: the cron's guard against piling passes up; an open pass is returned instead.
 */
export async function startConverge(db: Db, actor: AuditActor, options: { vmIds?: string[]; skipIfRunning?: boolean } = {}): Promise<ConvergePass> {
  return db.transaction(async (tx) => {
    if (options.skipIfRunning) {
      // One pass at a time, across workers: the lock holds until this transaction ends.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('hostdesk.converge'))`);
      const open = await tx.execute<{ id: string; generation: string; hosts_total: number }>(
        sql`select id, generation, hosts_total from rollouts where revision_id is null and status in ('pending', 'running') order by generation desc limit 1`,
      );
      const row = open.rows[0];
      if (row) return { rolloutId: row.id, generation: Number(row.generation), hostsTotal: row.hosts_total, reused: true };
    }
    const vmIds = options.vmIds ? [...new Set(options.vmIds)] : await managedVmIds(tx);
    const [rollout] = await tx.insert(rollouts).values({ revisionId: null, orgId: null, status: "pending", hostsTotal: vmIds.length }).returning();
    await tx.execute(sql`
      insert into rollout_hosts (rollout_id, vm_id, state)
      select ${rollout!.id}, v.id, 'pending' from vms v where v.id in (select unnest(${`{${vmIds.join(",")}}`}::uuid[])) and v.status <> 'retired'`);
    await tx.execute(sql`select graphile_worker.add_job(${FAN_OUT_TASK}, json_build_object('rolloutId', ${rollout!.id}::uuid), job_key := ${rolloutJobKey(rollout!.id)})`);
    await recordAudit(tx, actor, { action: "rollout.converge", subjectType: "rollout", subjectId: rollout!.id, after: { generation: rollout!.generation, hosts: vmIds.length } });
    return { rolloutId: rollout!.id, generation: rollout!.generation, hostsTotal: vmIds.length, reused: false };
  });
}

/**
 * Asks for a finishing check of every rollout still open after a minute. The host that answers last
 * normally asks; a worker killed between that answer's commit and the ask would leave the rollout
 * open for good without this sweep (run with each converge pass).
 */
export async function sweepOpenRollouts(db: Db): Promise<number> {
  const open = await db.execute<{ id: string }>(sql`select id from rollouts where status in ('pending', 'running') and created_at < now() - interval '1 minute'`);
  await queueFinishChecks(db, open.rows.map((r) => r.id));
  return open.rows.length;
}
