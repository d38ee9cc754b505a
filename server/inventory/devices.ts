import { and, asc, eq, ilike, ne } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { devices, racks, sites } from "@/db/schema";
import { requireStaff, type Actor } from "@/server/auth/actor";
import { containsPattern } from "@/server/sql/like";
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
