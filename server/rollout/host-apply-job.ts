import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import type { Db } from "@/db/client";
import { driftEvents } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { driverFor } from "@/server/platform/driver-for";
import type { PlatformDriver } from "@/server/platform/driver";
import { type ApplyHostResult, type DesiredKindState, applyHost } from "./apply-host";
import { localCheckCache } from "./check-cache";
import { type DesiredSnippet, RenderError, renderDesired } from "./desired-state";
import { type HostAnswer, answerHost } from "./host-answer";
import { withHostLock } from "./host-lock";
import { type ApplyVm, openHost } from "./host-open";
import { queueFinishChecks } from "./jobs";
import { ensureLocalHostBase } from "./local-host-base";

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
  driver?: (vm: ApplyVm) => PlatformDriver;
};

/**
 * The `apply_host` job: brings one host to the desired state as it is *now*, so a host whose queued
 * applies were merged (one job key per host) still ends at the newest generation, and proves it by
 * answering every open rollout row of the host. Four round trips to Postgres of its own (lock,
 * open, answer, release) beside the queue's fetch and completion; a fifth only to queue a finishing
 * check. Each was several before, and round trips were most of an apply's cost (bench:rollout).
 *
 * 1. In one statement (host-open.ts): the host's open rows (pending or applying, of any rollout)
 *    become `applying`, and its desired state is read, from the same snapshot, so a row is answered
 *    only by an apply that carried its change; a later approval leaves its row for the next job.
 * 2. The host is converged (`applyHost`: staged checks, atomic swaps, verify). Host trouble is a
 *    result, never a throw.
 * 3. In one statement (host-answer.ts): the rows get the outcome and log, host_states the
 *    generation and hashes, and progress pages hear; drift found is recorded in the same transaction.
 * 4. The lock is released and, in the same round trip, finished rollouts are found; each gets a
 *    finishing check queued.
 *
 * At-least-once safe: a rerun after a crash finds the host converged and answers `unchanged`.
 */
export async function applyHostNow(db: Db, vmId: string, options: HostApplyOptions = {}): Promise<HostApplyReport> {
  // Two jobs for one host (a newer one queued while the older ran) take turns here.
  const { value: report, rolloutsDone } = await withHostLock(db, vmId, async (client) => {
    const value = await applyHostLocked(client, vmId, options);
    return { value, answered: value.rolloutIds };
  });
  if (rolloutsDone.length) await queueFinishChecks(db, rolloutsDone);
  return report;
}

async function applyHostLocked(client: pg.PoolClient, vmId: string, options: HostApplyOptions): Promise<HostApplyReport> {
  const { vm, snippets, rolloutIds, generation } = await openHost(client, vmId);

  let result: ApplyHostResult;
  let skipped = false;
  if (!vm || vm.status === "retired") {
    // Retired after the rollout was requested: nothing to push, and no reason to fail the change.
    skipped = true;
    result = { outcome: "unchanged", written: [], removed: [], drifted: [], log: ["the VM was retired; nothing was applied"], generation: null, files: {} };
  } else {
    result = await converge(vm, snippets, options);
  }

  const failed = result.outcome === "failed";
  const answer: HostAnswer = {
    vmId,
    rolloutIds,
    outcome: result.outcome,
    log: result.log.join("\n"),
    filesWritten: result.written.length,
    // An unreachable host has told nothing about its files: keep what was last known.
    hostState: vm && !skipped && result.generation !== null ? { generation: failed ? 0 : (generation ?? 0), failed, files: result.files } : null,
    announce: rolloutIds.filter(shouldAnnounce),
  };
  if (vm && result.drifted.length) {
    const repaired = result.outcome === "applied";
    // Without the schema: the drift path uses no relational queries (db.query.*), and building their config costs.
    await (drizzle(client) as unknown as Db).transaction(async (tx) => {
      await answerHost(client, answer);
      await tx.insert(driftEvents).values({ vmId, paths: result.drifted, repairedAt: repaired ? new Date() : null });
      await recordAudit(tx, { system: "rollout" }, {
        action: "host.drift",
        subjectType: "vm",
        subjectId: vmId,
        orgId: vm.orgId,
        after: { paths: result.drifted, repaired, rolloutIds },
      });
    });
  } else {
    await answerHost(client, answer);
  }

  return { vmId, outcome: skipped ? "skipped" : result.outcome, rolloutIds, generation: result.generation, written: result.written.length, drifted: result.drifted };
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

async function converge(vm: ApplyVm, snippets: DesiredSnippet[], options: HostApplyOptions): Promise<ApplyHostResult> {
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
