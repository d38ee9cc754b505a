import { and, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { devices, storagePools, vms } from "@/db/schema";
import { requireStaff, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { badRequest, conflict, isUniqueViolation, notFound } from "@/server/errors";
import { formatGb } from "./capacity";
import { deviceKindInWords } from "./device-kind-words";
import { storagePoolInput, updateStoragePoolInput } from "./schemas";
import { inventoryKeepers } from "./vm-changes";

const nameTaken = () => conflict("That storage server already has a pool with this name.");

/**
 * The storage server a pool is carved from, locked so that concurrent pool changes on one server
 * are checked against each other's sizes.
 */
async function lockStorageServer(tx: DbOrTx, deviceId: string) {
  const [server] = await tx.select().from(devices).where(eq(devices.id, deviceId)).for("update");
  if (!server) throw notFound("That device");
  if (server.kind !== "storage") throw badRequest(`${server.name} is ${deviceKindInWords[server.kind]}, not a storage server: pools live on storage servers.`);
  if (server.status === "retired") throw badRequest(`${server.name} is retired; its pools can no longer change.`);
  return server;
}

/** Pools share the server's disks: together they cannot be larger than them. */
async function assertPoolsFitServer(tx: DbOrTx, server: { id: string; name: string; diskGb: number }, pool: { id?: string; capacityGb: number }) {
  const [others] = await tx
    .select({ capacityGb: sql<number>`coalesce(sum(${storagePools.capacityGb}), 0)::int` })
    .from(storagePools)
    .where(and(eq(storagePools.deviceId, server.id), pool.id ? ne(storagePools.id, pool.id) : undefined));
  const totalGb = (others?.capacityGb ?? 0) + pool.capacityGb;
  if (totalGb > server.diskGb) {
    throw badRequest(
      `The pools on ${server.name} would add up to ${formatGb(totalGb)}, more than its ${formatGb(server.diskGb)} of disk: ` +
        `make the pool smaller, or first record ${server.name}'s real disk size.`,
    );
  }
}

/** Nothing can be stored beyond the capacity; the 40 % rule is a policy the capacity page flags, this is physics. */
function assertHolds(pool: { name: string; capacityGb: number; reservedGb: number }, vmDisksGb: number) {
  const usedGb = pool.reservedGb + vmDisksGb;
  if (usedGb > pool.capacityGb) {
    throw badRequest(
      `${pool.name} cannot hold ${formatGb(usedGb)} (${formatGb(pool.reservedGb)} of other data and ${formatGb(vmDisksGb)} of VM disks) ` +
        `in ${formatGb(pool.capacityGb)}: raise the capacity or lower the space used.`,
    );
  }
}

export async function createStoragePool(db: Db, actor: Actor, input: z.input<typeof storagePoolInput>) {
  requireStaff(actor, inventoryKeepers);
  const data = storagePoolInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const server = await lockStorageServer(tx, data.deviceId);
      assertHolds(data, 0);
      await assertPoolsFitServer(tx, server, data);
      const [pool] = await tx.insert(storagePools).values(data).returning();
      await recordAudit(tx, actor, { action: "storage_pool.created", subjectType: "storage_pool", subjectId: pool!.id, after: pool });
      return pool!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** Renames or resizes a pool; it must still hold the disks of the VMs on it. */
export async function updateStoragePool(db: Db, actor: Actor, input: z.input<typeof updateStoragePoolInput>) {
  requireStaff(actor, inventoryKeepers);
  const { poolId, ...changes } = updateStoragePoolInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [found] = await tx.select({ deviceId: storagePools.deviceId }).from(storagePools).where(eq(storagePools.id, poolId));
      if (!found) throw notFound("That storage pool");
      const server = await lockStorageServer(tx, found.deviceId);
      const [before] = await tx.select().from(storagePools).where(eq(storagePools.id, poolId)).for("update");
      const after = {
        ...before!,
        name: changes.name ?? before!.name,
        capacityGb: changes.capacityGb ?? before!.capacityGb,
        reservedGb: changes.reservedGb ?? before!.reservedGb,
      };
      const [disks] = await tx
        .select({ gb: sql<number>`coalesce(sum(${vms.diskGb}), 0)::int` })
        .from(vms)
        .where(and(eq(vms.storagePoolId, poolId), ne(vms.status, "retired")));
      assertHolds(after, disks?.gb ?? 0);
      await assertPoolsFitServer(tx, server, after);
      const [updated] = await tx
        .update(storagePools)
        .set({ name: after.name, capacityGb: after.capacityGb, reservedGb: after.reservedGb })
        .where(eq(storagePools.id, poolId))
        .returning();
      await recordAudit(tx, actor, { action: "storage_pool.updated", subjectType: "storage_pool", subjectId: poolId, before, after: updated });
      return updated!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}
