import { and, eq, isNotNull, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { devices, racks } from "@/db/schema";
import { badRequest } from "@/server/errors";
import { rackPlacementProblem } from "./rack-units";

type Position = { id?: string; name: string; rackId: string | null; rackUnit: number | null; heightUnits: number };

/**
 * Refuses a rack position that is not free. Locks the rack row, so two devices placed into the same
 * rack at once cannot both take the last free units. Retired devices have left the rack.
 */
export async function assertRackSpace(tx: DbOrTx, device: Position): Promise<void> {
  if (device.rackId === null) {
    if (device.rackUnit !== null) throw badRequest(`Choose the rack ${device.name} stands in: a unit means nothing without its rack.`);
    return;
  }
  const [rack] = await tx.select().from(racks).where(eq(racks.id, device.rackId)).for("update");
  if (!rack) throw badRequest("Choose a rack that exists.");
  if (device.rackUnit === null) return;
  const others = await tx
    .select({ name: devices.name, rackUnit: devices.rackUnit, heightUnits: devices.heightUnits })
    .from(devices)
    .where(and(eq(devices.rackId, rack.id), isNotNull(devices.rackUnit), ne(devices.status, "retired"), device.id ? ne(devices.id, device.id) : undefined));
  const problem = rackPlacementProblem(
    rack,
    { name: device.name, rackUnit: device.rackUnit, heightUnits: device.heightUnits },
    others.map((o) => ({ ...o, rackUnit: o.rackUnit! })),
  );
  if (problem) throw badRequest(problem);
}
