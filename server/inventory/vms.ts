import { and, asc, count, eq, ilike, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { inlined, inlinedCount, runShape, shapeName } from "@/db/prepared";
import { devices, orgs, services, storagePools, vms } from "@/db/schema";
import { canSeeOrg, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/errors";
import { containsPattern } from "@/server/sql/like";
import { environments, idInput, listInventoryInput } from "./schemas";

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

/**
 * What a request asks for, bar the ids it filters by: requests of one shape share one statement. The
 * environment and the page are written into the text (db/prepared.ts `inlined`); ids are bound.
 */
type Environment = (typeof environments)[number];

type VmListShape = {
  staff: boolean;
  includeRetired: boolean;
  orgId: boolean;
  environment: Environment | undefined;
  hypervisorId: boolean;
  search: boolean;
  page: number;
  pageSize: number;
};

function vmListCondition(shape: VmListShape): SQL | undefined {
  return and(
    shape.staff ? undefined : sql`${vms.orgId} = any(${sql.placeholder("customerOrgIds")}::uuid[])`,
    shape.includeRetired ? undefined : ne(vms.status, inlined("retired")),
    shape.orgId ? eq(vms.orgId, sql.placeholder("orgId")) : undefined,
    shape.environment ? eq(vms.environment, inlined(shape.environment)) : undefined,
    shape.hypervisorId ? eq(vms.hypervisorId, sql.placeholder("hypervisorId")) : undefined,
    shape.search ? or(ilike(vms.name, sql.placeholder("pattern")), ilike(vms.role, sql.placeholder("pattern"))) : undefined,
  );
}

function pageStatement(db: DbOrTx, shape: VmListShape) {
  return (
    db
      .select(vmColumns)
      .from(vms)
      .innerJoin(orgs, eq(orgs.id, vms.orgId))
      .innerJoin(devices, eq(devices.id, vms.hypervisorId))
      .innerJoin(storagePools, eq(storagePools.id, vms.storagePoolId))
      .where(vmListCondition(shape))
      // lower(name) matches the unique index, so a page is an index walk rather than a sort of every VM.
      .orderBy(sql`lower(${vms.name})`)
      .limit(inlinedCount(shape.pageSize))
      .offset(inlinedCount((shape.page - 1) * shape.pageSize))
  );
}

/** Counting every match on every page would scan all VMs each time; counting stops past the cap. */
function countStatement(db: DbOrTx, shape: VmListShape) {
  return db
    .select({ n: count() })
    .from(db.select({ one: sql`1` }).from(vms).where(vmListCondition(shape)).limit(inlinedCount(TOTAL_CAP + 1)).as("capped"));
}

/** The VM list, filtered and a page at a time; customers see only their own orgs' VMs. */
export async function listVms(db: DbOrTx, actor: Actor, input: z.input<typeof listInventoryInput>) {
  const query = listInventoryInput.parse(input);
  const shape: VmListShape = {
    staff: actor.isStaff,
    includeRetired: query.includeRetired,
    orgId: Boolean(query.orgId),
    environment: query.environment,
    hypervisorId: Boolean(query.hypervisorId),
    search: Boolean(query.search),
    page: query.page,
    pageSize: query.pageSize,
  };
  const values = {
    customerOrgIds: actor.customerOrgIds,
    orgId: query.orgId,
    hypervisorId: query.hypervisorId,
    pattern: query.search ? containsPattern(query.search) : undefined,
  };
  // First pages are what people open all day, and each has one plan; later pages (each its own
  // text) and name searches (how many names match decides the plan) are planned for each request.
  const name = shape.page === 1 && !shape.search ? shapeName("vm_list", shape) : undefined;
  const [rows, [total]] = await Promise.all([
    runShape(db, name, () => pageStatement(db, shape), values),
    runShape(db, name && `${name}_n`, () => countStatement(db, shape), values),
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
