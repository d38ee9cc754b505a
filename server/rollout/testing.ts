import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { runOnce } from "graphile-worker";
import { databaseUrl, getDb, getPool } from "@/db/client";
import { rolloutHosts, rollouts, vms } from "@/db/schema";
import { queueLogger } from "@/server/worker/queue-logger";
import { manifestPath } from "./host-manifest";
import { rolloutTasks } from "./tasks";

/** A fresh folder of local hosts, set as HOSTDESK_PLATFORM_ROOT for this test file's process. */
export function useTempPlatformRoot(label: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `hostdesk-${label}-`));
  process.env.HOSTDESK_PLATFORM_ROOT = root;
  return root;
}

/** Runs every queued rollout job (and the jobs they queue) until none is left, in this process. */
export async function drainRolloutJobs(): Promise<void> {
  await runOnce({ connectionString: databaseUrl(), taskList: rolloutTasks, logger: queueLogger });
}

export const hostFile = (root: string, vmName: string, relative: string): string | null => {
  const file = path.join(root, vmName, relative);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
};

export const hostManifest = (root: string, vmName: string) => JSON.parse(hostFile(root, vmName, manifestPath) ?? "null") as { generation: number; files: Record<string, { sha256: string }> } | null;

/** Every file below the root that an apply should never leave behind: temporary names and staging trees. */
export function leftoversUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (/\.hostdesk-[0-9a-f]{16}$/.test(entry.name) || entry.name.startsWith("stage-")) found.push(path.relative(root, full));
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(root);
  return found;
}

export const rolloutRow = async (rolloutId: string) => (await getDb().select().from(rollouts).where(eq(rollouts.id, rolloutId)))[0]!;
export const rolloutHostRows = async (rolloutId: string) =>
  getDb().select({ vmId: rolloutHosts.vmId, name: vms.name, state: rolloutHosts.state, log: rolloutHosts.log, filesWritten: rolloutHosts.filesWritten }).from(rolloutHosts).innerJoin(vms, eq(vms.id, rolloutHosts.vmId)).where(eq(rolloutHosts.rolloutId, rolloutId));

/** Adds `count` local VMs named `<prefix>-00001`… to an org, on the org's first VM's hypervisor and pool. */
export async function addLocalVms(orgId: string, prefix: string, count: number): Promise<string[]> {
  const result = await getPool().query<{ name: string }>(
    `insert into vms (org_id, name, environment, role, hypervisor_id, storage_pool_id, vcpus, memory_mb, disk_gb, driver)
     select $1, $2 || '-' || lpad(i::text, 5, '0'), 'production', 'web', t.hypervisor_id, t.storage_pool_id, 1, 512, 10, 'local'
     from generate_series(1, $3) i, (select hypervisor_id, storage_pool_id from vms limit 1) t
     returning name`,
    [orgId, prefix, count],
  );
  return result.rows.map((r) => r.name);
}

export const jobsLeft = async (task: string) =>
  Number((await getDb().execute<{ n: string }>(sql`select count(*) as n from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = ${task}`)).rows[0]!.n);
