import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { driftEvents, vms } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { driverFor } from "@/server/platform/driver-for";
import type { PlatformDriver } from "@/server/platform/driver";
import { type ApplyHostResult, type DesiredKindState, applyHost } from "./apply-host";
import { localCheckCache } from "./check-cache";
import { RenderError, desiredSnippetsOf, renderDesired } from "./desired-state";
import { queueFinishChecks } from "./jobs";
import { withHostLock } from "./host-lock";
import { ensureLocalHostBase } from "./local-host-base";
import { announceRollouts } from "./rollout-events";

export type HostApplyReport = {
  vmId: string;
  outcome: ApplyHostResult["outcome"] | "skipped";
  /** The rollouts whose rows for this host this apply answered. */
  rolloutIds: string[];
  generation: number | null;
  written: number;
  drifted: string[];
};

export type HostApplyOptions = {
  env?: Record<string, string | undefined>;
  /** Stands in for driverFor (tests that need a driver with a twist); the default reaches the VM as its row says. */
  driver?: (vm: typeof vms.$inferSelect) => PlatformDriver;
};

/**
 * The `apply_host` job: brings one host to the desired state as it is *now*, so a host whose queued
 * applies were merged (one job key per host) still ends at the newest generation, and proves it by
 * answering every open rollout row of the host.
 *
 * 1. In one snapshot: the host's open rows (pending or applying, of any rollout) become `applying`,
 *    and its desired state is read. Rows and state come from the same snapshot, so a row is answered
 *    only by an apply that carried its change; a later approval leaves its row for the next job.
 * 2. The host is converged (`applyHost`: staged checks, atomic swaps, verify). Host trouble is a
 *    result, never a throw.
 * 3. In one transaction: the rows get the outcome and log, host_states the generation and hashes,
 *    drift found is recorded, each rollout gets a finishing check queued, and progress pages hear.
 *
 * At-least-once safe: a rerun after a crash finds the host converged and answers `unchanged`.
 */
export async function applyHostNow(db: Db, vmId: string, options: HostApplyOptions = {}): Promise<HostApplyReport> {
  // Two jobs for one host (a newer one queued while the older ran) take turns here.
  return withHostLock(db, vmId, (locked) => applyHostLocked(locked, vmId, options));
}

async function applyHostLocked(db: Db, vmId: string, options: HostApplyOptions): Promise<HostApplyReport> {
  const snapshot = await db.transaction(
    async (tx) => {
      const opened = await tx.execute<{ rollout_id: string; generation: string }>(sql`
        update rollout_hosts rh set state = 'applying', started_at = coalesce(rh.started_at, now())
        from rollouts r
        where r.id = rh.rollout_id and rh.vm_id = ${vmId} and rh.state in ('pending', 'applying')
        returning rh.rollout_id, r.generation`);
      const [vm] = await tx.select().from(vms).where(eq(vms.id, vmId));
      const desired = await desiredSnippetsOf(tx, vmId);
      const rolloutIds = opened.rows.map((r) => r.rollout_id);
      const generation = opened.rows.length ? Math.max(...opened.rows.map((r) => Number(r.generation))) : null;
      return { vm, snippets: desired.snippets, rolloutIds, generation };
    },
    { isolationLevel: "repeatable read" },
  );
  const { vm, rolloutIds } = snapshot;

  let result: ApplyHostResult;
  let skipped = false;
  if (!vm || vm.status === "retired") {
    // Retired after the rollout was requested: nothing to push, and no reason to fail the change.
    skipped = true;
    result = { outcome: "unchanged", written: [], removed: [], drifted: [], log: ["the VM was retired; nothing was applied"], generation: null, files: {} };
  } else {
    result = await converge(vm, snapshot.snippets, options);
  }

  await db.transaction(async (tx) => {
    const state = result.outcome;
    if (rolloutIds.length) {
      await tx.execute(sql`
        update rollout_hosts set state = ${state}, log = ${result.log.join("\n")}, files_written = ${result.written.length}, finished_at = now()
        where vm_id = ${vmId} and rollout_id in (select unnest(${`{${rolloutIds.join(",")}}`}::uuid[])) and state in ('pending', 'applying')`);
    }
    // An unreachable host has told nothing about its files: keep what was last known.
    if (vm && !skipped && result.generation !== null) {
      const failed = result.outcome === "failed";
      await tx.execute(sql`
        insert into host_states (vm_id, generation, file_hashes, applied_at)
        values (${vmId}, ${failed ? 0 : (snapshot.generation ?? 0)}, ${JSON.stringify(result.files)}::jsonb, now())
        on conflict (vm_id) do update set
          generation = case when ${failed} then host_states.generation else greatest(host_states.generation, excluded.generation) end,
          file_hashes = excluded.file_hashes,
          applied_at = case when ${failed} then host_states.applied_at else now() end`);
    }
    if (vm && result.drifted.length) {
      const repaired = result.outcome === "applied";
      await tx.insert(driftEvents).values({ vmId, paths: result.drifted, repairedAt: repaired ? new Date() : null });
      await recordAudit(tx, { system: "rollout" }, {
        action: "host.drift",
        subjectType: "vm",
        subjectId: vmId,
        orgId: vm.orgId,
        after: { paths: result.drifted, repaired, rolloutIds },
      });
    }
    await announceRollouts(tx, rolloutIds.filter(shouldAnnounce), "host");
  });
  // After the commit, in a fresh snapshot: whichever host commits last sees every other host's
  // answer and asks for the finishing check. Checking inside the transaction would let two last
  // hosts each miss the other's uncommitted answer; queuing a check from every host would make ten
  // thousand transactions queue behind one job row.
  const finished = await rolloutsWithoutOpenHosts(db, rolloutIds);
  if (finished.length) await queueFinishChecks(db, finished);

  return { vmId, outcome: skipped ? "skipped" : result.outcome, rolloutIds, generation: result.generation, written: result.written.length, drifted: result.drifted };
}

