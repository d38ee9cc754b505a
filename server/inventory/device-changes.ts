import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { devices, storagePools, vms } from "@/db/schema";
import { requireStaff, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { badRequest, conflict, isUniqueViolation, notFound } from "@/server/errors";
import { formatGb } from "./capacity";
import { joinNaturally } from "./graph";
import { assertRackSpace } from "./rack-space";
import { deviceInput, idInput, updateDeviceInput } from "./schemas";
import { activeVmsOn, inventoryKeepers } from "./vm-changes";

const nameTaken = () => conflict("A device with that name already exists. Device names are unique.");

function listSome(names: string[]): string {
  return names.length > 5 ? `${joinNaturally(names.slice(0, 5))} and ${names.length - 5} more` : joinNaturally(names);
}

export async function createDevice(db: Db, actor: Actor, input: z.input<typeof deviceInput>) {
  requireStaff(actor, inventoryKeepers);
  const data = deviceInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      await assertRackSpace(tx, data);
      const [device] = await tx.insert(devices).values(data).returning();
      await recordAudit(tx, actor, { action: "device.created", subjectType: "device", subjectId: device!.id, after: device });
      return device!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/**
 * Edits a device. What runs on it constrains the edit: a hypervisor with VMs stays a hypervisor and
 * keeps at least the memory they are given; a storage server with pools stays a storage server and
 * keeps at least the disk its pools take. It moves only to free rack units.
 */
export async function updateDevice(db: Db, actor: Actor, input: z.input<typeof updateDeviceInput>) {
  requireStaff(actor, inventoryKeepers);
  const { deviceId, ...changes } = updateDeviceInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(devices).where(eq(devices.id, deviceId)).for("update");
      if (!before) throw notFound("That device");
      if (changes.status === "retired" && before.status !== "retired") {
        throw badRequest(`Retire ${before.name} with its Retire button, which first checks that no VM still runs on it.`);
      }
      const [load] = await tx
        .select({ vms: sql<number>`count(*)::int`, memoryMb: sql<number>`coalesce(sum(${vms.memoryMb}), 0)::int` })
        .from(vms)
        .where(sql`${vms.hypervisorId} = ${deviceId} and ${vms.status} <> 'retired'`);
      const [pools] = await tx
        .select({ n: sql<number>`count(*)::int`, capacityGb: sql<number>`coalesce(sum(${storagePools.capacityGb}), 0)::int` })
        .from(storagePools)
        .where(eq(storagePools.deviceId, deviceId));
      if (changes.kind && changes.kind !== before.kind && ((load?.vms ?? 0) > 0 || (pools?.n ?? 0) > 0)) {
        throw badRequest(`${before.name} still carries VMs or storage pools; move them before changing what kind of device it is.`);
      }
      if (changes.memoryMb !== undefined && changes.memoryMb < (load?.memoryMb ?? 0)) {
        throw badRequest(`${before.name} has ${load!.memoryMb} MiB given to its VMs; its memory cannot go below that. Move VMs off it first.`);
      }
      if (changes.diskGb !== undefined && changes.diskGb < (pools?.capacityGb ?? 0)) {
        throw badRequest(`${before.name}'s storage pools take ${formatGb(pools!.capacityGb)}; its disk cannot go below that. Shrink its pools first.`);
      }
      if (changes.rackId !== undefined || changes.rackUnit !== undefined || changes.heightUnits !== undefined) {
        await assertRackSpace(tx, { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) });
      }
      const [after] = await tx.update(devices).set(changes).where(eq(devices.id, deviceId)).returning();
      await recordAudit(tx, actor, { action: "device.updated", subjectType: "device", subjectId: deviceId, before, after });
      return after!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** Retires a device that nothing runs on any more. */
export async function retireDevice(db: Db, actor: Actor, input: z.input<typeof idInput>) {
  requireStaff(actor, inventoryKeepers);
  const { id } = idInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(devices).where(eq(devices.id, id)).for("update");
    if (!before) throw notFound("That device");
    const onIt = await activeVmsOn(tx, { hypervisorId: id });
    const pools = await tx.select({ id: storagePools.id, name: storagePools.name }).from(storagePools).where(eq(storagePools.deviceId, id));
    const onPools = (await Promise.all(pools.map((p) => activeVmsOn(tx, { storagePoolId: p.id })))).flat();
    const blocking = [...onIt, ...onPools].map((vm) => vm.name);
    if (blocking.length) throw badRequest(`Move or retire the VMs on ${before.name} first: ${listSome([...new Set(blocking)])}.`);
    const [after] = await tx.update(devices).set({ status: "retired" }).where(eq(devices.id, id)).returning();
    await recordAudit(tx, actor, { action: "device.retired", subjectType: "device", subjectId: id, before: { status: before.status }, after: { status: "retired" } });
    return after!;
  });
}
