import { asc, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { backups, devices, storagePools, vms } from "@/db/schema";
import { requireStaff, type Actor } from "@/server/auth/actor";
import { backupServerUsage, hypervisorUsage, storagePoolUsage, suggestPlacement } from "./capacity";

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/**
 * Capacity at a glance: per hypervisor, memory and vCPUs given out against the hardware; per
 * storage pool, use against the 40 % rule; per backup server, the estimated space the backups need.
 */
export async function capacityReport(db: DbOrTx, actor: Actor) {
  requireStaff(actor);
  const [hardware, pools, activeVms, backupJobs] = await Promise.all([
    db.select().from(devices).where(inArray(devices.kind, ["hypervisor", "backup"])).orderBy(asc(devices.name)),
    db.select({ pool: storagePools, deviceName: devices.name }).from(storagePools).innerJoin(devices, eq(devices.id, storagePools.deviceId)).orderBy(asc(storagePools.name)),
    db
      .select({ hypervisorId: vms.hypervisorId, storagePoolId: vms.storagePoolId, vcpus: vms.vcpus, memoryMb: vms.memoryMb, diskGb: vms.diskGb, status: vms.status })
      .from(vms)
      .where(ne(vms.status, "retired")),
    db.select({ backupDeviceId: backups.backupDeviceId, lastSizeGb: backups.lastSizeGb, retentionDays: backups.retentionDays }).from(backups),
  ]);
  const vmsByHost = groupBy(activeVms, (vm) => vm.hypervisorId);
  const vmsByPool = groupBy(activeVms, (vm) => vm.storagePoolId);
  const jobsByServer = groupBy(backupJobs, (job) => job.backupDeviceId);
  const live = hardware.filter((d) => d.status !== "retired");
  return {
    hypervisors: live
      .filter((d) => d.kind === "hypervisor")
      .map((d) => ({ id: d.id, name: d.name, status: d.status, vmCount: vmsByHost.get(d.id)?.length ?? 0, usage: hypervisorUsage(d, vmsByHost.get(d.id) ?? []) })),
    storagePools: pools.map(({ pool, deviceName }) => ({
      id: pool.id,
      name: pool.name,
      deviceName,
      usage: storagePoolUsage(pool, (vmsByPool.get(pool.id) ?? []).map((vm) => vm.diskGb)),
    })),
    backupServers: live
      .filter((d) => d.kind === "backup")
      .map((d) => ({ id: d.id, name: d.name, status: d.status, jobs: jobsByServer.get(d.id)?.length ?? 0, usage: backupServerUsage(d, jobsByServer.get(d.id) ?? []) })),
  };
}

export const placementInput = z.object({
  orgId: z.uuid(),
  vcpus: z.number().int().min(1).max(256),
  memoryMb: z.number().int().min(256).max(4 * 1024 * 1024),
  redundancyGroup: z.string().trim().toLowerCase().max(40).nullable().default(null),
});

/** Where a new VM fits: hypervisors ranked least loaded first, and why the others were passed over. */
export async function placementFor(db: DbOrTx, actor: Actor, input: z.input<typeof placementInput>) {
  requireStaff(actor);
  const request = placementInput.parse(input);
  const [hosts, load] = await Promise.all([
    db.select().from(devices).where(eq(devices.kind, "hypervisor")).orderBy(asc(devices.name)),
    db
      .select({ hypervisorId: vms.hypervisorId, name: vms.name, vcpus: vms.vcpus, memoryMb: vms.memoryMb, status: vms.status, redundancyGroup: vms.redundancyGroup, orgId: vms.orgId })
      .from(vms)
      .where(ne(vms.status, "retired")),
  ]);
  const byHost = groupBy(load, (vm) => vm.hypervisorId);
  return suggestPlacement(
    request,
    hosts.map((h) => ({ ...h, vms: byHost.get(h.id) ?? [] })),
  );
}