/**
 * Rollouts none of whose hosts is still pending or applying. Scans each rollout's rows from the
 * highest host id down: hosts are fanned out and run in id order, so while a rollout is under way an
 * open row sits at the top and the answer comes after a step or two.
 */
export async function rolloutsWithoutOpenHosts(db: Db, rolloutIds: readonly string[]): Promise<string[]> {
  const done: string[] = [];
  for (const rolloutId of rolloutIds) {
    const open = await db.execute(
      sql`select 1 from rollout_hosts where rollout_id = ${rolloutId} and state in ('pending', 'applying') order by rollout_id desc, vm_id desc limit 1`,
    );
    if (open.rows.length === 0) done.push(rolloutId);
  }
  return done;
}

/**
 * Progress pages re-read on a NOTIFY, and every NOTIFY serialises commits for a moment: ten thousand
 * hosts need not send ten thousand. One per rollout per ANNOUNCE_EVERY_MS per worker process; the
 * rollout's `finished` is always sent (finish-rollout.ts), so a page never misses the end.
 */
const ANNOUNCE_EVERY_MS = 250;
const lastAnnounced = new Map<string, number>();
function shouldAnnounce(rolloutId: string): boolean {
  const now = Date.now();
  if (now - (lastAnnounced.get(rolloutId) ?? 0) < ANNOUNCE_EVERY_MS) return false;
  lastAnnounced.set(rolloutId, now);
  if (lastAnnounced.size > 1000) lastAnnounced.delete(lastAnnounced.keys().next().value!);
  return true;
}

async function converge(vm: typeof vms.$inferSelect, snippets: Parameters<typeof renderDesired>[0], options: HostApplyOptions): Promise<ApplyHostResult> {
  let desired: DesiredKindState[];
  try {
    desired = renderDesired(snippets);
  } catch (error) {
    if (!(error instanceof RenderError)) throw error;
    return { outcome: "failed", written: [], removed: [], drifted: [], log: [`${error.message}; nothing was changed on the host`], generation: null, files: {} };
  }
  let driver: PlatformDriver;
  try {
    driver = options.driver ? options.driver(vm) : driverFor(vm, options.env ?? process.env);
  } catch (error) {
    return { outcome: "failed", written: [], removed: [], drifted: [], log: [(error as Error).message], generation: null, files: {} };
  }
  try {
    const log: string[] = [];
    if (vm.driver === "local") {
      const created = await ensureLocalHostBase(driver).catch((error: Error) => {
        log.push(`could not give the host folder its base files: ${error.message}`);
        return [];
      });
      if (created.length) log.push(`new local host: wrote its base files ${created.join(", ")}`);
    }
    const result = await applyHost(driver, desired, vm.driver === "local" ? { checkCache: localCheckCache() } : {});
    return { ...result, log: [...log, ...result.log] };
  } finally {
    await driver.close().catch(() => undefined);
  }
}
