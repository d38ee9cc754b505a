import { and, eq, isNull, ne } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { devices, orgs, services, storagePools, vms } from "@/db/schema";
import { requireStaff, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { badRequest, conflict, isUniqueViolation, notFound } from "@/server/errors";
import { validateVmResources, type VmResourceProposal } from "./capacity";
import { idInput, updateVmInput, vmInput } from "./schemas";

/** Staff who keep the inventory: support and engineering (admins always pass). */
export const inventoryKeepers = ["agent", "engineer"] as const;

/** Refuses a VM the hardware cannot carry, with every reason at once. */
async function assertFits(db: DbOrTx, proposal: VmResourceProposal, hypervisorId: string, storagePoolId: string) {
  const [[hypervisor], hypervisorVms, [storagePool], poolVms] = await Promise.all([
    db.select().from(devices).where(eq(devices.id, hypervisorId)),
    db.select().from(vms).where(eq(vms.hypervisorId, hypervisorId)),
    db.select().from(storagePools).where(eq(storagePools.id, storagePoolId)),
    db.select({ id: vms.id, diskGb: vms.diskGb, status: vms.status }).from(vms).where(eq(vms.storagePoolId, storagePoolId)),
  ]);
  if (!hypervisor) throw badRequest("Choose a hypervisor that exists.");
  if (!storagePool) throw badRequest("Choose a storage pool that exists.");
  const problems = validateVmResources({ vm: proposal, hypervisor, hypervisorVms, storagePool, poolVms });
  if (problems.length) throw badRequest(problems.map((p) => p.message).join(" "));
}

async function assertCustomerOrg(db: DbOrTx, orgId: string) {
  const [org] = await db.select({ kind: orgs.kind }).from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw notFound("That organisation");
  if (org.kind !== "customer") throw badRequest("VMs belong to customer organisations.");
}

const nameTaken = () => conflict("A VM with that name already exists. VM names are unique across the platform.");

export async function createVm(db: Db, actor: Actor, input: z.input<typeof vmInput>) {
  requireStaff(actor, inventoryKeepers);
  const data = vmInput.parse(input);
  await assertCustomerOrg(db, data.orgId);
  try {
    return await db.transaction(async (tx) => {
      // Serialise placements on one hypervisor so two concurrent creates cannot both take the last memory.
      await tx.select({ id: devices.id }).from(devices).where(eq(devices.id, data.hypervisorId)).for("update");
      await assertFits(tx, data, data.hypervisorId, data.storagePoolId);
      const [vm] = await tx.insert(vms).values(data).returning();
      await recordAudit(tx, actor, { action: "vm.created", subjectType: "vm", subjectId: vm!.id, orgId: vm!.orgId, after: vm });
      return vm!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

export async function updateVm(db: Db, actor: Actor, input: z.input<typeof updateVmInput>) {
  requireStaff(actor, inventoryKeepers);
  const { vmId, ...changes } = updateVmInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(vms).where(eq(vms.id, vmId)).for("update");
      if (!before) throw notFound("That VM");
      if (changes.status === "retired" && before.status !== "retired") {
        throw badRequest(`Retire ${before.name} with Retire VM, which retires its services with it.`);
      }
      const after = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
      await tx.select({ id: devices.id }).from(devices).where(eq(devices.id, after.hypervisorId)).for("update");
      await assertFits(tx, { ...after, id: vmId }, after.hypervisorId, after.storagePoolId);
      const [updated] = await tx.update(vms).set(changes).where(eq(vms.id, vmId)).returning();
      await recordAudit(tx, actor, { action: "vm.updated", subjectType: "vm", subjectId: vmId, orgId: before.orgId, before, after: updated });
      return updated!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** Retires a VM and its services: they leave capacity and the dependency graph, their history stays. */
export async function retireVm(db: Db, actor: Actor, input: z.input<typeof idInput>) {
  requireStaff(actor, inventoryKeepers);
  const { id } = idInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(vms).where(eq(vms.id, id)).for("update");
    if (!before) throw notFound("That VM");
    if (before.status === "retired") return before;
    const [after] = await tx.update(vms).set({ status: "retired" }).where(eq(vms.id, id)).returning();
    const retired = await tx
      .update(services)
      .set({ retiredAt: new Date() })
      .where(and(eq(services.vmId, id), isNull(services.retiredAt)))
      .returning({ id: services.id });
    await recordAudit(tx, actor, {
      action: "vm.retired",
      subjectType: "vm",
      subjectId: id,
      orgId: before.orgId,
      before: { status: before.status },
      after: { status: after!.status, servicesRetired: retired.length },
    });
    return after!;
  });
}

/** Active VMs on a device or pool; what blocks retiring it. */
export async function activeVmsOn(db: DbOrTx, where: { hypervisorId?: string; storagePoolId?: string }) {
  return db
    .select({ id: vms.id, name: vms.name })
    .from(vms)
    .where(
      and(
        ne(vms.status, "retired"),
        where.hypervisorId ? eq(vms.hypervisorId, where.hypervisorId) : undefined,
        where.storagePoolId ? eq(vms.storagePoolId, where.storagePoolId) : undefined,
      ),
    );
}
