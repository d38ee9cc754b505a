import { and, asc, count, eq, ilike, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { devices, orgs, services, storagePools, vms } from "@/db/schema";
import { canSeeOrg, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/errors";
import { containsPattern } from "@/server/sql/like";
import { idInput, listInventoryInput } from "./schemas";

/** Restricts VM rows to what the actor may see: staff everything, customers their orgs. */
export function visibleVms(actor: Actor): SQL | undefined {
  return actor.isStaff ? undefined : inArray(vms.orgId, actor.customerOrgIds);
}

const vmColumns = {
  id: vms.id,
  name: vms.name,
  orgId: vms.orgId,
  orgName: orgs.name,
  environment: vms.environment,
  role: vms.role,
  status: vms.status,
  vcpus: vms.vcpus,
  memoryMb: vms.memoryMb,
  diskGb: vms.diskGb,
  addresses: vms.addresses,
  redundancyGroup: vms.redundancyGroup,
  hypervisorId: vms.hypervisorId,
  hypervisorName: devices.name,
  storagePoolId: vms.storagePoolId,
  storagePoolName: storagePools.name,
  driver: vms.driver,
};

/** Beyond this many matches the list says "more than" instead of counting them all. */
export const TOTAL_CAP = 1000;

/** The VM list, filtered and a page at a time; customers see only their own orgs' VMs. */
export async function listVms(db: DbOrTx, actor: Actor, input: z.input<typeof listInventoryInput>) {
  const query = listInventoryInput.parse(input);
  const where = and(
    visibleVms(actor),
    query.includeRetired ? undefined : ne(vms.status, "retired"),
    query.orgId ? eq(vms.orgId, query.orgId) : undefined,
    query.environment ? eq(vms.environment, query.environment) : undefined,
    query.hypervisorId ? eq(vms.hypervisorId, query.hypervisorId) : undefined,
    query.search ? or(ilike(vms.name, containsPattern(query.search)), ilike(vms.role, containsPattern(query.search))) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(vmColumns)
      .from(vms)
      .innerJoin(orgs, eq(orgs.id, vms.orgId))
      .innerJoin(devices, eq(devices.id, vms.hypervisorId))
      .innerJoin(storagePools, eq(storagePools.id, vms.storagePoolId))
      .where(where)
      // lower(name) matches the unique index, so a page is an index walk rather than a sort of every VM.
      .orderBy(sql`lower(${vms.name})`)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    // Counting every match on every page would scan all VMs each time; counting stops past the cap.
    db.select({ n: count() }).from(db.select({ one: sql`1` }).from(vms).where(where).limit(TOTAL_CAP + 1).as("capped")),
  ]);
  const n = total?.n ?? 0;
  return { rows, total: Math.min(n, TOTAL_CAP), totalIsCapped: n > TOTAL_CAP, page: query.page, pageSize: query.pageSize };
}

/** One VM with its services. Another org's VM answers NOT_FOUND, like a missing one. */
export async function getVm(db: DbOrTx, actor: Actor, input: z.input<typeof idInput>) {
  const { id } = idInput.parse(input);
  const [vm] = await db
    .select(vmColumns)
    .from(vms)
    .innerJoin(orgs, eq(orgs.id, vms.orgId))
    .innerJoin(devices, eq(devices.id, vms.hypervisorId))
    .innerJoin(storagePools, eq(storagePools.id, vms.storagePoolId))
    .where(eq(vms.id, id));
  if (!vm || !canSeeOrg(actor, vm.orgId)) throw notFound("That VM");
  const vmServices = await db
    .select()
    .from(services)
    .where(and(eq(services.vmId, id), isNull(services.retiredAt)))
    .orderBy(asc(services.name));
  return { ...vm, services: vmServices };
}
