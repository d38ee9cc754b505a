import { and, asc, eq, ne } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { devices, orgs, racks, sites, storagePools, vms } from "@/db/schema";
import { requireStaff, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/errors";
import { storagePoolUsage } from "./capacity";
import { idInput } from "./schemas";

/**
 * One device with where it stands and what it carries: the VMs a hypervisor runs, the pools a
 * storage server holds with their use. Staff only, like all hardware.
 */
export async function getDevice(db: DbOrTx, actor: Actor, input: z.input<typeof idInput>) {
  requireStaff(actor);
  const { id } = idInput.parse(input);
  const [found] = await db
    .select({ device: devices, rackName: racks.name, rackUnits: racks.units, siteId: sites.id, siteName: sites.name })
    .from(devices)
    .leftJoin(racks, eq(racks.id, devices.rackId))
    .leftJoin(sites, eq(sites.id, racks.siteId))
    .where(eq(devices.id, id));
  if (!found) throw notFound("That device");
  const [hosted, pools, poolDisks] = await Promise.all([
    db
      .select({ id: vms.id, name: vms.name, orgName: orgs.name, status: vms.status, vcpus: vms.vcpus, memoryMb: vms.memoryMb })
      .from(vms)
      .innerJoin(orgs, eq(orgs.id, vms.orgId))
      .where(and(eq(vms.hypervisorId, id), ne(vms.status, "retired")))
      .orderBy(asc(vms.name)),
    db.select().from(storagePools).where(eq(storagePools.deviceId, id)).orderBy(asc(storagePools.name)),
    db
      .select({ storagePoolId: vms.storagePoolId, diskGb: vms.diskGb })
      .from(vms)
      .innerJoin(storagePools, eq(storagePools.id, vms.storagePoolId))
      .where(and(eq(storagePools.deviceId, id), ne(vms.status, "retired"))),
  ]);
  return {
    ...found.device,
    rackName: found.rackName,
    rackUnits: found.rackUnits,
    siteId: found.siteId,
    siteName: found.siteName,
    vms: hosted,
    storagePools: pools.map((pool) => {
      const disks = poolDisks.filter((d) => d.storagePoolId === pool.id).map((d) => d.diskGb);
      return { id: pool.id, name: pool.name, capacityGb: pool.capacityGb, reservedGb: pool.reservedGb, vmCount: disks.length, usage: storagePoolUsage(pool, disks) };
    }),
  };
}
