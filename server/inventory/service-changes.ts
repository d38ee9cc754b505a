import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { services, vms } from "@/db/schema";
import { requireStaff, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { badRequest, conflict, isUniqueViolation, notFound } from "@/server/errors";
import { idInput, serviceInput, updateServiceInput } from "./schemas";
import { inventoryKeepers } from "./vm-changes";

const nameTaken = () => conflict("That VM already has a service with this name.");

export async function createService(db: Db, actor: Actor, input: z.input<typeof serviceInput>) {
  requireStaff(actor, inventoryKeepers);
  const data = serviceInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [vm] = await tx.select().from(vms).where(eq(vms.id, data.vmId));
      if (!vm) throw notFound("That VM");
      if (vm.status === "retired") throw badRequest(`${vm.name} is retired; services cannot be added to it.`);
      const [service] = await tx
        .insert(services)
        .values({ ...data, orgId: vm.orgId })
        .returning();
      await recordAudit(tx, actor, { action: "service.created", subjectType: "service", subjectId: service!.id, orgId: vm.orgId, after: service });
      return service!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

export async function updateService(db: Db, actor: Actor, input: z.input<typeof updateServiceInput>) {
  requireStaff(actor, inventoryKeepers);
  const { serviceId, ...changes } = updateServiceInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(services).where(eq(services.id, serviceId)).for("update");
      if (!before || before.retiredAt) throw notFound("That service");
      const [after] = await tx.update(services).set(changes).where(eq(services.id, serviceId)).returning();
      await recordAudit(tx, actor, { action: "service.updated", subjectType: "service", subjectId: serviceId, orgId: before.orgId, before, after });
      return after!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

export async function retireService(db: Db, actor: Actor, input: z.input<typeof idInput>) {
  requireStaff(actor, inventoryKeepers);
  const { id } = idInput.parse(input);
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(services)
      .set({ retiredAt: new Date() })
      .where(and(eq(services.id, id), isNull(services.retiredAt)))
      .returning();
    if (!after) throw notFound("That service");
    await recordAudit(tx, actor, { action: "service.retired", subjectType: "service", subjectId: id, orgId: after.orgId, after: { retiredAt: after.retiredAt } });
    return after;
  });
}
