import { and, asc, eq, ilike, ne } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { dependencies, devices, racks, sites, storagePools } from "@/db/schema";
import { requireStaff, type Actor } from "@/server/auth/actor";
import { containsPattern } from "@/server/sql/like";
import { resolveNodes } from "./nodes";
import { listInventoryInput } from "./schemas";

/** Provider hardware with where it stands. Staff only: customers see hardware only in their chains. */
export async function listDevices(db: DbOrTx, actor: Actor, input: z.input<typeof listInventoryInput>) {
  requireStaff(actor);
  const query = listInventoryInput.parse(input);
  return db
    .select({
      id: devices.id,
      name: devices.name,
      kind: devices.kind,
      status: devices.status,
      cores: devices.cores,
      memoryMb: devices.memoryMb,
      diskGb: devices.diskGb,
      managementAddress: devices.managementAddress,
      rackUnit: devices.rackUnit,
      rackName: racks.name,
      siteName: sites.name,
    })
    .from(devices)
    .leftJoin(racks, eq(racks.id, devices.rackId))
    .leftJoin(sites, eq(sites.id, racks.siteId))
    .where(
      and(
        query.includeRetired ? undefined : ne(devices.status, "retired"),
        query.deviceKind ? eq(devices.kind, query.deviceKind) : undefined,
        query.search ? ilike(devices.name, containsPattern(query.search)) : undefined,
      ),
    )
    .orderBy(asc(devices.kind), asc(devices.name));
}

/** Storage pools with their server, for the VM form. */
export async function listStoragePools(db: DbOrTx, actor: Actor) {
  requireStaff(actor);
  return db
    .select({ id: storagePools.id, name: storagePools.name, deviceName: devices.name, capacityGb: storagePools.capacityGb })
    .from(storagePools)
    .innerJoin(devices, eq(devices.id, storagePools.deviceId))
    .where(ne(devices.status, "retired"))
    .orderBy(asc(storagePools.name));
}

/** Explicit dependencies with both ends named, for staff to review and edit. */
export async function listExplicitDependencies(db: DbOrTx, actor: Actor) {
  requireStaff(actor);
  const rows = await db.select().from(dependencies).orderBy(asc(dependencies.createdAt));
  const names = await resolveNodes(db, [...new Set(rows.flatMap((r) => [r.parentId, r.childId]))]);
  return rows.map((r) => ({
    id: r.id,
    parent: names.get(r.parentId)?.name ?? "(gone)",
    child: names.get(r.childId)?.name ?? "(gone)",
    redundancyGroup: r.redundancyGroup,
  }));
}
