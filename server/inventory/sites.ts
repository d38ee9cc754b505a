import { asc, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { devices, racks, sites } from "@/db/schema";
import { requireStaff, type Actor } from "@/server/auth/actor";

/**
 * The sites with their racks and the working hardware in each, for the layout page and the rack
 * choice on the device form. Retired hardware has left its rack.
 */
export async function listSites(db: DbOrTx, actor: Actor) {
  requireStaff(actor);
  const [siteRows, rackRows, racked] = await Promise.all([
    db.select().from(sites).orderBy(asc(sites.name)),
    db.select().from(racks).orderBy(asc(racks.name)),
    db
      .select({
        id: devices.id,
        name: devices.name,
        kind: devices.kind,
        status: devices.status,
        rackId: devices.rackId,
        rackUnit: devices.rackUnit,
        heightUnits: devices.heightUnits,
      })
      .from(devices)
      .where(ne(devices.status, "retired"))
      .orderBy(asc(devices.name)),
  ]);
  return siteRows.map((site) => ({
    id: site.id,
    name: site.name,
    city: site.city,
    racks: rackRows
      .filter((rack) => rack.siteId === site.id)
      .map((rack) => ({ id: rack.id, name: rack.name, units: rack.units, devices: racked.filter((d) => d.rackId === rack.id) })),
  }));
}
