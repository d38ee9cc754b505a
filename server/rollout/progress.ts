import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rolloutHosts, rollouts, vms } from "@/db/schema";
import { type HostStateCounts, hostStateCounts } from "./finish-rollout";

export type RolloutHostProgress = {
  vmId: string;
  vmName: string;
  state: keyof HostStateCounts;
  log: string;
  filesWritten: number;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export type RolloutProgress = {
  rolloutId: string;
  revisionId: string | null;
  orgId: string | null;
  generation: number;
  status: "pending" | "running" | "done" | "failed";
  hostsTotal: number;
  /** Hosts with an answer (applied, unchanged or failed): the N of "N of M hosts done". */
  hostsDone: number;
  counts: HostStateCounts;
  /** Failed first, then applying, pending, and done hosts, each by name; at most `hostLimit`. */
  hosts: RolloutHostProgress[];
  createdAt: Date;
  finishedAt: Date | null;
};

/**
 * Where a rollout stands: N of M hosts done, counts per state, and the hosts with their state and
 * log (the interesting ones first, so a page of ten thousand hosts shows its failures). No access
 * check: the caller (a tRPC procedure) decides who may see the rollout, as getRollout does.
 */
export async function rolloutProgress(db: DbOrTx, rolloutId: string, options: { hostLimit?: number } = {}): Promise<RolloutProgress | null> {
  const [rollout] = await db.select().from(rollouts).where(eq(rollouts.id, rolloutId));
  if (!rollout) return null;
  const counts = await hostStateCounts(db, rolloutId);
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
    .orderBy(sql`case ${rolloutHosts.state} when 'failed' then 0 when 'applying' then 1 when 'pending' then 2 else 3 end`, asc(vms.name))
    .limit(options.hostLimit ?? 500);
  return {
    rolloutId,
    revisionId: rollout.revisionId,
    orgId: rollout.orgId,
    generation: rollout.generation,
    status: rollout.status,
    hostsTotal: rollout.hostsTotal,
    hostsDone: counts.applied + counts.unchanged + counts.failed,
    counts,
    hosts,
    createdAt: rollout.createdAt,
    finishedAt: rollout.finishedAt,
  };
}
