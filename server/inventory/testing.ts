import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, devices, services, storagePools, vms } from "@/db/schema";

/** Looks up seeded inventory by name in tests. */
export async function deviceId(name: string): Promise<string> {
  const [row] = await getDb().select({ id: devices.id }).from(devices).where(eq(devices.name, name));
  if (!row) throw new Error(`no device ${name}`);
  return row.id;
}

export async function vmByName(name: string) {
  const [row] = await getDb().select().from(vms).where(eq(vms.name, name));
  if (!row) throw new Error(`no VM ${name}`);
  return row;
}

export async function serviceId(vmName: string, serviceName: string): Promise<string> {
  const vm = await vmByName(vmName);
  const [row] = await getDb()
    .select({ id: services.id })
    .from(services)
    .where(sql`${services.vmId} = ${vm.id} and ${services.name} = ${serviceName}`);
  if (!row) throw new Error(`no service ${serviceName} on ${vmName}`);
  return row.id;
}

export async function poolByName(name: string) {
  const [row] = await getDb().select().from(storagePools).where(eq(storagePools.name, name));
  if (!row) throw new Error(`no storage pool ${name}`);
  return row;
}

/** The audit trail of one subject, oldest first. */
export async function auditTrailOf(subjectId: string) {
  return getDb().select().from(auditEvents).where(eq(auditEvents.subjectId, subjectId)).orderBy(asc(auditEvents.id));
}
