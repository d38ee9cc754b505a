import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { backups, checklistItems, devices, services, users, vms } from "@/db/schema";
import { canSeeOrg, requireStaff, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record";
import { badRequest, notFound } from "@/server/errors";
import { checklistItemKeys, manualItems, serviceChecklist } from "./checklist-rules";
import { idInput } from "./schemas";
import { inventoryKeepers } from "./vm-changes";

export const tickInput = z.object({ serviceId: z.uuid(), item: z.enum(checklistItemKeys), done: z.boolean() });

/** A VM's backups and each of its services' production-ready checklist. */
export async function vmReadiness(db: DbOrTx, actor: Actor, input: z.input<typeof idInput>) {
  const { id } = idInput.parse(input);
  const [vm] = await db.select({ orgId: vms.orgId }).from(vms).where(eq(vms.id, id));
  if (!vm || !canSeeOrg(actor, vm.orgId)) throw notFound("That VM");
  const [vmServices, jobs, ticks] = await Promise.all([
    db.select().from(services).where(and(eq(services.vmId, id), isNull(services.retiredAt))),
    db
      .select({ id: backups.id, server: devices.name, schedule: backups.schedule, retentionDays: backups.retentionDays, lastSuccessAt: backups.lastSuccessAt })
      .from(backups)
      .innerJoin(devices, eq(devices.id, backups.backupDeviceId))
      .where(eq(backups.vmId, id))
      .orderBy(desc(backups.lastSuccessAt)),
    db
      .select({ serviceId: checklistItems.serviceId, item: checklistItems.item, checkedAt: checklistItems.checkedAt, checkedBy: users.name })
      .from(checklistItems)
      .innerJoin(services, eq(services.id, checklistItems.serviceId))
      .innerJoin(users, eq(users.id, checklistItems.checkedBy))
      .where(eq(services.vmId, id)),
  ]);
  const lastBackupAt = jobs.map((j) => j.lastSuccessAt).filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
  const vmHasMonitoringAgent = vmServices.some((s) => s.kind === "monitoring");
  const now = new Date();
  return {
    backups: jobs,
    services: vmServices.map((service) => ({
      serviceId: service.id,
      name: service.name,
      kind: service.kind,
      checklist: serviceChecklist({
        service,
        vmHasMonitoringAgent,
        lastBackupAt,
        now,
        ticks: new Map(ticks.filter((t) => t.serviceId === service.id).map((t) => [t.item, { checkedBy: t.checkedBy, checkedAt: t.checkedAt }])),
      }),
    })),
  };
}

/** Staff tick (or untick) an item only a person can confirm; who and when are kept. */
export async function tickChecklistItem(db: Db, actor: Actor, input: z.input<typeof tickInput>) {
  requireStaff(actor, inventoryKeepers);
  const { serviceId, item, done } = tickInput.parse(input);
  if (!manualItems.includes(item)) throw badRequest("Hostdesk checks this item itself; it cannot be ticked by hand.");
  await db.transaction(async (tx) => {
    const [service] = await tx.select().from(services).where(and(eq(services.id, serviceId), isNull(services.retiredAt)));
    if (!service) throw notFound("That service");
    if (done) await tx.insert(checklistItems).values({ serviceId, item, checkedBy: actor.userId }).onConflictDoNothing();
    else await tx.delete(checklistItems).where(and(eq(checklistItems.serviceId, serviceId), eq(checklistItems.item, item)));
    await recordAudit(tx, actor, {
      action: done ? "checklist.ticked" : "checklist.unticked",
      subjectType: "service",
      subjectId: serviceId,
      orgId: service.orgId,
      after: { item },
    });
  });
}
